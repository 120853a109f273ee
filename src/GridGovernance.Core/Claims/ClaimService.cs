using System.Collections.Immutable;
using GridGovernance.Authority;
using GridGovernance.Claims.Matching;
using GridGovernance.Organisation;
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
/// <para>
/// Every command names its <see cref="Actor"/> first and asks <see cref="IAuthorityPolicy"/> before it changes
/// anything (docs/concepts/claims.md, "Who may"): needs, projects and resource listings sit at their
/// <see cref="ServiceProject.Unit"/>, <see cref="Need.Unit"/> and listing unit, and proposing, opening, matching and
/// completing need a post whose jurisdiction covers that unit; a claim or an agreement is made by a post on the
/// claiming unit itself, which is the post's unit. A refusal throws <see cref="ForbiddenException"/>
/// (<c>claims.forbidden</c>) and leaves the store as it was.
/// </para>
/// </remarks>
[Immutable]
public sealed class ClaimService
{
    private readonly IRepository<ServiceProject> projects;
    private readonly IRepository<ResourceListing> listings;
    private readonly IRepository<Need> needs;
    private readonly IReadRepository<OrgUnit> units;
    private readonly IReadRepository<Member> members;
    private readonly IReadRepository<Household> households;
    private readonly IUnitOfWork unitOfWork;
    private readonly IClock clock;
    private readonly GridGovernanceOptions options;
    private readonly IAuthorityPolicy authority;
    private readonly PointsLedgerService ledger;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="projects">The project list.</param>
    /// <param name="listings">The resource list.</param>
    /// <param name="needs">The need list.</param>
    /// <param name="units">The units, to check an agreement's people against the claiming unit's jurisdiction.</param>
    /// <param name="members">The members, for the same check.</param>
    /// <param name="households">The households (the jurisdiction reads take them).</param>
    /// <param name="unitOfWork">The scope's unit of work.</param>
    /// <param name="clock">The clock, for claim and signing times and for the day whose posts count.</param>
    /// <param name="options">The settings (the time zone of "today").</param>
    /// <param name="authority">The authority policy every command asks first.</param>
    /// <param name="ledger">The points ledger, used only when a completion names a <see cref="ClaimPointsAward"/>.</param>
    public ClaimService(
        IRepository<ServiceProject> projects, IRepository<ResourceListing> listings, IRepository<Need> needs,
        IReadRepository<OrgUnit> units, IReadRepository<Member> members, IReadRepository<Household> households,
        IUnitOfWork unitOfWork, IClock clock, GridGovernanceOptions options, IAuthorityPolicy authority, PointsLedgerService ledger)
    {
        this.projects = Preconditions.CheckNotNull(projects);
        this.listings = Preconditions.CheckNotNull(listings);
        this.needs = Preconditions.CheckNotNull(needs);
        this.units = Preconditions.CheckNotNull(units);
        this.members = Preconditions.CheckNotNull(members);
        this.households = Preconditions.CheckNotNull(households);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.clock = Preconditions.CheckNotNull(clock);
        this.options = Preconditions.CheckNotNull(options);
        this.authority = Preconditions.CheckNotNull(authority);
        this.ledger = Preconditions.CheckNotNull(ledger);
        Preconditions.CheckArgument(ledger.SharesUnitOfWork(unitOfWork), nameof(ledger),
            "The ledger must stage in the same unit of work as the claims (one scope), so that a completion and its awards are saved together.");
    }

    /// <summary>Loads a project.</summary>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">It does not exist.</exception>
    public Task<ServiceProject> GetProjectAsync(ProjectId project, CancellationToken cancellationToken = default) => LoadAsync(project, cancellationToken);

    /// <summary>Puts a unit's resources on the resource list.</summary>
    /// <param name="actor">Who acts: a post with <see cref="Capabilities.ProposeProject"/> (<c>claims.propose</c>) whose jurisdiction covers the listed unit.</param>
    /// <param name="listing">The listing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceValidationException">A category breaks the <see cref="InputPolicy"/> (at most <see cref="InputPolicy.MaxKeyLength"/> characters, no control, bidi or zero-width character); nothing was listed.</exception>
    /// <exception cref="ForbiddenException">The actor may not (<c>claims.forbidden</c>); nothing was listed.</exception>
    /// <exception cref="GridGovernanceException">The unit is listed already (<c>storage.duplicate-key</c>).</exception>
    public async Task<ResourceListing> ListResourceAsync(Actor actor, ResourceListing listing, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(listing);
        InputPolicy.ThrowIfAny("The resource listing",
        [
            .. listing.Categories.Select((c, i) => InputPolicy.CheckText(c, $"listing.Categories[{i}]", null, InputPolicy.MaxKeyLength)),
        ]);
        await DemandAsync(actor, Capabilities.ProposeProject, AuthoritySubject.At("listing:" + listing.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), listing.Id), cancellationToken).ConfigureAwait(false);
        await listings.AddAsync(listing, cancellationToken).ConfigureAwait(false);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return listing;
    }

    /// <summary>Puts a need on the need list.</summary>
    /// <param name="actor">Who acts: a post with <c>claims.propose</c> whose jurisdiction covers <see cref="Need.Unit"/>.</param>
    /// <param name="need">The need.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceValidationException">A text breaks the <see cref="InputPolicy"/> or the urgency is undefined; nothing was added.</exception>
    /// <exception cref="ForbiddenException">The actor may not (<c>claims.forbidden</c>); nothing was added.</exception>
    public async Task<Need> RaiseNeedAsync(Actor actor, Need need, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(need);
        InputPolicy.ThrowIfAny("The need",
        [
            InputPolicy.CheckText(need.Category, "need.Category", null, InputPolicy.MaxKeyLength),
            InputPolicy.CheckText(need.Description, "need.Description", null, InputPolicy.MaxFreeTextLength, freeText: true),
            InputPolicy.CheckText(need.RaisedBy, "need.RaisedBy", null, InputPolicy.MaxNameLength),
            InputPolicy.CheckDefined(need.Urgency, "need.Urgency", null),
        ]);
        await DemandAsync(actor, Capabilities.ProposeProject, SubjectOf(need), cancellationToken).ConfigureAwait(false);
        await needs.AddAsync(need, cancellationToken).ConfigureAwait(false);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return need;
    }

    /// <summary>Adds a proposed project and marks the needs it packages as packaged, in one unit of work.</summary>
    /// <param name="actor">
    /// Who acts: a post with <c>claims.propose</c> whose jurisdiction covers the project's <see cref="ServiceProject.Unit"/>
    /// and the unit of every need it packages.
    /// </param>
    /// <param name="project">The project (in state <see cref="ProjectStatus.Proposed"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceValidationException">The name or category breaks the <see cref="InputPolicy"/>; nothing was changed.</exception>
    /// <exception cref="ForbiddenException">The actor may not (<c>claims.forbidden</c>); nothing was changed.</exception>
    /// <exception cref="EntityNotFoundException">A need does not exist.</exception>
    /// <exception cref="GridGovernanceException">A need is already packaged (<c>claims.illegal-transition</c>) or the id is taken.</exception>
    public Task<ServiceProject> ProposeAsync(Actor actor, ServiceProject project, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(project);
        InputPolicy.ThrowIfAny("The project",
        [
            InputPolicy.CheckText(project.Name, "project.Name", null, InputPolicy.MaxNameLength),
            InputPolicy.CheckText(project.Category, "project.Category", null, InputPolicy.MaxKeyLength),
        ]);
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            await DemandAsync(actor, Capabilities.ProposeProject, SubjectOf(project), cancellationToken).ConfigureAwait(false);
            var packaged = new List<Need>();
            foreach (var id in project.Needs)
            {
                var need = await needs.GetByIdAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(Need), id);
                if (need.Unit != project.Unit)
                {
                    await DemandAsync(actor, Capabilities.ProposeProject, SubjectOf(need), cancellationToken).ConfigureAwait(false);
                }
                packaged.Add(need);
            }
            foreach (var need in packaged)
            {
                need.PackageInto(project.Id);
                await needs.UpdateAsync(need, cancellationToken).ConfigureAwait(false);
            }
            await projects.AddAsync(project, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return project;
        }, cancellationToken);
    }

    /// <summary>Offers a proposed project for claiming.</summary>
    /// <param name="actor">Who acts: a post with <c>claims.propose</c> whose jurisdiction covers the project's unit.</param>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not (<c>claims.forbidden</c>).</exception>
    public Task<ServiceProject> OpenAsync(Actor actor, ProjectId project, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, Capabilities.ProposeProject, project, p => p.Open(), cancellationToken);

    /// <summary>
    /// Self-claim (自主认领): the unit claims a place of an open project, first come first served, within its own limit
    /// (<see cref="ResourceListing.Capacity"/>) and the project's places.
    /// </summary>
    /// <param name="actor">
    /// Who acts: a post with <see cref="Capabilities.ClaimProject"/> (<c>claims.claim</c>, by default the secretary) on
    /// the claiming unit, which is the post's unit and must have a <see cref="ResourceListing"/>.
    /// </param>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not claim for a unit (<c>claims.forbidden</c>).</exception>
    /// <exception cref="EntityNotFoundException">The project or the unit's listing does not exist.</exception>
    /// <exception cref="GridGovernanceException">
    /// The unit does not qualify (<c>claims.not-eligible</c>), is at its limit (<c>claims.unit-limit-reached</c>), already
    /// claimed it (<c>claims.already-claimed</c>), or no place is left (<c>claims.project-full</c>).
    /// </exception>
    /// <exception cref="IllegalTransitionException">The project is not open.</exception>
    public Task<ServiceProject> ClaimAsync(Actor actor, ProjectId project, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(project, cancellationToken).ConfigureAwait(false);
            await DemandAsync(actor, Capabilities.ClaimProject, ClaimingSubject(actor, loaded), cancellationToken).ConfigureAwait(false);
            var unit = actor.Unit;
            var listing = await listings.GetByIdAsync(unit, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(ResourceListing), unit);
            Claim(loaded, listing, clock.GetCurrentInstant());
            await projects.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await listings.UpdateAsync(listing, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken);
    }

    /// <summary>
    /// Optimal matching (最优匹配) of the open project list against the resource list: the open places and the units'
    /// remaining capacity go to <see cref="ClaimMatcher"/>. Nothing is claimed; pass the result to
    /// <see cref="ApplyMatchingAsync"/> after review. Only the open projects within the actor's jurisdiction take part,
    /// so the same actor may apply the result.
    /// </summary>
    /// <param name="actor">
    /// Who acts: a post with <see cref="Capabilities.MatchProjects"/> (<c>claims.match</c>); the projects whose unit
    /// its jurisdiction covers are matched, against every listed unit with capacity left.
    /// </param>
    /// <param name="options">Weights and distance limit, or <c>null</c>.</param>
    /// <param name="progress">Receives progress, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="ForbiddenException">The actor holds no post that may match (<c>claims.forbidden</c>).</exception>
    public async Task<ClaimMatchResult> MatchOpenProjectsAsync(Actor actor, ClaimMatchingOptions? options = null, IProgress<ClaimMatchingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        var today = Today;
        // The post itself first: one that may not match anywhere is refused, not handed an empty matching.
        var own = new AuthoritySubject("matching") { Node = actor.Kind == ActorKind.Post ? actor.Unit : null };
        await authority.DemandAsync(actor, Capabilities.MatchProjects, own, today, cancellationToken).ConfigureAwait(false);
        var open = new List<ServiceProject>();
        foreach (var project in await projects.ListAsync(new ProjectsInStatus(ProjectStatus.Open), cancellationToken).ConfigureAwait(false))
        {
            if ((await authority.DecideAsync(actor, Capabilities.MatchProjects, SubjectOf(project), today, cancellationToken).ConfigureAwait(false)).IsAllowed)
            {
                open.Add(project);
            }
        }
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
    /// <param name="actor">Who acts: a post with <c>claims.match</c> whose jurisdiction covers the unit of every project of the matching.</param>
    /// <param name="matching">The matching.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>How many places were claimed.</returns>
    /// <exception cref="ForbiddenException">A project of the matching is outside the actor's jurisdiction (<c>claims.forbidden</c>); nothing was claimed.</exception>
    /// <exception cref="GridGovernanceException">A claim was refused; nothing was claimed.</exception>
    public Task<int> ApplyMatchingAsync(Actor actor, ClaimMatchResult matching, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(matching);
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loadedProjects = new Dictionary<ProjectId, ServiceProject>();
            var loadedListings = new Dictionary<OrgUnitId, ResourceListing>();
            var now = clock.GetCurrentInstant();
            foreach (var project in matching.Projects.Where(p => p.Assignments.Length > 0))
            {
                if (!loadedProjects.ContainsKey(project.Project))
                {
                    var loaded = loadedProjects[project.Project] = await LoadAsync(project.Project, cancellationToken).ConfigureAwait(false);
                    await DemandAsync(actor, Capabilities.MatchProjects, SubjectOf(loaded), cancellationToken).ConfigureAwait(false);
                }
            }
            int claimed = 0;
            foreach (var project in matching.Projects)
            {
                foreach (var assignment in project.Assignments)
                {
                    var loaded = loadedProjects[project.Project];
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
    /// <param name="actor">
    /// Who signs: a post with <c>claims.claim</c> on the claimant unit, which is the post's unit (by default its
    /// secretary).
    /// </param>
    /// <param name="project">The project.</param>
    /// <param name="people">
    /// The members it sends: each must be on the roster today and within the claimant unit's jurisdiction (in it or
    /// under it, or 双报到-registered with a unit it covers).
    /// </param>
    /// <param name="money">The funds it commits (元).</param>
    /// <param name="duties">Its duties.</param>
    /// <param name="deadline">The delivery deadline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not sign for a unit (<c>claims.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceValidationException">
    /// A person named is outside the claimant unit's jurisdiction today (<c>claims.person-outside-jurisdiction</c>, one
    /// problem per person, keyed by member id); nothing was signed.
    /// </exception>
    public Task<ServiceProject> SignAgreementAsync(Actor actor, ProjectId project, IEnumerable<MemberId> people, decimal money, IEnumerable<string> duties, LocalDate deadline, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        var sent = Preconditions.CheckNotNull(people).ToImmutableArray();
        var undertaken = Preconditions.CheckNotNull(duties).ToImmutableArray();
        var dutyTexts = new (string Field, string? Text)[undertaken.Length];
        for (int i = 0; i < undertaken.Length; i++)
        {
            dutyTexts[i] = (string.Create(System.Globalization.CultureInfo.InvariantCulture, $"duties[{i}]"), undertaken[i]);
        }
        InputPolicy.CheckFreeTexts("The agreement", dutyTexts);
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(project, cancellationToken).ConfigureAwait(false);
            await DemandAsync(actor, Capabilities.ClaimProject, ClaimingSubject(actor, loaded), cancellationToken).ConfigureAwait(false);
            await CheckPeopleAsync(actor, loaded, sent, cancellationToken).ConfigureAwait(false);
            loaded.SignAgreement(new ClaimAgreement(actor.Unit, sent, money, undertaken, deadline, clock.GetCurrentInstant()));
            await projects.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken);
    }

    /// <summary>Starts delivery of a project whose agreements are all signed.</summary>
    /// <param name="actor">Who acts: a post with <see cref="Capabilities.CompleteProject"/> (<c>claims.complete</c>) whose jurisdiction covers the project's unit, or the system.</param>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not (<c>claims.forbidden</c>).</exception>
    public Task<ServiceProject> StartDeliveryAsync(Actor actor, ProjectId project, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, Capabilities.CompleteProject, project, p => p.StartDelivery(), cancellationToken);

    /// <summary>
    /// Completes a project in delivery, frees its claimants' places, and, when <paramref name="award"/> is given, records
    /// the item for every member who served (<see cref="LedgerSource.Claim"/>, key <c>claim:{project}:{member}</c>), all in
    /// one unit of work: either the project is completed with every award, or nothing changed.
    /// </summary>
    /// <remarks>
    /// A member who served but may not receive the award (not on the roster on the completion day, e.g. they left before
    /// it, or not stored) does not hold up the others: the project is completed, the others are awarded, and the member is
    /// named in <see cref="ClaimCompletion.Skipped"/> with the reason. Any other refusal of the award (an unknown item, a
    /// frozen period) refuses the whole completion and changes nothing.
    /// <para>
    /// Retry-safe, on any day: calling again for a completed project reads the stored facts (its
    /// <see cref="ServiceProject.CompletedOn"/> and <see cref="ServiceProject.Served"/>, not the arguments, and the awards
    /// stored under their keys), records any award still missing, and returns the same completion, never an idempotency
    /// conflict.
    /// </para>
    /// </remarks>
    /// <param name="actor">Who acts: a post with <c>claims.complete</c> whose jurisdiction covers the project's unit, or the system.</param>
    /// <param name="project">The project.</param>
    /// <param name="served">The members who served (ignored when the project is completed already).</param>
    /// <param name="completedOn">The day it was completed (ignored when the project is completed already).</param>
    /// <param name="award">The item to award, or <c>null</c> for no points.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The completed project, the awards (empty without an award) and the members skipped.</returns>
    /// <exception cref="ForbiddenException">The actor may not (<c>claims.forbidden</c>); nothing was changed or recorded.</exception>
    /// <exception cref="IllegalTransitionException">The project is not in delivery; nothing was changed.</exception>
    /// <exception cref="GridGovernanceException">The award is refused for a reason other than the member (<c>points.*</c>); nothing was changed.</exception>
    public Task<ClaimCompletion> CompleteAsync(Actor actor, ProjectId project, IEnumerable<MemberId> served, LocalDate completedOn, ClaimPointsAward? award = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        var servedMembers = Preconditions.CheckNotNull(served).ToArray();
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(project, cancellationToken).ConfigureAwait(false);
            await DemandAsync(actor, Capabilities.CompleteProject, SubjectOf(loaded), cancellationToken).ConfigureAwait(false);
            bool completing = loaded.Status != ProjectStatus.Completed;
            if (completing)
            {
                loaded.Complete(servedMembers, completedOn);
                await ReleaseAsync(loaded, cancellationToken).ConfigureAwait(false);
                await projects.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            }
            var awards = ImmutableArray.CreateBuilder<LedgerEntry>();
            var skipped = ImmutableArray.CreateBuilder<SkippedAward>();
            if (award is not null && loaded.Served.Length > 0)
            {
                // The stored completion day, never the argument of a retry: the keys' entries must match it.
                var day = loaded.CompletedOn!.Value;
                var requests = loaded.Served.Select(member => new LedgerEntryRequest
                {
                    Member = member,
                    ItemCode = award.ItemCode,
                    OccurredOn = day,
                    IdempotencyKey = AwardKey(project, member),
                    Value = award.Value,
                    Evidence = project.ToString(),
                }).ToArray();
                foreach (var staged in await ledger.StageAwardsAsync(Authority.Actor.System("claims"), award.RuleBook, LedgerSource.Claim, requests, newFact: completing, cancellationToken).ConfigureAwait(false))
                {
                    if (staged.Entry is { } entry)
                    {
                        awards.Add(entry);
                    }
                    else
                    {
                        skipped.Add(new SkippedAward(staged.Request.Member, staged.Refusal!.Code, staged.Refusal.Message));
                    }
                }
            }
            if (unitOfWork.HasChanges)
            {
                await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            return new ClaimCompletion(loaded, awards.ToImmutable(), skipped.ToImmutable());
        }, cancellationToken);
    }

    /// <summary>The idempotency key of a member's award for a project.</summary>
    private static string AwardKey(ProjectId project, MemberId member) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"claim:{project.Value}:{member.Value}");

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
    /// <param name="actor">Who acts: a post with <c>claims.complete</c> whose jurisdiction covers the project's unit, or the system.</param>
    /// <param name="project">The project.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not (<c>claims.forbidden</c>).</exception>
    public Task<ServiceProject> FailAsync(Actor actor, ProjectId project, string reason, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        InputPolicy.CheckFreeTexts("The failure", ("reason", reason));
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(project, cancellationToken).ConfigureAwait(false);
            await DemandAsync(actor, Capabilities.CompleteProject, SubjectOf(loaded), cancellationToken).ConfigureAwait(false);
            loaded.Fail(reason);
            await ReleaseAsync(loaded, cancellationToken).ConfigureAwait(false);
            await projects.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken);
    }

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

    private Task<ServiceProject> ChangeAsync(Actor actor, Capability capability, ProjectId project, Action<ServiceProject> change, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(actor);
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(project, cancellationToken).ConfigureAwait(false);
            await DemandAsync(actor, capability, SubjectOf(loaded), cancellationToken).ConfigureAwait(false);
            change(loaded);
            await projects.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken);
    }

    private LocalDate Today => clock.Today(options.TimeZone);

    private ValueTask DemandAsync(Actor actor, Capability capability, AuthoritySubject subject, CancellationToken cancellationToken) =>
        authority.DemandAsync(actor, capability, subject, Today, cancellationToken);

    /// <summary>A project sits at its unit (a project stored before units were kept sits nowhere: only the system may act on it).</summary>
    private static AuthoritySubject SubjectOf(ServiceProject project) =>
        new(project.Id.ToString()) { Node = project.Unit.IsSpecified ? project.Unit : null };

    private static AuthoritySubject SubjectOf(Need need) =>
        new(need.Id.ToString()) { Node = need.Unit.IsSpecified ? need.Unit : null };

    /// <summary>A claim or an agreement is the claiming unit's own matter: it sits at the post's unit.</summary>
    private static AuthoritySubject ClaimingSubject(Actor actor, ServiceProject project) =>
        new(project.Id.ToString()) { Node = actor.Kind == ActorKind.Post ? actor.Unit : null };

    /// <summary>Every person an agreement sends must be within the signing post's unit's jurisdiction today.</summary>
    private async Task CheckPeopleAsync(Actor actor, ServiceProject project, ImmutableArray<MemberId> people, CancellationToken cancellationToken)
    {
        var today = Today;
        var problems = new List<ValidationProblem>();
        foreach (var person in people.Distinct())
        {
            bool covered = person.IsSpecified
                && (await StoreAuthorityView.LoadAsync(units, members, households, actor, AuthoritySubject.At(person.ToString(), person), today, cancellationToken).ConfigureAwait(false))
                    .Covers(actor.Unit, person, includeDualRegistrations: true);
            if (!covered)
            {
                problems.Add(new ValidationProblem("people", person.ToString(), ErrorCodes.ClaimsPersonOutsideJurisdiction,
                    $"{person} is not a member within the jurisdiction of {actor.Unit} on {today:yyyy-MM-dd}, so {actor.Unit} cannot send them to {project.Id}."));
            }
        }
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException($"The agreement of {actor.Unit} on {project.Id}", problems);
        }
    }

    private async Task<ServiceProject> LoadAsync(ProjectId project, CancellationToken cancellationToken) =>
        await projects.GetByIdAsync(project, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(ServiceProject), project);
}
