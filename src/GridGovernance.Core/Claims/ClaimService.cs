using System.Collections.Immutable;
using GridGovernance.Claims.Matching;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Stars;
using NodaTime;

namespace GridGovernance.Claims;

/// <summary>
/// The application service of the three lists (三张清单: resources 资源, needs 需求, projects 项目) and of project claims:
/// self-claim (units choose from the list, first come first served, limits per unit and per project), optimal
/// matching of the open list, agreements, delivery and completion with points for the members who served.
/// </summary>
/// <remarks>
/// A claim loads the project and the unit's <see cref="ResourceListing"/>, changes both and saves them in one unit of
/// work; when another writer saved either first (<see cref="ConcurrencyException"/>) the claim is retried from a
/// fresh load (<see cref="UnitOfWorkRetry"/>), so two concurrent claims of the last place end with exactly one
/// winner and the other refused with <c>claims.project-full</c>.
/// </remarks>
[Immutable]
public sealed class ClaimService
{
    private readonly IRepository<ServiceProject> projects;
    private readonly IRepository<ResourceListing> listings;
    private readonly IRepository<Need> needs;
    private readonly IUnitOfWork unitOfWork;
    private readonly IClock clock;
    private readonly PointsLedgerService ledger;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="projects">The project list.</param>
    /// <param name="listings">The resource list.</param>
    /// <param name="needs">The need list.</param>
    /// <param name="unitOfWork">The scope's unit of work.</param>
    /// <param name="clock">The clock, for claim and signing times.</param>
    /// <param name="ledger">The points ledger, used only when a completion names a <see cref="ClaimPointsAward"/>.</param>
    public ClaimService(IRepository<ServiceProject> projects, IRepository<ResourceListing> listings, IRepository<Need> needs, IUnitOfWork unitOfWork, IClock clock, PointsLedgerService ledger)
    {
        this.projects = Preconditions.CheckNotNull(projects);
        this.listings = Preconditions.CheckNotNull(listings);
        this.needs = Preconditions.CheckNotNull(needs);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.clock = Preconditions.CheckNotNull(clock);
        this.ledger = Preconditions.CheckNotNull(ledger);
    }

    /// <summary>Loads a project.</summary>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">It does not exist.</exception>
    public Task<ServiceProject> GetProjectAsync(ProjectId project, CancellationToken cancellationToken = default) => LoadAsync(project, cancellationToken);

    /// <summary>Puts a unit's resources on the resource list.</summary>
    /// <param name="listing">The listing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceException">The unit is listed already (<c>storage.duplicate-key</c>).</exception>
    public async Task<ResourceListing> ListResourceAsync(ResourceListing listing, CancellationToken cancellationToken = default)
    {
        await listings.AddAsync(Preconditions.CheckNotNull(listing), cancellationToken).ConfigureAwait(false);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return listing;
    }

    /// <summary>Puts a need on the need list.</summary>
    /// <param name="need">The need.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Need> RaiseNeedAsync(Need need, CancellationToken cancellationToken = default)
    {
        await needs.AddAsync(Preconditions.CheckNotNull(need), cancellationToken).ConfigureAwait(false);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return need;
    }

    /// <summary>Adds a proposed project and marks the needs it packages as packaged, in one unit of work.</summary>
    /// <param name="project">The project (in state <see cref="ProjectStatus.Proposed"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="EntityNotFoundException">A need does not exist.</exception>
    /// <exception cref="GridGovernanceException">A need is already packaged (<c>claims.illegal-transition</c>) or the id is taken.</exception>
    public Task<ServiceProject> ProposeAsync(ServiceProject project, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(project);
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            foreach (var id in project.Needs)
            {
                var need = await needs.GetByIdAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(Need), id);
                need.PackageInto(project.Id);
                await needs.UpdateAsync(need, cancellationToken).ConfigureAwait(false);
            }
            await projects.AddAsync(project, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return project;
        }, cancellationToken);
    }

    /// <summary>Offers a proposed project for claiming.</summary>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ServiceProject> OpenAsync(ProjectId project, CancellationToken cancellationToken = default) =>
        ChangeAsync(project, p => p.Open(), cancellationToken);

    /// <summary>
    /// Self-claim (自主认领): the unit claims a place of an open project, first come first served, within its own limit
    /// (<see cref="ResourceListing.Capacity"/>) and the project's places.
    /// </summary>
    /// <param name="project">The project.</param>
    /// <param name="unit">The claimant; must have a <see cref="ResourceListing"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="EntityNotFoundException">The project or the unit's listing does not exist.</exception>
    /// <exception cref="GridGovernanceException">
    /// The unit does not qualify (<c>claims.not-eligible</c>), is at its limit (<c>claims.unit-limit-reached</c>), already
    /// claimed it (<c>claims.already-claimed</c>), or no place is left (<c>claims.project-full</c>).
    /// </exception>
    /// <exception cref="IllegalTransitionException">The project is not open.</exception>
    public Task<ServiceProject> ClaimAsync(ProjectId project, OrgUnitId unit, CancellationToken cancellationToken = default) =>
        UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(project, cancellationToken).ConfigureAwait(false);
            var listing = await listings.GetByIdAsync(unit, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(ResourceListing), unit);
            Claim(loaded, listing, clock.GetCurrentInstant());
            await projects.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await listings.UpdateAsync(listing, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken);

    /// <summary>
    /// Optimal matching (最优匹配) of the open project list against the resource list: the open places and the units'
    /// remaining capacity go to <see cref="ClaimMatcher"/>. Nothing is claimed; pass the result to
    /// <see cref="ApplyMatchingAsync"/> after review.
    /// </summary>
    /// <param name="options">Weights and distance limit, or <c>null</c>.</param>
    /// <param name="progress">Receives progress, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<ClaimMatchResult> MatchOpenProjectsAsync(ClaimMatchingOptions? options = null, IProgress<ClaimMatchingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var open = await projects.ListAsync(new ProjectsInStatus(ProjectStatus.Open), cancellationToken).ConfigureAwait(false);
        var resources = await listings.ListAsync(cancellationToken).ConfigureAwait(false);
        return ClaimMatcher.Match(
            open.Select(p => p.ToClaimable()),
            resources.Select(l => l.ToUnitResource()).Where(r => r.Capacity > 0),
            options,
            progress,
            cancellationToken);
    }

    /// <summary>One claim on loaded copies: the listing must qualify for the project; the project takes the claimant and the listing holds a place.</summary>
    private static void Claim(ServiceProject project, ResourceListing listing, Instant now)
    {
        Preconditions.CheckState(listing.Qualifies(project), ErrorCodes.ClaimsNotEligible,
            $"{listing.Id} does not offer {project.Category} in {project.Area} on {project.Deadline:yyyy-MM-dd}, so it cannot claim {project.Id}.");
        project.Claim(listing.Id, now);
        listing.Hold(project.Id);
    }

    /// <summary>
    /// Claims every assignment of a matching, with the checks of <see cref="ClaimAsync"/>, all in one save: either every
    /// place is claimed or, when one claim is refused (the lists changed since the matching was made), none is.
    /// </summary>
    /// <param name="matching">The matching.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>How many places were claimed.</returns>
    /// <exception cref="GridGovernanceException">A claim was refused; nothing was claimed.</exception>
    public Task<int> ApplyMatchingAsync(ClaimMatchResult matching, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(matching);
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loadedProjects = new Dictionary<ProjectId, ServiceProject>();
            var loadedListings = new Dictionary<OrgUnitId, ResourceListing>();
            var now = clock.GetCurrentInstant();
            int claimed = 0;
            foreach (var project in matching.Projects)
            {
                foreach (var assignment in project.Assignments)
                {
                    if (!loadedProjects.TryGetValue(project.Project, out var loaded))
                    {
                        loaded = loadedProjects[project.Project] = await LoadAsync(project.Project, cancellationToken).ConfigureAwait(false);
                    }
                    if (!loadedListings.TryGetValue(assignment.Unit, out var listing))
                    {
                        listing = loadedListings[assignment.Unit] = await listings.GetByIdAsync(assignment.Unit, cancellationToken).ConfigureAwait(false)
                            ?? throw new EntityNotFoundException(nameof(ResourceListing), assignment.Unit);
                    }
                    Claim(loaded, listing, now);
                    claimed++;
                }
            }
            // Every check passed on the loaded copies: stage them all and save once.
            foreach (var loaded in loadedProjects.Values)
            {
                await projects.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            }
            foreach (var listing in loadedListings.Values)
            {
                await listings.UpdateAsync(listing, cancellationToken).ConfigureAwait(false);
            }
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return claimed;
        }, cancellationToken);
    }

    /// <summary>Records a claimant's signed claim agreement (《项目认领协议书》), time-stamped now.</summary>
    /// <param name="project">The project.</param>
    /// <param name="unit">The claimant that signs.</param>
    /// <param name="people">The members it sends.</param>
    /// <param name="money">The funds it commits (元).</param>
    /// <param name="duties">Its duties.</param>
    /// <param name="deadline">The delivery deadline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ServiceProject> SignAgreementAsync(ProjectId project, OrgUnitId unit, IEnumerable<MemberId> people, decimal money, IEnumerable<string> duties, LocalDate deadline, CancellationToken cancellationToken = default)
    {
        var agreement = new ClaimAgreement(unit, Preconditions.CheckNotNull(people).ToImmutableArray(), money, Preconditions.CheckNotNull(duties).ToImmutableArray(), deadline, clock.GetCurrentInstant());
        return ChangeAsync(project, p => p.SignAgreement(agreement), cancellationToken);
    }

    /// <summary>Starts delivery of a project whose agreements are all signed.</summary>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ServiceProject> StartDeliveryAsync(ProjectId project, CancellationToken cancellationToken = default) =>
        ChangeAsync(project, p => p.StartDelivery(), cancellationToken);

    /// <summary>
    /// Completes a project in delivery, frees its claimants' places, and, when <paramref name="award"/> is given, records
    /// the item for every member who served (<see cref="LedgerSource.Claim"/>, key <c>claim:{project}:{member}</c>).
    /// Calling again for a completed project records any missing awards and changes nothing else.
    /// </summary>
    /// <param name="project">The project.</param>
    /// <param name="served">The members who served.</param>
    /// <param name="completedOn">The day it was completed.</param>
    /// <param name="award">The item to award, or <c>null</c> for no points.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ledger entries recorded (empty without an award).</returns>
    public async Task<IReadOnlyList<LedgerEntry>> CompleteAsync(ProjectId project, IEnumerable<MemberId> served, LocalDate completedOn, ClaimPointsAward? award = null, CancellationToken cancellationToken = default)
    {
        var members = Preconditions.CheckNotNull(served).ToArray();
        var completed = await UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(project, cancellationToken).ConfigureAwait(false);
            if (loaded.Status != ProjectStatus.Completed)
            {
                loaded.Complete(members, completedOn);
                await ReleaseAsync(loaded, cancellationToken).ConfigureAwait(false);
                await projects.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
                await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            return loaded;
        }, cancellationToken).ConfigureAwait(false);
        var entries = new List<LedgerEntry>();
        if (award is not null)
        {
            foreach (var member in completed.Served)
            {
                entries.Add(await ledger.RecordAsync(Authority.Actor.System("claims"), award.RuleBook, LedgerSource.Claim, new LedgerEntryRequest
                {
                    Member = member,
                    ItemCode = award.ItemCode,
                    OccurredOn = completedOn,
                    IdempotencyKey = $"claim:{project.Value}:{member.Value}",
                    Value = award.Value,
                    Evidence = project.ToString(),
                }, cancellationToken).ConfigureAwait(false));
            }
        }
        return entries;
    }

    /// <summary>
    /// Organisation points for claims (Yibin scores its organs on claims quarterly): every claimant unit of a project
    /// completed within the period earns <paramref name="perCompletedProject"/>. The result feeds
    /// <see cref="OrganisationStars.For"/> or a unit ranking; units without a completed project are left out.
    /// </summary>
    /// <param name="period">The period, e.g. a quarter.</param>
    /// <param name="perCompletedProject">The points a claimant earns per completed project, as the integrator configures them.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ImmutableSortedDictionary<OrgUnitId, Points>> UnitPointsAsync(DateInterval period, Points perCompletedProject, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(period);
        var completed = await projects.ListAsync(new ProjectsCompletedWithin(period.Start, period.End), cancellationToken).ConfigureAwait(false);
        var totals = new SortedDictionary<OrgUnitId, Points>();
        foreach (var claim in completed.SelectMany(p => p.Claims))
        {
            totals[claim.Unit] = totals.GetValueOrDefault(claim.Unit, Points.Zero) + perCompletedProject;
        }
        return totals.ToImmutableSortedDictionary();
    }

    /// <summary>Ends a project as failed or withdrawn and frees its claimants' places.</summary>
    /// <param name="project">The project.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ServiceProject> FailAsync(ProjectId project, string reason, CancellationToken cancellationToken = default) =>
        UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(project, cancellationToken).ConfigureAwait(false);
            loaded.Fail(reason);
            await ReleaseAsync(loaded, cancellationToken).ConfigureAwait(false);
            await projects.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken);

    private async Task ReleaseAsync(ServiceProject project, CancellationToken cancellationToken)
    {
        foreach (var claim in project.Claims)
        {
            if (await listings.GetByIdAsync(claim.Unit, cancellationToken).ConfigureAwait(false) is { } listing)
            {
                listing.Release(project.Id);
                await listings.UpdateAsync(listing, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task<ServiceProject> ChangeAsync(ProjectId project, Action<ServiceProject> change, CancellationToken cancellationToken) =>
        UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(project, cancellationToken).ConfigureAwait(false);
            change(loaded);
            await projects.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken);

    private async Task<ServiceProject> LoadAsync(ProjectId project, CancellationToken cancellationToken) =>
        await projects.GetByIdAsync(project, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(ServiceProject), project);
}
