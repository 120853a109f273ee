using GridGovernance.Organisation;
using GridGovernance.Persistence;
using NodaTime;

namespace GridGovernance.Authority;

/// <summary>
/// The facts for one command, read from the store: the acting member and unit, and the units above the subject on
/// the day (and above the member's 双报到 communities). O(depth) reads and no index to build; answers only what
/// the rules ask about this actor and this subject, and "no" to anything else.
/// </summary>
internal sealed class StoreAuthorityView : IAuthorityView
{
    private const int MaxDepth = 1_000;

    private readonly Actor actor;
    private readonly Member? actorMember;
    private readonly OrgUnit? actorUnit;
    private readonly NodeRef? subjectNode;
    private readonly HashSet<OrgUnitId> above = [];
    private readonly HashSet<OrgUnitId> aboveRegistrations = [];

    private StoreAuthorityView(LocalDate asOf, Actor actor, Member? actorMember, OrgUnit? actorUnit, NodeRef? subjectNode)
    {
        AsOf = asOf;
        this.actor = actor;
        this.actorMember = actorMember;
        this.actorUnit = actorUnit;
        this.subjectNode = subjectNode;
    }

    public LocalDate AsOf { get; }

    public static async Task<StoreAuthorityView> LoadAsync(
        IReadRepository<OrgUnit> units, IReadRepository<Member> members, IReadRepository<Household> households,
        Actor actor, IAuthoritySubject subject, LocalDate asOf, CancellationToken cancellationToken)
    {
        var actorMember = actor.IsMember ? await members.GetByIdAsync(actor.MemberId, cancellationToken).ConfigureAwait(false) : null;
        var actorUnit = actor.Kind == ActorKind.Post ? await units.GetByIdAsync(actor.Unit, cancellationToken).ConfigureAwait(false) : null;
        var view = new StoreAuthorityView(asOf, actor, actorMember, actorUnit, subject.Node);
        if (actor.Kind != ActorKind.Post || subject.Node is not { } node)
        {
            return view;
        }
        OrgUnitId? start = null;
        Member? subjectMember = null;
        switch (node.Kind)
        {
            case NodeKind.Unit:
                start = node.AsUnit();
                break;
            case NodeKind.Member:
                subjectMember = await members.GetByIdAsync(node.AsMember(), cancellationToken).ConfigureAwait(false);
                start = subjectMember?.BranchOn(asOf);
                break;
            default:
                start = (await households.GetByIdAsync(node.AsHousehold(), cancellationToken).ConfigureAwait(false))?.UnitOn(asOf);
                break;
        }
        await CollectAboveAsync(units, start, asOf, view.above, cancellationToken).ConfigureAwait(false);
        if (subjectMember is not null && start is not null)
        {
            foreach (var registration in subjectMember.RegistrationsOn(asOf))
            {
                await CollectAboveAsync(units, registration.Unit, asOf, view.aboveRegistrations, cancellationToken).ConfigureAwait(false);
            }
        }
        return view;
    }

    public bool IsOnRoster(MemberId member) => member == actor.MemberId && actorMember?.BranchOn(AsOf) is not null;

    public bool HoldsPost(MemberId member, RoleKind role, OrgUnitId unit)
    {
        if (!IsOnRoster(member) || actorUnit is null || unit != actorUnit.Id || !actorUnit.IsOpenOn(AsOf))
        {
            return false;
        }
        if (actorMember!.RolesOn(AsOf).Any(r => r.Role == role && r.Unit == unit))
        {
            return true;
        }
        return role == RoleKind.RotatingChair && actorUnit.ChairOn(AsOf)?.Chair == member;
    }

    public bool Covers(OrgUnitId unit, NodeRef node, bool includeDualRegistrations)
    {
        if (actorUnit is null || unit != actorUnit.Id || subjectNode != node || !actorUnit.IsOpenOn(AsOf))
        {
            return false;
        }
        if (Reaches(unit, above) || (includeDualRegistrations && Reaches(unit, aboveRegistrations)))
        {
            return true;
        }
        return false;
    }

    public bool IsTopLevel(OrgUnitId unit) =>
        actorUnit is not null && unit == actorUnit.Id && actorUnit.TryGetParentOn(AsOf, out var parent) && parent is null;

    private bool Reaches(OrgUnitId unit, HashSet<OrgUnitId> chain) =>
        chain.Contains(unit) || actorUnit!.SpannedOn(AsOf).Any(chain.Contains);

    private static async Task CollectAboveAsync(IReadRepository<OrgUnit> units, OrgUnitId? start, LocalDate asOf, HashSet<OrgUnitId> into, CancellationToken cancellationToken)
    {
        var path = new List<OrgUnitId>();
        int steps = 0;
        for (OrgUnitId? current = start; current is OrgUnitId id && steps++ < MaxDepth;)
        {
            var unit = await units.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
            if (unit is null || !unit.TryGetParentOn(asOf, out var parent))
            {
                return; // not open that day: nothing under it exists then either
            }
            path.Add(id);
            current = parent;
        }
        into.UnionWith(path);
    }
}
