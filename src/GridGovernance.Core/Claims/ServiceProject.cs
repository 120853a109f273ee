using System.Collections.Immutable;
using GridGovernance.Claims.Matching;
using NodaTime;

namespace GridGovernance.Claims;

/// <summary>
/// A service project (服务项目) on the project list (项目清单): needs packaged for units to claim, with its lifecycle
/// proposed → open → claimed → agreement signed → in delivery → completed or failed (<see cref="ProjectLifecycle"/>).
/// </summary>
[Mutable]
public sealed class ServiceProject : AggregateRoot<ProjectId>
{
    /// <summary>Creates a proposed project.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="name">Its name, e.g. "助老送餐".</param>
    /// <param name="category">The service category code.</param>
    /// <param name="area">The service area it lies in.</param>
    /// <param name="unit">
    /// The unit whose project list it is on: the community (or street, or regional committee) that proposes it. The
    /// matter sits there for the authority rules: proposing, opening, matching and completing it need a post whose
    /// jurisdiction covers this unit.
    /// </param>
    /// <param name="location">Where it is delivered.</param>
    /// <param name="claimantsRequired">How many units must claim it; at least 1.</param>
    /// <param name="deadline">The day it must be delivered by.</param>
    /// <param name="needs">The needs (需求) it packages; may be empty.</param>
    /// <exception cref="GridGovernanceValidationException">A value is missing or out of range.</exception>
    public ServiceProject(ProjectId id, string name, string category, AreaId area, OrgUnitId unit, GeoPoint location, int claimantsRequired, LocalDate deadline, IEnumerable<NeedId> needs)
        : base(id)
    {
        Preconditions.CheckSpecified(id.IsSpecified, nameof(id), "id must be a real project id, not default.");
        Preconditions.CheckSpecified(area.IsSpecified, nameof(area), "area must be a real area id, not default.");
        Preconditions.CheckSpecified(unit.IsSpecified, nameof(unit), "unit must be a real unit id, not default.");
        Preconditions.CheckArgumentRange(nameof(claimantsRequired), claimantsRequired, 1, 1000);
        Name = Preconditions.CheckNotBlank(name);
        Category = Preconditions.CheckNotBlank(category);
        Area = area;
        Unit = unit;
        Location = location;
        ClaimantsRequired = claimantsRequired;
        Deadline = deadline;
        Needs = Preconditions.CheckNotNull(needs).Distinct().Order().ToImmutableArray();
    }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>The service category code.</summary>
    public string Category { get; }

    /// <summary>The service area.</summary>
    public AreaId Area { get; }

    /// <summary>
    /// The unit whose project list it is on (the proposing community): where the matter sits for the authority rules.
    /// When that unit closes in a merge, split or close while the project is open, it is the successor (机构调整).
    /// </summary>
    public OrgUnitId Unit { get; private set; }

    /// <summary>Where it is delivered.</summary>
    public GeoPoint Location { get; }

    /// <summary>How many units must claim it.</summary>
    public int ClaimantsRequired { get; }

    /// <summary>The day it must be delivered by.</summary>
    public LocalDate Deadline { get; }

    /// <summary>The needs it packages, in id order.</summary>
    public ImmutableArray<NeedId> Needs { get; }

    /// <summary>Where it stands.</summary>
    public ProjectStatus Status { get; private set; } = ProjectStatus.Proposed;

    /// <summary>Its claimants, first come first.</summary>
    public ImmutableList<ProjectClaim> Claims { get; private set; } = ImmutableList<ProjectClaim>.Empty;

    /// <summary>The signed claim agreements (《项目认领协议书》), one per claimant.</summary>
    public ImmutableList<ClaimAgreement> Agreements { get; private set; } = ImmutableList<ClaimAgreement>.Empty;

    /// <summary>The members who served, recorded on completion.</summary>
    public ImmutableArray<MemberId> Served { get; private set; } = [];

    /// <summary>The day it was completed, or <c>null</c>.</summary>
    public LocalDate? CompletedOn { get; private set; }

    /// <summary>Why it failed, or <c>null</c>.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>Places not yet claimed.</summary>
    public int OpenPlaces => ClaimantsRequired - Claims.Count;

    /// <summary>Whether the unit holds a claim.</summary>
    /// <param name="unit">The unit.</param>
    public bool IsClaimedBy(OrgUnitId unit) => Claims.Any(c => c.Unit == unit);

    /// <summary>The project as the optimal matcher sees it (<see cref="ClaimMatcher"/>), with its open places only.</summary>
    public ClaimableProject ToClaimable() => new(Id, Category, Location, Area, Math.Max(1, OpenPlaces), Deadline);

    /// <summary>Offers it for claiming (发布).</summary>
    /// <exception cref="IllegalTransitionException">It is not proposed.</exception>
    public void Open() => MoveTo(ProjectStatus.Open);

    /// <summary>Records a claim of one place; the last place moves it to <see cref="ProjectStatus.Claimed"/>.</summary>
    /// <param name="unit">The claimant.</param>
    /// <param name="at">When.</param>
    /// <exception cref="GridGovernanceException">No place is left (<c>claims.project-full</c>) or the unit already claimed it (<c>claims.already-claimed</c>).</exception>
    /// <exception cref="IllegalTransitionException">It is not open for claiming.</exception>
    public void Claim(OrgUnitId unit, Instant at)
    {
        Preconditions.CheckSpecified(unit.IsSpecified, nameof(unit), "unit must be a real unit id, not default.");
        Preconditions.CheckState(Status != ProjectStatus.Claimed, ErrorCodes.ClaimsProjectFull, $"{Id} has no place left: all {ClaimantsRequired} are claimed.");
        if (Status != ProjectStatus.Open)
        {
            ProjectLifecycle.Table.Apply(Status, ProjectStatus.Claimed, $"{nameof(ServiceProject)} {Id}", Id);
        }
        Preconditions.CheckState(!IsClaimedBy(unit), ErrorCodes.ClaimsAlreadyClaimed, $"{unit} already claimed {Id}.");
        Claims = Claims.Add(new ProjectClaim(unit, at));
        Raise(new ServiceProjectClaimed(Id, unit, OpenPlaces));
        if (OpenPlaces == 0)
        {
            MoveTo(ProjectStatus.Claimed);
        }
    }

    /// <summary>Records one claimant's signed agreement; the last one moves it to <see cref="ProjectStatus.AgreementSigned"/>.</summary>
    /// <param name="agreement">The agreement.</param>
    /// <exception cref="GridGovernanceException">The signer is not a claimant or signed already (<c>claims.not-claimant</c>), or a value is invalid (<c>claims.invalid-value</c>).</exception>
    /// <exception cref="IllegalTransitionException">It is not claimed.</exception>
    public void SignAgreement(ClaimAgreement agreement)
    {
        Preconditions.CheckNotNull(agreement);
        ProjectLifecycle.Table.Apply(Status, ProjectStatus.AgreementSigned, $"{nameof(ServiceProject)} {Id}", Id);
        Preconditions.CheckState(IsClaimedBy(agreement.Unit) && Agreements.All(a => a.Unit != agreement.Unit), ErrorCodes.ClaimsNotClaimant,
            $"{agreement.Unit} is not a claimant of {Id} still to sign.");
        Preconditions.CheckState(agreement.Money >= 0 && !agreement.People.IsDefault && !agreement.Duties.IsDefault, ErrorCodes.ClaimsInvalidValue,
            "An agreement needs a list of people, a list of duties and money ≥ 0.");
        Agreements = Agreements.Add(agreement);
        Raise(new ClaimAgreementSigned(Id, agreement));
        if (Agreements.Count == Claims.Count)
        {
            MoveTo(ProjectStatus.AgreementSigned);
        }
    }

    /// <summary>Starts delivery (实施).</summary>
    /// <exception cref="IllegalTransitionException">The agreements are not all signed.</exception>
    public void StartDelivery() => MoveTo(ProjectStatus.InDelivery);

    /// <summary>Completes it and records who served.</summary>
    /// <param name="served">The members who served.</param>
    /// <param name="on">The day it was completed.</param>
    /// <exception cref="IllegalTransitionException">It is not in delivery.</exception>
    public void Complete(IEnumerable<MemberId> served, LocalDate on)
    {
        var members = Preconditions.CheckNotNull(served).Distinct().Order().ToImmutableArray();
        Preconditions.CheckSpecified(members.All(m => m.IsSpecified), nameof(served), "Every member who served must be a real member id.");
        MoveTo(ProjectStatus.Completed);
        Served = members;
        CompletedOn = on;
        Raise(new ServiceProjectCompleted(Id, Claims.Select(c => c.Unit).ToImmutableArray(), members, on));
    }

    /// <summary>Ends it as failed or withdrawn.</summary>
    /// <param name="reason">Why.</param>
    /// <exception cref="IllegalTransitionException">It is already completed or failed.</exception>
    public void Fail(string reason)
    {
        Preconditions.CheckNotBlank(reason);
        MoveTo(ProjectStatus.Failed);
        FailureReason = reason;
    }

    /// <summary>Whether it is still open work: neither completed nor failed.</summary>
    public bool IsOpen => Status is not (ProjectStatus.Completed or ProjectStatus.Failed);

    /// <summary>
    /// Follows a restructure (机构调整): where <paramref name="from"/> is the project's unit, a claimant or a signed
    /// agreement's unit, <paramref name="to"/> takes its place; status, places and agreement terms stay. One
    /// <see cref="ServiceProjectFollowedSuccessor"/> event.
    /// </summary>
    internal void FollowSuccessor(OrgUnitId from, OrgUnitId to, LocalDate effective, string actor)
    {
        Preconditions.CheckState(IsOpen, ErrorCodes.ClaimsIllegalTransition, $"{Id} is {Status}; it stays where it ended.");
        Preconditions.CheckState(!IsClaimedBy(from) || !IsClaimedBy(to), ErrorCodes.ClaimsAlreadyClaimed, $"{to} already claimed {Id}; {from}'s claim cannot pass to it.");
        bool list = Unit == from, claim = IsClaimedBy(from);
        if (!list && !claim)
        {
            return;
        }
        if (list)
        {
            Unit = to;
        }
        if (claim)
        {
            Claims = Claims.Select(c => c.Unit == from ? c with { Unit = to } : c).ToImmutableList();
            Agreements = Agreements.Select(a => a.Unit == from ? a with { Unit = to } : a).ToImmutableList();
        }
        Raise(new ServiceProjectFollowedSuccessor(Id, from, to, list, claim, effective, actor));
    }

    private void MoveTo(ProjectStatus to)
    {
        ProjectLifecycle.Table.Apply(Status, to, $"{nameof(ServiceProject)} {Id}", Id);
        var from = Status;
        Status = to;
        Raise(new ServiceProjectStatusChanged(Id, from, to));
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private ServiceProject(Persistence.ServiceProjectStoredForm form)
        : base(form.Id)
    {
        Name = form.Name;
        Category = form.Category;
        Area = form.Area;
        Unit = form.Unit;
        Location = form.Location;
        ClaimantsRequired = form.ClaimantsRequired;
        Deadline = form.Deadline;
        Needs = form.Needs;
        Status = form.Status;
        Claims = form.Claims;
        Agreements = form.Agreements;
        Served = form.Served;
        CompletedOn = form.CompletedOn;
        FailureReason = form.FailureReason;
    }

    /// <summary>This ServiceProject's stored form.</summary>
    internal Persistence.ServiceProjectStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Name = Name,
        Category = Category,
        Area = Area,
        Unit = Unit,
        Location = Location,
        ClaimantsRequired = ClaimantsRequired,
        Deadline = Deadline,
        Needs = Needs,
        Status = Status,
        Claims = Claims,
        Agreements = Agreements,
        Served = Served,
        CompletedOn = CompletedOn,
        FailureReason = FailureReason,
    };

    /// <summary>Rebuilds a ServiceProject from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static ServiceProject FromStoredForm(Persistence.ServiceProjectStoredForm form) => new(form);
}
