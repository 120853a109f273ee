using System.Collections.Immutable;
using GridGovernance.Authority;
using GridGovernance.Organisation.Queries;
using GridGovernance.Persistence;
using GridGovernance.Specifications;
using NodaTime;
using Microsoft.Extensions.Logging;

namespace GridGovernance.Organisation;

/// <summary>
/// The command side of the organisation hierarchy (组织体系): imports rosters, adds, renames, moves, closes,
/// merges and splits units, transfers members, assigns roles. Every change is checked against the
/// <see cref="HierarchySchema"/> and the stored tree before anything is written; an illegal change throws and
/// changes nothing. The read side (look-ups, jurisdiction, the index, coverage) is <see cref="OrganisationQueries"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every command names who acts (<see cref="Actor"/>, its first parameter) and asks the <see cref="IAuthorityPolicy"/>
/// before anything changes: <see cref="Capabilities.ImportRoster"/> for an import, <see cref="Capabilities.RestructureUnits"/>
/// for units, spans, chairs and stationed units, <see cref="Capabilities.ManageMembers"/> for members and households,
/// <see cref="Capabilities.AssignRoles"/> for roles. The subject is where the change happens: a unit's parent (the unit
/// itself for a rename), the member or household, and for a move both where it leaves and where it goes. A refusal
/// throws <see cref="ForbiddenException"/> (<c>organisation.forbidden</c>) and the store is untouched. A change with no
/// place a post could cover (a new root unit, a move to the root) is the system's alone. The very first import, into an
/// empty store, is too: nobody is on the roster yet, so only <c>Actor.System("import")</c> may make it.
/// </para>
/// <para>
/// Each method loads what it needs through the repositories, changes copies, stages them and saves the
/// scope's unit of work once. Dates are effective dates (LocalDate in the configured zone); history is
/// append-only, so a change dated before the last recorded change of the same history is refused. Authority is
/// decided as of the effective date (as of today, in the configured zone, for <see cref="SetCoverageAsync"/>, which
/// has none).
/// </para>
/// </remarks>
[Immutable]
public sealed class OrganisationService
{
    private readonly IRepository<OrgUnit> units;
    private readonly IRepository<Member> members;
    private readonly IRepository<Household> households;
    private readonly IRepository<StationedUnit> stationedUnits;
    private readonly IUnitOfWork unitOfWork;
    private readonly GridGovernanceOptions options;
    private readonly IAuthorityPolicy authority;
    private readonly IClock clock;
    private readonly ILogger logger;
    private readonly ImmutableArray<IRestructureParticipant> participants;

    /// <summary>Creates the service (normally resolved from DI after <c>AddGridGovernance()</c>).</summary>
    /// <param name="units">Units.</param>
    /// <param name="members">Members.</param>
    /// <param name="households">Households.</param>
    /// <param name="stationedUnits">Stationed units.</param>
    /// <param name="unitOfWork">The scope's unit of work, shared by the repositories.</param>
    /// <param name="options">The library's options (the schema, the time zone).</param>
    /// <param name="authority">Decides whether an actor may make a change.</param>
    /// <param name="clock">The clock (today's date for the one undated command, <see cref="SetCoverageAsync"/>).</param>
    /// <param name="logger">Where the service's decisions are logged (docs/observability.md), or <c>null</c> for nowhere.</param>
    /// <param name="participants">
    /// The modules that carry their open work to the successors of units a merge, split or close closes, in the same unit
    /// of work (<see cref="IRestructureParticipant"/>; the library registers those of work orders, …).
    /// </param>
    public OrganisationService(
        IRepository<OrgUnit> units,
        IRepository<Member> members,
        IRepository<Household> households,
        IRepository<StationedUnit> stationedUnits,
        IUnitOfWork unitOfWork,
        GridGovernanceOptions options,
        IAuthorityPolicy authority,
        IClock clock,
        IEnumerable<IRestructureParticipant> participants,
        ILogger<OrganisationService>? logger = null)
    {
        this.logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        this.units = Preconditions.CheckNotNull(units);
        this.members = Preconditions.CheckNotNull(members);
        this.households = Preconditions.CheckNotNull(households);
        this.stationedUnits = Preconditions.CheckNotNull(stationedUnits);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.options = Preconditions.CheckNotNull(options);
        this.authority = Preconditions.CheckNotNull(authority);
        this.clock = Preconditions.CheckNotNull(clock);
        this.participants = [.. Preconditions.CheckNotNull(participants)];
    }

    /// <summary>The schema changes are checked against.</summary>
    public HierarchySchema Schema => options.Schema;

    /// <summary>
    /// Imports a roster batch: validates every row against the schema, the batch itself and what is stored,
    /// then adds everything at once.
    /// </summary>
    /// <param name="actor">
    /// Who imports (<see cref="Capabilities.ImportRoster"/>): by default a secretary of a top-level unit, or the system.
    /// The first import, into an empty store, can only be the system's (<c>Actor.System("import")</c>): nobody holds a
    /// post yet. A secretary may not import a batch that gives them a role (self-dealing).
    /// </param>
    /// <param name="batch">The rows.</param>
    /// <param name="effective">The day the rows take effect.</param>
    /// <param name="cancellationToken">Cancels the import before it is saved.</param>
    /// <returns>What was added.</returns>
    /// <exception cref="GridGovernanceValidationException">Any row is bad: every problem is listed and nothing was added.</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<ImportResult> ImportAsync(Actor actor, RosterBatch batch, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(batch);
        using var activity = GridGovernanceTelemetry.Source.StartActivity("gridgovernance.organisation.import");
        bool givesActorARole = actor.IsMember && batch.Roles.Any(r => r?.MemberId == actor.MemberId);
        await authority.DemandAsync(actor, Capabilities.ImportRoster, new AuthoritySubject("roster-batch") { Owner = givesActorARole ? actor.MemberId : null },
            effective, cancellationToken).ConfigureAwait(false);
        var imported = await ImportCoreAsync(batch, effective, cancellationToken).ConfigureAwait(false);
        GridGovernanceTelemetry.Imports.Add(1);
        logger.RosterImported(effective, imported.Units.Count, batch.Members.Count, imported.Households.Count, imported.StationedUnits.Count, batch.Roles.Count);
        return new ImportResult(imported.Units.Count, batch.Members.Count, imported.Households.Count, imported.StationedUnits.Count, batch.Roles.Count);
    }

    /// <summary>Adds one unit (a batch of one; see <see cref="ImportAsync"/>).</summary>
    /// <param name="actor">Who adds it (<see cref="Capabilities.RestructureUnits"/> over the parent; a new root unit is the system's alone).</param>
    /// <param name="draft">The unit.</param>
    /// <param name="effective">The day it opens.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceValidationException">The draft breaks a rule; the code names it (e.g. <c>hierarchy.parent-kind-not-allowed</c>).</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<OrgUnit> AddUnitAsync(Actor actor, UnitDraft draft, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(draft);
        await DemandAsync(actor, Capabilities.RestructureUnits, draft.Id.ToString(), [draft.ParentId], effective, cancellationToken).ConfigureAwait(false);
        var imported = await ImportCoreAsync(new RosterBatch { Units = [draft] }, effective, cancellationToken).ConfigureAwait(false);
        return imported.Units[0];
    }

    /// <summary>Adds one member (a batch of one).</summary>
    /// <param name="actor">Who adds them (<see cref="Capabilities.ManageMembers"/> over the branch).</param>
    /// <param name="draft">The member.</param>
    /// <param name="effective">The day they join the roster.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceValidationException">The draft breaks a rule.</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<Member> AddMemberAsync(Actor actor, MemberDraft draft, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(draft);
        await DemandAsync(actor, Capabilities.ManageMembers, draft.Id.ToString(), [draft.BranchId], effective, cancellationToken, owner: draft.Id).ConfigureAwait(false);
        var imported = await ImportCoreAsync(new RosterBatch { Members = [draft] }, effective, cancellationToken).ConfigureAwait(false);
        return imported.Members[0];
    }

    /// <summary>Adds one household (a batch of one).</summary>
    /// <param name="actor">Who adds it (<see cref="Capabilities.ManageMembers"/> over the unit).</param>
    /// <param name="draft">The household.</param>
    /// <param name="effective">The day it joins the roster.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceValidationException">The draft breaks a rule.</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<Household> AddHouseholdAsync(Actor actor, HouseholdDraft draft, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(draft);
        await DemandAsync(actor, Capabilities.ManageMembers, draft.Id.ToString(), [draft.UnitId], effective, cancellationToken).ConfigureAwait(false);
        var imported = await ImportCoreAsync(new RosterBatch { Households = [draft] }, effective, cancellationToken).ConfigureAwait(false);
        return imported.Households[0];
    }

    /// <summary>Registers one stationed unit (a batch of one).</summary>
    /// <param name="actor">Who registers it (<see cref="Capabilities.RestructureUnits"/> over its community and over the organisation that covers it, if any).</param>
    /// <param name="draft">The stationed unit.</param>
    /// <param name="effective">The day it is registered.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceValidationException">The draft breaks a rule.</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<StationedUnit> AddStationedUnitAsync(Actor actor, StationedUnitDraft draft, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(draft);
        NodeRef?[] nodes = draft.PartyOrganisationId is OrgUnitId organisation ? [draft.CommunityId, organisation] : [draft.CommunityId];
        await DemandAsync(actor, Capabilities.RestructureUnits, draft.Id.ToString(), nodes, effective, cancellationToken).ConfigureAwait(false);
        var imported = await ImportCoreAsync(new RosterBatch { StationedUnits = [draft] }, effective, cancellationToken).ConfigureAwait(false);
        return imported.StationedUnits[0];
    }

    /// <summary>Gives a member a role from <paramref name="effective"/> (until <see cref="RoleDraft.Until"/>, if set).</summary>
    /// <param name="actor">
    /// Who appoints (<see cref="Capabilities.AssignRoles"/> over the unit the role is held on). Nobody appoints
    /// themselves: a secretary's own roles are changed by a post above them or by the system.
    /// </param>
    /// <param name="draft">The role.</param>
    /// <param name="effective">The first day it is held.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceValidationException">The member or unit is unknown or closed, or the dates are wrong.</exception>
    /// <exception cref="GridGovernanceException">The member already holds that role on that unit then (code <c>hierarchy.invalid-role</c>).</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<Member> AssignRoleAsync(Actor actor, RoleDraft draft, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(draft);
        await DemandAsync(actor, Capabilities.AssignRoles, RoleLabel(draft.MemberId, draft.Role), [draft.UnitId], effective, cancellationToken, owner: draft.MemberId)
            .ConfigureAwait(false);
        var imported = await ImportCoreAsync(new RosterBatch { Roles = [draft] }, effective, cancellationToken).ConfigureAwait(false);
        return imported.Members[0];
    }

    /// <summary>Ends a member's role on <paramref name="effective"/> (the first day it is no longer held).</summary>
    /// <param name="actor">Who ends it (<see cref="Capabilities.AssignRoles"/> over the unit; never on one's own role).</param>
    /// <param name="member">The member.</param>
    /// <param name="role">The role.</param>
    /// <param name="unit">The unit it is held on.</param>
    /// <param name="effective">The first day it is no longer held.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<Member> EndRoleAsync(Actor actor, MemberId member, RoleKind role, OrgUnitId unit, LocalDate effective, CancellationToken cancellationToken = default)
    {
        await DemandAsync(actor, Capabilities.AssignRoles, RoleLabel(member, role), [unit], effective, cancellationToken, owner: member).ConfigureAwait(false);
        return await ChangeAsync(members, member, m => m.EndRole(role, unit, effective), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renames a unit from <paramref name="effective"/> on.</summary>
    /// <param name="actor">Who renames it (<see cref="Capabilities.RestructureUnits"/> over the unit itself).</param>
    /// <param name="id">The unit.</param>
    /// <param name="name">The new name.</param>
    /// <param name="effective">The day the new name applies.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    /// <exception cref="GridGovernanceValidationException">The name is blank, too long or holds a refused character (<see cref="InputPolicy"/>).</exception>
    public async Task<OrgUnit> RenameUnitAsync(Actor actor, OrgUnitId id, string name, LocalDate effective, CancellationToken cancellationToken = default)
    {
        InputPolicy.ThrowIfAny("The new name", [InputPolicy.CheckText(name, "name", id.ToString(), InputPolicy.MaxNameLength)]);
        await DemandAsync(actor, Capabilities.RestructureUnits, id.ToString(), [id], effective, cancellationToken).ConfigureAwait(false);
        return await ChangeAsync(units, id, u => u.Rename(name, effective), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes a unit's kind from <paramref name="effective"/> on (改镇设街: Shantou turned five towns into streets); the
    /// former kind stays in <see cref="OrgUnit.Kinds"/>, so the tree as of an earlier date still shows it. Everything the
    /// schema says about a kind then follows the new one: its level, whether it may blow the whistle, whether it is a grid.
    /// </summary>
    /// <param name="actor">Who changes it (<see cref="Capabilities.RestructureUnits"/> over its parent on the day; a root's is the system's alone).</param>
    /// <param name="id">The unit.</param>
    /// <param name="kind">The new kind.</param>
    /// <param name="effective">The day the new kind applies.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The unit (unchanged when it already is of that kind).</returns>
    /// <exception cref="GridGovernanceException">
    /// The schema does not define the kind (<c>hierarchy.unknown-unit-kind</c>); the unit's parent may not hold a unit of
    /// the new kind, or one of its open child units may not sit under it (<c>hierarchy.parent-kind-not-allowed</c>), a root
    /// kind is needed (<c>hierarchy.root-kind-mismatch</c>); its members or households may not be placed in the new kind
    /// (<c>hierarchy.member-placement-not-allowed</c>, <c>hierarchy.household-placement-not-allowed</c>); a regional
    /// committee's kind, or a change into one (<c>hierarchy.invalid-restructure</c>: its spans and chairs belong to the
    /// kind); the unit is closed or the date is before its last change. Nothing changed.
    /// </exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<OrgUnit> ChangeUnitKindAsync(Actor actor, OrgUnitId id, UnitKind kind, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        InputPolicy.ThrowIfAny("The unit kind", [kind.Code is null ? new ValidationProblem("kind", id.ToString(), ErrorCodes.InvalidValue, "kind must not be the default UnitKind.") : null]);
        var unit = await GetAsync(units, id, cancellationToken).ConfigureAwait(false);
        var parentOnDay = ParentOn(unit, effective);
        await DemandAsync(actor, Capabilities.RestructureUnits, id.ToString(), [parentOnDay], effective, cancellationToken).ConfigureAwait(false);
        CheckOpen(unit, effective);
        Preconditions.CheckState(Schema.Kinds.Contains(kind), ErrorCodes.UnknownUnitKind, $"Kind '{kind}' is not defined in the '{Schema.Name}' schema.");
        Preconditions.CheckState(unit.Kind != UnitKind.RegionalCommittee && kind != UnitKind.RegionalCommittee, ErrorCodes.InvalidRestructure,
            $"{id} is a '{unit.Kind}'; a regional committee's spans and chairs belong to its kind, so it neither becomes nor stops being one (add or close a committee instead).");
        if (parentOnDay is NodeRef p)
        {
            var parent = await GetOpenUnitAsync(p.AsUnit(), effective, cancellationToken).ConfigureAwait(false);
            CheckAllowedUnder(kind, parent);
        }
        else
        {
            Preconditions.CheckState(Schema.RootKinds.Contains(kind), ErrorCodes.RootKindMismatch,
                $"{id} stands at the top of the tree, and a '{kind}' needs a parent under the '{Schema.Name}' schema.");
        }
        var contents = await LoadContentsAsync(id, cancellationToken).ConfigureAwait(false);
        foreach (var child in contents.Units.OrderBy(u => u.Id.Value))
        {
            Preconditions.CheckState(Schema.Allows(child.Kind, kind), ErrorCodes.ParentKindNotAllowed,
                $"{child.Id} ({child.Name}) is a '{child.Kind}', which may not sit under a '{kind}' under the '{Schema.Name}' schema; move it first.");
        }
        Preconditions.CheckState(contents.Members.Count == 0 || Schema.MemberKinds.Contains(kind), ErrorCodes.MemberPlacementNotAllowed,
            $"{id} holds {contents.Members.Count} member(s), and members may not be placed in a '{kind}' under the '{Schema.Name}' schema; transfer them first.");
        Preconditions.CheckState(contents.Households.Count == 0 || Schema.HouseholdKinds.Contains(kind), ErrorCodes.HouseholdPlacementNotAllowed,
            $"{id} holds {contents.Households.Count} household(s), and households may not be placed in a '{kind}' under the '{Schema.Name}' schema; move them first.");
        unit.ChangeKind(kind, effective);
        if (unit.DomainEvents.Count == 0)
        {
            return unit;
        }
        await units.UpdateAsync(unit, cancellationToken).ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return unit;
    }

    /// <summary>Moves a unit (and everything under it) under another parent from <paramref name="effective"/> on.</summary>
    /// <param name="actor">
    /// Who moves it (<see cref="Capabilities.RestructureUnits"/> over both its parent on the day and the new parent;
    /// a move to or from the root is the system's alone).
    /// </param>
    /// <param name="id">The unit.</param>
    /// <param name="newParent">The new parent, or <c>null</c> to make it a root (root kinds only).</param>
    /// <param name="effective">The day of the move.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceException">
    /// The schema forbids the new parent (<c>hierarchy.parent-kind-not-allowed</c>), the move would create a cycle
    /// (<c>hierarchy.cycle</c>), a unit is closed (<c>hierarchy.unit-closed</c>) or the date is retroactive.
    /// </exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<OrgUnit> MoveUnitAsync(Actor actor, OrgUnitId id, OrgUnitId? newParent, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        var unit = await GetAsync(units, id, cancellationToken).ConfigureAwait(false);
        await DemandAsync(actor, Capabilities.RestructureUnits, id.ToString(), [ParentOn(unit, effective), newParent], effective, cancellationToken).ConfigureAwait(false);
        CheckOpen(unit, effective);
        if (newParent is OrgUnitId parentId)
        {
            var parent = await GetOpenUnitAsync(parentId, effective, cancellationToken).ConfigureAwait(false);
            CheckAllowedUnder(unit.Kind, parent);
            await CheckNotUnderAsync(parentId, [id], effective, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Preconditions.CheckState(Schema.RootKinds.Contains(unit.Kind), ErrorCodes.RootKindMismatch,
                $"{id} is a '{unit.Kind}', which needs a parent under the '{Schema.Name}' schema.");
        }
        unit.MoveTo(newParent, effective);
        if (unit.DomainEvents.Count == 0)
        {
            return unit; // already under that parent: nothing to write
        }
        await units.UpdateAsync(unit, cancellationToken).ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return unit;
    }

    /// <summary>Closes an empty unit on <paramref name="effective"/> (the first day it no longer exists).</summary>
    /// <param name="actor">Who closes it (<see cref="Capabilities.RestructureUnits"/> over its parent; a root is the system's alone).</param>
    /// <param name="id">The unit.</param>
    /// <param name="effective">The first day it no longer exists.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <remarks>
    /// Roles held on the unit and registrations with it end on the same day. A close has no successor, so open work bound
    /// to the unit (an open work order, a stationed unit located in it, a participant's work) refuses it.
    /// </remarks>
    /// <exception cref="GridGovernanceException">It still has open units, members or households under it, or covers stationed units (<c>hierarchy.unit-not-empty</c>): merge, move or re-cover them first.</exception>
    /// <exception cref="RestructureBlockedException">Open work is bound to it (<c>hierarchy.restructure-blocked</c>, listing it); nothing changed.</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<OrgUnit> CloseUnitAsync(Actor actor, OrgUnitId id, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        var unit = await GetAsync(units, id, cancellationToken).ConfigureAwait(false);
        await DemandAsync(actor, Capabilities.RestructureUnits, id.ToString(), [ParentOn(unit, effective)], effective, cancellationToken).ConfigureAwait(false);
        CheckOpen(unit, effective);
        var contents = await LoadContentsAsync(id, cancellationToken).ConfigureAwait(false);
        await CheckNothingLeftAfterAsync(id, effective, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckState(contents.IsEmpty && contents.StationedUnits.Count == 0, ErrorCodes.UnitNotEmpty,
            $"{id} ({unit.Name}) still holds {contents.Units.Count} unit(s), {contents.Members.Count} member(s) and {contents.Households.Count} household(s) " +
            $"and covers {contents.StationedUnits.Count} stationed unit(s); move, merge or re-cover them before closing it.");
        unit.Close(effective, []);
        var detached = await DetachMembersAsync([id], [], effective, cancellationToken).ConfigureAwait(false);
        var change = new RestructureChange(RestructureKind.Close, actor, effective, ImmutableDictionary<OrgUnitId, ImmutableArray<OrgUnitId>>.Empty.Add(id, []));
        await CommitAsync($"Closing {id} ({unit.Name}) on {effective:yyyy-MM-dd}", change, contents with { Members = detached }, [unit], [], cancellationToken).ConfigureAwait(false);
        return unit;
    }

    /// <summary>
    /// Merges units into <paramref name="target"/> (Shantou merged 8 small streets into 3): every child unit,
    /// member and household of each source moves to the target, stationed units covered by a source are covered
    /// by the target, and the sources close with the target as successor. Roles held on a source and
    /// registrations with it end on the day of the merge (appoint again on the target). Open work bound to a source
    /// follows the target in the same unit of work: stationed units located in it, regional-committee spans over it, and
    /// every <see cref="IRestructureParticipant"/>'s work (work orders, …).
    /// </summary>
    /// <param name="actor">
    /// Who merges (<see cref="Capabilities.RestructureUnits"/> over the parent of every source and of the target: a
    /// post must cover everything the merge changes).
    /// </param>
    /// <param name="sources">The units merged away; all of the target's kind, open, distinct, not the target.</param>
    /// <param name="target">The unit that takes everything over.</param>
    /// <param name="effective">The day of the merge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceException">The inputs are inconsistent (<c>hierarchy.invalid-restructure</c>), the target lies under a source (<c>hierarchy.cycle</c>) or a unit is closed.</exception>
    /// <exception cref="RestructureBlockedException">A participant cannot carry work bound to a source (<c>hierarchy.restructure-blocked</c>); nothing changed.</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<RestructureResult> MergeUnitsAsync(Actor actor, IReadOnlyCollection<OrgUnitId> sources, OrgUnitId target, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(sources);
        Preconditions.CheckState(sources.Count > 0, ErrorCodes.InvalidRestructure, "A merge needs at least one source unit.");
        Preconditions.CheckState(sources.Distinct().Count() == sources.Count, ErrorCodes.InvalidRestructure, "A merge names the same source unit twice.");
        Preconditions.CheckState(!sources.Contains(target), ErrorCodes.InvalidRestructure, $"{target} is both a source and the target of the merge.");
        var targetUnit = await GetAsync(units, target, cancellationToken).ConfigureAwait(false);
        var sourceUnits = new List<OrgUnit>();
        foreach (var id in sources.Order())
        {
            sourceUnits.Add(await GetAsync(units, id, cancellationToken).ConfigureAwait(false));
        }
        foreach (var source in sourceUnits)
        {
            await DemandAsync(actor, Capabilities.RestructureUnits, source.Id.ToString(), [ParentOn(source, effective)], effective, cancellationToken).ConfigureAwait(false);
        }
        await DemandAsync(actor, Capabilities.RestructureUnits, target.ToString(), [ParentOn(targetUnit, effective)], effective, cancellationToken).ConfigureAwait(false);
        CheckOpen(targetUnit, effective);
        foreach (var source in sourceUnits)
        {
            var id = source.Id;
            CheckOpen(source, effective);
            await CheckNothingLeftAfterAsync(id, effective, cancellationToken).ConfigureAwait(false);
            Preconditions.CheckState(source.Kind == targetUnit.Kind, ErrorCodes.InvalidRestructure,
                $"{id} is a '{source.Kind}' but the target {target} is a '{targetUnit.Kind}'; only units of one kind merge.");
        }
        await CheckNotUnderAsync(target, [.. sources], effective, cancellationToken).ConfigureAwait(false);

        var moved = new Contents([], [], [], []);
        foreach (var source in sourceUnits)
        {
            var contents = await LoadContentsAsync(source.Id, cancellationToken).ConfigureAwait(false);
            contents.MoveTo(target, effective);
            moved = moved.Concat(contents);
            source.Close(effective, [target]);
        }
        var detached = await DetachMembersAsync(sources, moved.Members, effective, cancellationToken).ConfigureAwait(false);
        var change = new RestructureChange(RestructureKind.Merge, actor, effective, sources.ToImmutableDictionary(s => s, _ => ImmutableArray.Create(target)));
        await CommitAsync($"Merging {string.Join(", ", sources.Order())} into {target} on {effective:yyyy-MM-dd}", change, moved with { Members = detached }, sourceUnits, [],
            cancellationToken).ConfigureAwait(false);
        return new RestructureResult([.. sources.Order()], [], moved.Units.Count, moved.Members.Count, moved.Households.Count);
    }

    /// <summary>
    /// Splits a unit into new units of the same kind under the same parent; each part takes over the child
    /// units, members and households it lists, and the split unit closes with the parts as successors. Work bound to it
    /// (stationed units it covers or that are located in it, open work orders, regional-committee spans, every
    /// <see cref="IRestructureParticipant"/>'s) goes to the part <see cref="RestructureChange.SuccessorOf"/> picks: the one
    /// naming it in <see cref="SplitPart.Work"/>, else the one that took its place, else the first (re-cover a stationed
    /// unit with <see cref="SetCoverageAsync"/>, move it with <see cref="MoveStationedUnitAsync"/>); roles held on it end
    /// on the day of the split.
    /// </summary>
    /// <param name="actor">Who splits it (<see cref="Capabilities.RestructureUnits"/> over its parent, where the parts open too).</param>
    /// <param name="source">The unit to split.</param>
    /// <param name="parts">At least two parts, none empty; together they must list everything under the unit, each thing once.</param>
    /// <param name="effective">The day of the split.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceException">The parts are inconsistent (<c>hierarchy.invalid-restructure</c>) or the unit is closed.</exception>
    /// <exception cref="GridGovernanceValidationException">A part's new unit breaks a rule of <see cref="ImportAsync"/>.</exception>
    /// <exception cref="RestructureBlockedException">A participant cannot carry work bound to the unit (<c>hierarchy.restructure-blocked</c>); nothing changed.</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<RestructureResult> SplitUnitAsync(Actor actor, OrgUnitId source, IReadOnlyList<SplitPart> parts, LocalDate effective, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(parts);
        Preconditions.CheckState(parts.Count >= 2, ErrorCodes.InvalidRestructure, $"A split needs at least two parts; {parts.Count} given.");
        var unit = await GetAsync(units, source, cancellationToken).ConfigureAwait(false);
        await DemandAsync(actor, Capabilities.RestructureUnits, source.ToString(), [ParentOn(unit, effective)], effective, cancellationToken).ConfigureAwait(false);
        CheckOpen(unit, effective);
        foreach (var part in parts)
        {
            Preconditions.CheckNotNull(part);
            Preconditions.CheckNotNull(part.Contents);
            Preconditions.CheckState(part.Unit.Kind == unit.Kind && part.Unit.ParentId == unit.ParentId, ErrorCodes.InvalidRestructure,
                $"Part {part.Unit.Id} must be a '{unit.Kind}' under {unit.ParentId?.ToString() ?? "no parent"}, like {source}.");
        }
        var contents = await LoadContentsAsync(source, cancellationToken).ConfigureAwait(false);
        await CheckNothingLeftAfterAsync(source, effective, cancellationToken).ConfigureAwait(false);
        var owner = new Dictionary<NodeRef, int>();
        for (int i = 0; i < parts.Count; i++)
        {
            Preconditions.CheckState(parts[i].Contents.Count > 0, ErrorCodes.InvalidRestructure,
                $"Part {parts[i].Unit.Id} takes nothing over; every part of a split takes at least one unit, member or household (add an empty unit with AddUnitAsync instead).");
            foreach (var node in parts[i].Contents)
            {
                Preconditions.CheckState(owner.TryAdd(node, i), ErrorCodes.InvalidRestructure, $"{node} is listed in more than one part of the split.");
            }
        }
        var explicitWork = ImmutableDictionary.CreateBuilder<string, OrgUnitId>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var work in part.Work)
            {
                Preconditions.CheckState(!string.IsNullOrWhiteSpace(work), ErrorCodes.InvalidRestructure, $"Part {part.Unit.Id} names blank work; name work by its id (workorder:17).");
                Preconditions.CheckState(explicitWork.TryAdd(work.Trim(), part.Unit.Id), ErrorCodes.InvalidRestructure,
                    $"{work.Trim()} is named by more than one part of the split; each piece of work goes to one part.");
            }
        }
        var all = contents.Nodes().ToHashSet();
        var foreign = owner.Keys.Where(n => !all.Contains(n)).Order().ToList();
        Preconditions.CheckState(foreign.Count == 0, ErrorCodes.InvalidRestructure, $"The parts list {string.Join(", ", foreign.Take(5))} which {source} does not hold.");
        var missing = all.Where(n => !owner.ContainsKey(n)).Order().ToList();
        Preconditions.CheckState(missing.Count == 0, ErrorCodes.InvalidRestructure,
            $"{missing.Count} thing(s) under {source} are in no part, e.g. {string.Join(", ", missing.Take(5))}; every unit, member and household must go to one part.");

        var storedUnits = (await units.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(u => u.Id);
        var problems = new RosterValidator(Schema, effective, storedUnits, new HashSet<MemberId>(), new HashSet<HouseholdId>(), new HashSet<StationedUnitId>())
            .Validate(new RosterBatch { Units = [.. parts.Select(p => p.Unit)] });
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The split's new units", problems);
        }

        var created = parts.Select(p => OrgUnit.Create(p.Unit, effective)).ToList();
        foreach (var u in contents.Units)
        {
            u.MoveTo(parts[owner[u.Id]].Unit.Id, effective);
        }
        foreach (var m in contents.Members)
        {
            m.TransferTo(parts[owner[m.Id]].Unit.Id, effective);
        }
        foreach (var h in contents.Households)
        {
            h.MoveTo(parts[owner[h.Id]].Unit.Id, effective);
        }
        var successors = created.Select(c => c.Id).ToList();
        var change = new RestructureChange(RestructureKind.Split, actor, effective,
            ImmutableDictionary<OrgUnitId, ImmutableArray<OrgUnitId>>.Empty.Add(source, [.. successors]), explicitWork.ToImmutable(),
            owner.ToImmutableDictionary(kv => kv.Key, kv => parts[kv.Value].Unit.Id), storedUnits.ToImmutableDictionary());
        foreach (var r in contents.StationedUnits)
        {
            r.CoverBy(change.SuccessorOf(source, r.Id.ToString())!.Value, r.HasOwnOrganisation, effective);
        }
        unit.Close(effective, successors);
        var detached = await DetachMembersAsync([source], contents.Members, effective, cancellationToken).ConfigureAwait(false);
        await CommitAsync($"Splitting {source} ({unit.Name}) on {effective:yyyy-MM-dd}", change, contents with { Members = detached }, [unit], created, cancellationToken)
            .ConfigureAwait(false);
        return new RestructureResult([source], successors, contents.Units.Count, contents.Members.Count, contents.Households.Count);
    }

    /// <summary>Transfers a member's primary branch (组织关系转接).</summary>
    /// <param name="actor">
    /// Who transfers them (<see cref="Capabilities.ManageMembers"/> over the member where they are on the day and over
    /// the new branch; never oneself).
    /// </param>
    /// <param name="member">The member.</param>
    /// <param name="branch">The new branch; a kind members may be placed in.</param>
    /// <param name="effective">The day of the transfer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<Member> TransferMemberAsync(Actor actor, MemberId member, OrgUnitId branch, LocalDate effective, CancellationToken cancellationToken = default)
    {
        await DemandAsync(actor, Capabilities.ManageMembers, member.ToString(), [member, branch], effective, cancellationToken, owner: member).ConfigureAwait(false);
        var unit = await GetOpenUnitAsync(branch, effective, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckState(Schema.MemberKinds.Contains(unit.Kind), ErrorCodes.MemberPlacementNotAllowed,
            $"Members may not be placed in a '{unit.Kind}' ({branch}) under the '{Schema.Name}' schema.");
        return await ChangeAsync(members, member, m => m.TransferTo(branch, effective), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes a member off the roster (transferred out of the city, deceased); their roles and registrations end.</summary>
    /// <param name="actor">Who takes them off (<see cref="Capabilities.ManageMembers"/> over the member; never oneself).</param>
    /// <param name="member">The member.</param>
    /// <param name="effective">The first day they are no longer on the roster.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<Member> RemoveMemberAsync(Actor actor, MemberId member, LocalDate effective, CancellationToken cancellationToken = default)
    {
        await DemandAsync(actor, Capabilities.ManageMembers, member.ToString(), [member], effective, cancellationToken, owner: member).ConfigureAwait(false);
        return await ChangeAsync(members, member, m => m.Leave(effective), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers a member with a second unit (双报到), e.g. an in-service member with the community where they live.</summary>
    /// <param name="actor">
    /// Who registers them (<see cref="Capabilities.ManageMembers"/> over the member on the first day, i.e. their own
    /// branch's posts and those above it; never oneself).
    /// </param>
    /// <param name="member">The member.</param>
    /// <param name="unit">The unit registered with; not their primary branch.</param>
    /// <param name="validity">When the registration holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public Task<Member> RegisterDualAsync(Actor actor, MemberId member, OrgUnitId unit, Validity validity, CancellationToken cancellationToken = default) =>
        RegisterDualCoreAsync(actor, member, unit, validity, null, cancellationToken);

    /// <summary>
    /// Registers an in-service member (在职党员) with a second unit for the stationed unit they work in (双报到: the
    /// organ or firm sends its members to the community where it is located). Their contacts logged in the community then
    /// count towards that stationed unit's work coverage (工作覆盖, <c>Contacts.StationedUnitContacts</c>).
    /// </summary>
    /// <param name="actor">Who registers (as for <see cref="RegisterDualAsync(Actor, MemberId, OrgUnitId, Validity, CancellationToken)"/>).</param>
    /// <param name="member">The member.</param>
    /// <param name="unit">The unit registered with; open on the first day, not the member's primary branch.</param>
    /// <param name="validity">When the registration holds.</param>
    /// <param name="workplace">The stationed unit the member works in; registered on the registration's first day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member, with the registration in <see cref="Member.DualRegistrations"/> naming <see cref="DualRegistration.Workplace"/>.</returns>
    /// <exception cref="GridGovernanceException">
    /// The stationed unit was not registered on the registration's first day (<c>hierarchy.not-on-roster</c>), the unit
    /// is closed, or the registration overlaps another with the same unit (<c>hierarchy.invalid-role</c>); nothing changed.
    /// </exception>
    /// <exception cref="EntityNotFoundException">The member, the unit or the stationed unit does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public Task<Member> RegisterDualAsync(Actor actor, MemberId member, OrgUnitId unit, Validity validity, StationedUnitId workplace, CancellationToken cancellationToken = default) =>
        RegisterDualCoreAsync(actor, member, unit, validity, workplace, cancellationToken);

    private async Task<Member> RegisterDualCoreAsync(Actor actor, MemberId member, OrgUnitId unit, Validity validity, StationedUnitId? workplace, CancellationToken cancellationToken)
    {
        await DemandAsync(actor, Capabilities.ManageMembers, member.ToString(), [member], validity.From, cancellationToken, owner: member).ConfigureAwait(false);
        await GetOpenUnitAsync(unit, validity.From, cancellationToken).ConfigureAwait(false);
        if (workplace is StationedUnitId named)
        {
            var stationed = await GetAsync(stationedUnits, named, cancellationToken).ConfigureAwait(false);
            Preconditions.CheckState(stationed.Communities.HoldsOn(validity.From), ErrorCodes.NotOnRoster,
                $"{named} ({stationed.Name}) is not registered on {validity.From:yyyy-MM-dd}; a member cannot register for it then.");
        }
        return await ChangeAsync(members, member, m =>
        {
            Preconditions.CheckState(m.BranchId != unit, ErrorCodes.InvalidRole, $"{unit} is already {member}'s primary branch; a dual registration names another unit.");
            m.RegisterWith(unit, validity, workplace);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Places a household in another grid or group.</summary>
    /// <param name="actor">Who moves it (<see cref="Capabilities.ManageMembers"/> over the household where it is on the day and over the new unit).</param>
    /// <param name="household">The household.</param>
    /// <param name="unit">The new unit; a kind households may be placed in.</param>
    /// <param name="effective">The day of the move.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<Household> MoveHouseholdAsync(Actor actor, HouseholdId household, OrgUnitId unit, LocalDate effective, CancellationToken cancellationToken = default)
    {
        await DemandAsync(actor, Capabilities.ManageMembers, household.ToString(), [household, unit], effective, cancellationToken).ConfigureAwait(false);
        var target = await GetOpenUnitAsync(unit, effective, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckState(Schema.HouseholdKinds.Contains(target.Kind), ErrorCodes.HouseholdPlacementNotAllowed,
            $"Households may not be placed in a '{target.Kind}' ({unit}) under the '{Schema.Name}' schema.");
        return await ChangeAsync(households, household, h => h.MoveTo(unit, effective), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes a household off the roster (moved away).</summary>
    /// <param name="actor">Who takes it off (<see cref="Capabilities.ManageMembers"/> over the household).</param>
    /// <param name="household">The household.</param>
    /// <param name="effective">The first day it is no longer on the roster.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<Household> RemoveHouseholdAsync(Actor actor, HouseholdId household, LocalDate effective, CancellationToken cancellationToken = default)
    {
        await DemandAsync(actor, Capabilities.ManageMembers, household.ToString(), [household], effective, cancellationToken).ConfigureAwait(false);
        return await ChangeAsync(households, household, h => h.Remove(effective), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that a regional committee (区域党委) spans a community (Yibin: 4 communities).</summary>
    /// <param name="actor">
    /// Who records it (<see cref="Capabilities.RestructureUnits"/> over the committee's parent and over the community:
    /// the span brings the community into the committee's jurisdiction).
    /// </param>
    /// <param name="committee">The regional committee.</param>
    /// <param name="community">The community spanned.</param>
    /// <param name="validity">When.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<OrgUnit> AddSpanAsync(Actor actor, OrgUnitId committee, OrgUnitId community, Validity validity, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        var unit = await GetAsync(units, committee, cancellationToken).ConfigureAwait(false);
        await DemandAsync(actor, Capabilities.RestructureUnits, committee.ToString(), [ParentOn(unit, validity.From), community], validity.From, cancellationToken).ConfigureAwait(false);
        CheckOpen(unit, validity.From);
        Preconditions.CheckState(unit.Kind == UnitKind.RegionalCommittee, ErrorCodes.InvalidSpan, $"{committee} is a '{unit.Kind}'; only a regional committee spans communities.");
        var spanned = await GetOpenUnitAsync(community, validity.From, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckState(Schema.LevelOf(spanned.Kind) == UnitLevel.Community, ErrorCodes.InvalidSpan, $"{community} is a '{spanned.Kind}'; a regional committee spans communities.");
        unit.AddSpan(community, validity);
        await units.UpdateAsync(unit, cancellationToken).ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return unit;
    }

    /// <summary>Records a rotating chair's term (轮值主席, six months in Yibin) on a regional committee.</summary>
    /// <param name="actor">Who appoints (<see cref="Capabilities.RestructureUnits"/> over the committee's parent; never oneself as chair).</param>
    /// <param name="committee">The regional committee.</param>
    /// <param name="term">The term; must not overlap another and the chair must be on the roster.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<OrgUnit> AppointChairAsync(Actor actor, OrgUnitId committee, ChairTerm term, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(term);
        var unit = await GetAsync(units, committee, cancellationToken).ConfigureAwait(false);
        await DemandAsync(actor, Capabilities.RestructureUnits, committee.ToString(), [ParentOn(unit, term.Term.From)], term.Term.From, cancellationToken, owner: term.Chair)
            .ConfigureAwait(false);
        CheckOpen(unit, term.Term.From);
        Preconditions.CheckState(unit.Kind == UnitKind.RegionalCommittee, ErrorCodes.InvalidSpan, $"{committee} is a '{unit.Kind}'; only a regional committee has a rotating chair.");
        var chair = await GetAsync(members, term.Chair, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckState(chair.IsActive, ErrorCodes.NotOnRoster, $"{term.Chair} left the roster on {chair.Branches.Last.Until:yyyy-MM-dd}.");
        await GetOpenUnitAsync(term.ChairUnit, term.Term.From, cancellationToken).ConfigureAwait(false);
        unit.AddChairTerm(term);
        await units.UpdateAsync(unit, cancellationToken).ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return unit;
    }

    /// <summary>
    /// Records which party organisation covers a stationed unit (驻区单位): its own (单独组建), a joint one
    /// (联合组建), or none. This is what 党组织覆盖率 and 单独组建率 count.
    /// </summary>
    /// <param name="actor">
    /// Who records it (<see cref="Capabilities.RestructureUnits"/> over the stationed unit's community and over the
    /// covering organisation, if any), decided as of today in the configured zone.
    /// </param>
    /// <param name="stationedUnit">The stationed unit.</param>
    /// <param name="organisation">The covering organisation (open), or <c>null</c> for none.</param>
    /// <param name="ownOrganisation">Whether the organisation is the unit's own.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<StationedUnit> SetCoverageAsync(Actor actor, StationedUnitId stationedUnit, OrgUnitId? organisation, bool ownOrganisation, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckArgument(organisation is not null || !ownOrganisation, nameof(ownOrganisation), "ownOrganisation needs an organisation to name.");
        var located = await GetAsync(stationedUnits, stationedUnit, cancellationToken).ConfigureAwait(false);
        var today = clock.GetCurrentInstant().InZone(options.TimeZone).Date;
        await DemandAsync(actor, Capabilities.RestructureUnits, stationedUnit.ToString(), organisation is OrgUnitId named ? [located.CommunityId, named] : [located.CommunityId], today, cancellationToken).ConfigureAwait(false);
        if (organisation is OrgUnitId covering)
        {
            var unit = await GetAsync(units, covering, cancellationToken).ConfigureAwait(false);
            Preconditions.CheckState(!unit.IsClosed, ErrorCodes.UnitClosed, $"{covering} ({unit.Name}) closed on {unit.ClosedOn:yyyy-MM-dd}.");
        }
        return await ChangeAsync(stationedUnits, stationedUnit, r => r.CoverBy(organisation, ownOrganisation, today), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a stationed unit's staff and party members (在职党员) from <paramref name="effective"/> on; the former counts
    /// stay in <see cref="StationedUnit.CountsHistory"/>, so coverage asked for an earlier date (单独组建率's base) keeps
    /// that date's counts.
    /// </summary>
    /// <param name="actor">
    /// Who records them (<see cref="Capabilities.RestructureUnits"/> over the community the stationed unit is located in
    /// on the day, as for registering it).
    /// </param>
    /// <param name="stationedUnit">The stationed unit; still registered.</param>
    /// <param name="headcount">Staff; zero or more.</param>
    /// <param name="memberCount">Party members on its staff; zero to <paramref name="headcount"/>.</param>
    /// <param name="effective">The first day the counts hold; not before the last recorded change of its counts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stationed unit (unchanged when the counts already are those).</returns>
    /// <exception cref="GridGovernanceValidationException">
    /// A count is out of range (<c>input.out-of-range</c>, naming <c>headcount</c> or <c>memberCount</c>); nothing changed.
    /// </exception>
    /// <exception cref="GridGovernanceException">
    /// The stationed unit is no longer registered (<c>hierarchy.not-on-roster</c>) or the date is before its last recorded
    /// change of counts (<c>history.retroactive-change</c>); nothing changed.
    /// </exception>
    /// <exception cref="EntityNotFoundException">The stationed unit does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<StationedUnit> UpdateStationedUnitCountsAsync(Actor actor, StationedUnitId stationedUnit, int headcount, int memberCount, LocalDate effective,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        InputPolicy.ThrowIfAny("The stationed unit's counts", StationedUnit.CheckCounts(headcount, memberCount, stationedUnit.ToString()));
        var located = await GetAsync(stationedUnits, stationedUnit, cancellationToken).ConfigureAwait(false);
        var community = located.Communities.TryGetValueAt(effective, out var there) ? there : located.CommunityId;
        await DemandAsync(actor, Capabilities.RestructureUnits, stationedUnit.ToString(), [community], effective, cancellationToken).ConfigureAwait(false);
        return await ChangeAsync(stationedUnits, stationedUnit, r => r.UpdateCounts(headcount, memberCount, effective), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Locates a stationed unit (驻区单位) in another community from <paramref name="effective"/> on (it moved, or a
    /// restructure's default put it in the wrong part); the former community stays in its history. Its covering
    /// organisation is unchanged (see <see cref="SetCoverageAsync"/>).
    /// </summary>
    /// <param name="actor">
    /// Who moves it (<see cref="Capabilities.RestructureUnits"/> over the community it leaves and over the one it goes to,
    /// as for other organisation changes).
    /// </param>
    /// <param name="stationedUnit">The stationed unit; still registered.</param>
    /// <param name="community">The community it is in from <paramref name="effective"/>: an open unit of the community kind.</param>
    /// <param name="effective">The first day it is there; not before its last recorded move.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="GridGovernanceException">
    /// The community is closed (<c>hierarchy.unit-closed</c>) or not a community (<c>hierarchy.invalid-restructure</c>), the
    /// stationed unit is no longer registered (<c>hierarchy.not-on-roster</c>) or the date is retroactive.
    /// </exception>
    /// <exception cref="EntityNotFoundException">The stationed unit or the community does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not make the change (<c>organisation.forbidden</c>); nothing changed.</exception>
    public async Task<StationedUnit> MoveStationedUnitAsync(Actor actor, StationedUnitId stationedUnit, OrgUnitId community, LocalDate effective,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        var located = await GetAsync(stationedUnits, stationedUnit, cancellationToken).ConfigureAwait(false);
        var from = located.Communities.TryGetValueAt(effective, out var there) ? there : located.CommunityId;
        await DemandAsync(actor, Capabilities.RestructureUnits, stationedUnit.ToString(), [from, community], effective, cancellationToken).ConfigureAwait(false);
        var target = await GetOpenUnitAsync(community, effective, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckState(Schema.LevelOf(target.Kind) == UnitLevel.Community, ErrorCodes.InvalidRestructure,
            $"{community} ({target.Name}) is a '{target.Kind}'; a stationed unit is located in a community.");
        return await ChangeAsync(stationedUnits, stationedUnit, r => r.MoveTo(community, effective), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Demands <paramref name="capability"/> over every distinct node (a <c>null</c> node is a change no post's
    /// jurisdiction covers, such as a new root: the subject then has no node and only the system passes). The
    /// subject's label names what changes and, when that is not the node itself, where (<c>unit:1001 at unit:101</c>).
    /// </summary>
    private async Task DemandAsync(Actor actor, Capability capability, string label, IEnumerable<NodeRef?> nodes, LocalDate asOf, CancellationToken cancellationToken, MemberId? owner = null)
    {
        Preconditions.CheckNotNull(actor);
        foreach (var node in nodes.Distinct())
        {
            string where = node?.ToString() ?? label;
            var subject = new AuthoritySubject(where == label ? label : label + " at " + where) { Node = node, Owner = owner };
            await authority.DemandAsync(actor, capability, subject, asOf, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string RoleLabel(MemberId member, RoleKind role) => $"{member} as {role}";

    /// <summary>Where a change to <paramref name="unit"/> happens: its parent on the day (its last parent when it was not open then).</summary>
    private static NodeRef? ParentOn(OrgUnit unit, LocalDate day) =>
        (unit.TryGetParentOn(day, out var parent) ? parent : unit.ParentId) is OrgUnitId id ? id : null;

    /// <summary>Loads one aggregate, changes it, stages and saves it; nothing is staged if the change throws or records no event.</summary>
    private async Task<T> ChangeAsync<T, TId>(IRepository<T> repository, TId id, Action<T> change, CancellationToken cancellationToken)
        where T : class, IAggregateRoot
        where TId : struct
    {
        var loaded = await GetAsync(repository, id, cancellationToken).ConfigureAwait(false);
        change(loaded);
        if (loaded.DomainEvents.Count == 0)
        {
            return loaded; // nothing changed (e.g. a rename to the current name): no write, no version bump
        }
        await repository.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return loaded;
    }

    /// <summary>
    /// Ends roles on, and registrations with, closing units. Members already loaded (being moved) are changed in
    /// place, so each member is staged once; the result is every member to stage.
    /// </summary>
    private async Task<List<Member>> DetachMembersAsync(IReadOnlyCollection<OrgUnitId> closing, List<Member> loaded, LocalDate effective, CancellationToken cancellationToken)
    {
        var result = loaded.ToDictionary(m => m.Id);
        foreach (var unit in closing)
        {
            foreach (var member in await members.ListAsync(new MembersAttachedTo(unit, effective), cancellationToken).ConfigureAwait(false))
            {
                if (!result.TryGetValue(member.Id, out var target))
                {
                    target = member;
                    result.Add(member.Id, member);
                }
                target.DetachFrom(unit, effective);
            }
        }
        return [.. result.Values];
    }

    private async Task<Imported> ImportCoreAsync(RosterBatch batch, LocalDate effective, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(batch);
        var storedUnits = (await units.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(u => u.Id);
        var storedMembers = await ExistingAsync(members, batch.Members.Where(m => m is not null).Select(m => m.Id)
            .Concat(batch.Roles.Where(r => r is not null).Select(r => r.MemberId)), cancellationToken).ConfigureAwait(false);
        var storedHouseholds = await ExistingAsync(households, batch.Households.Where(h => h is not null).Select(h => h.Id), cancellationToken).ConfigureAwait(false);
        var storedStationedUnits = await ExistingAsync(stationedUnits, batch.StationedUnits.Where(r => r is not null).Select(r => r.Id)
            .Concat(batch.Units.Where(u => u?.CoBuildingPartner is not null).Select(u => u.CoBuildingPartner!.Value)), cancellationToken).ConfigureAwait(false);

        var problems = new RosterValidator(Schema, effective, storedUnits, storedMembers, storedHouseholds, storedStationedUnits).Validate(batch);
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The roster batch", problems);
        }

        var newMembers = batch.Members.Select(m => Member.Create(m, effective)).ToList();
        var byId = newMembers.ToDictionary(m => m.Id);
        var changedMembers = new Dictionary<MemberId, Member>();
        foreach (var role in batch.Roles)
        {
            if (!byId.TryGetValue(role.MemberId, out var member) && !changedMembers.TryGetValue(role.MemberId, out member))
            {
                member = await GetAsync(members, role.MemberId, cancellationToken).ConfigureAwait(false);
                changedMembers.Add(member.Id, member);
            }
            member.Assign(new RoleAssignment(role.Role, role.UnitId, role.Employment, new Validity(effective, role.Until)));
        }

        var imported = new Imported(
            [.. batch.Units.Select(u => OrgUnit.Create(u, effective))],
            [.. newMembers, .. changedMembers.Values],
            [.. batch.Households.Select(h => Household.Create(h, effective))],
            [.. batch.StationedUnits.Select(r => StationedUnit.Create(r, effective))]);
        await units.AddRangeAsync(imported.Units, cancellationToken).ConfigureAwait(false);
        await stationedUnits.AddRangeAsync(imported.StationedUnits, cancellationToken).ConfigureAwait(false);
        await members.AddRangeAsync(newMembers, cancellationToken).ConfigureAwait(false);
        await households.AddRangeAsync(imported.Households, cancellationToken).ConfigureAwait(false);
        foreach (var member in changedMembers.Values)
        {
            await members.UpdateAsync(member, cancellationToken).ConfigureAwait(false);
        }
        await SaveAsync(cancellationToken).ConfigureAwait(false);
        return imported;
    }

    private async Task<OrgUnit> GetOpenUnitAsync(OrgUnitId id, LocalDate effective, CancellationToken cancellationToken)
    {
        var unit = await GetAsync(units, id, cancellationToken).ConfigureAwait(false);
        CheckOpen(unit, effective);
        return unit;
    }

    private static void CheckOpen(OrgUnit unit, LocalDate effective)
    {
        var id = unit.Id;
        Preconditions.CheckState(!unit.IsClosed, ErrorCodes.UnitClosed, $"{id} ({unit.Name}) closed on {unit.ClosedOn:yyyy-MM-dd}.");
        Preconditions.CheckState(unit.OpenedOn <= effective, ErrorCodes.UnitClosed, $"{id} ({unit.Name}) opens only on {unit.OpenedOn:yyyy-MM-dd}, after {effective:yyyy-MM-dd}.");
    }

    private void CheckAllowedUnder(UnitKind kind, OrgUnit parent) =>
        Preconditions.CheckState(Schema.Allows(kind, parent.Kind), ErrorCodes.ParentKindNotAllowed,
            $"A '{kind}' may not sit under a '{parent.Kind}' ({parent.Id}) under the '{Schema.Name}' schema.");

    /// <summary>
    /// Throws when <paramref name="start"/> is one of <paramref name="forbidden"/> or lies under one on
    /// <paramref name="effective"/> or on any later day the tree changes: a back-dated move must not create a cycle
    /// in the period between its date and later recorded moves.
    /// </summary>
    private async Task CheckNotUnderAsync(OrgUnitId start, IReadOnlyCollection<OrgUnitId> forbidden, LocalDate effective, CancellationToken cancellationToken)
    {
        var all = (await units.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(u => u.Id);
        var days = all.Values.SelectMany(u => u.Parents.Segments.Select(s => s.From)).Where(d => d > effective).Append(effective).Distinct().Order();
        foreach (var day in days)
        {
            int steps = 0;
            for (OrgUnitId? current = start; current is OrgUnitId id && all.TryGetValue(id, out var unit) && steps <= all.Count; steps++)
            {
                Preconditions.CheckState(!forbidden.Contains(id), ErrorCodes.HierarchyCycle,
                    $"{start} is {(id == start ? "" : "under ")}{id} on {day:yyyy-MM-dd}; the change would make a unit its own ancestor.");
                current = unit.TryGetParentOn(day, out var parent) ? parent : null;
            }
        }
    }

    /// <summary>
    /// Throws when something left <paramref name="unit"/> after <paramref name="effective"/>: closing, merging or
    /// splitting it on that date would leave that thing under a closed unit for the days between.
    /// </summary>
    private async Task CheckNothingLeftAfterAsync(OrgUnitId unit, LocalDate effective, CancellationToken cancellationToken)
    {
        var left = new List<string>();
        left.AddRange((await units.ListAsync(new UnitsThatLeftAfter(unit, effective), cancellationToken).ConfigureAwait(false)).Select(u => u.Id.ToString()));
        left.AddRange((await members.ListAsync(new MembersThatLeftAfter(unit, effective), cancellationToken).ConfigureAwait(false)).Select(m => m.Id.ToString()));
        left.AddRange((await households.ListAsync(new HouseholdsThatLeftAfter(unit, effective), cancellationToken).ConfigureAwait(false)).Select(h => h.Id.ToString()));
        Preconditions.CheckState(left.Count == 0, ErrorCodes.RetroactiveChange,
            $"{string.Join(", ", left.Take(5))}{(left.Count > 5 ? $" and {left.Count - 5} more" : "")} left {unit} after {effective:yyyy-MM-dd}; " +
            "the unit cannot close on that date because they were still under it then.");
    }

    private async Task<Contents> LoadContentsAsync(OrgUnitId unit, CancellationToken cancellationToken) => new(
        [.. await units.ListAsync(new OpenChildUnits(unit), cancellationToken).ConfigureAwait(false)],
        [.. await members.ListAsync(new ActiveMembersOfBranch(unit), cancellationToken).ConfigureAwait(false)],
        [.. await households.ListAsync(new ActiveHouseholdsOfUnit(unit), cancellationToken).ConfigureAwait(false)],
        [.. await stationedUnits.ListAsync(new StationedUnitsCoveredBy(unit), cancellationToken).ConfigureAwait(false)]);

    private async Task StageAsync(Contents contents, IEnumerable<OrgUnit> closed, IEnumerable<OrgUnit> created, CancellationToken cancellationToken)
    {
        await units.AddRangeAsync(created, cancellationToken).ConfigureAwait(false);
        foreach (var u in contents.Units.Concat(closed))
        {
            await units.UpdateAsync(u, cancellationToken).ConfigureAwait(false);
        }
        foreach (var m in contents.Members)
        {
            await members.UpdateAsync(m, cancellationToken).ConfigureAwait(false);
        }
        foreach (var h in contents.Households)
        {
            await households.UpdateAsync(h, cancellationToken).ConfigureAwait(false);
        }
        foreach (var r in contents.StationedUnits)
        {
            await stationedUnits.UpdateAsync(r, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stages a restructure and the work that follows it, then saves everything at once: the organisation's own work
    /// (stationed units located in a closing community, regional committees' spans over it) and every
    /// <see cref="IRestructureParticipant"/>'s. Work that cannot follow refuses the whole change: everything staged is
    /// discarded and <see cref="RestructureBlockedException"/> lists it. A participant that throws discards it all too.
    /// </summary>
    private async Task CommitAsync(string description, RestructureChange change, Contents contents, IReadOnlyList<OrgUnit> closed, IReadOnlyList<OrgUnit> created,
        CancellationToken cancellationToken)
    {
        try
        {
            var blockers = new List<RestructureBlocker>();
            contents = await CarryOwnWorkAsync(change, contents, closed, blockers, cancellationToken).ConfigureAwait(false);
            await StageAsync(contents, closed, created, cancellationToken).ConfigureAwait(false);
            foreach (var participant in participants)
            {
                blockers.AddRange(await participant.CarryAsync(change, cancellationToken).ConfigureAwait(false));
            }
            if (blockers.Count > 0)
            {
                throw new RestructureBlockedException(description, blockers);
            }
        }
        catch
        {
            unitOfWork.DiscardChanges();
            throw;
        }
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The organisation's own work bound to closing units: stationed units located in one move to its successor (a
    /// blocker when it has none); regional committees spanning one span its successors instead. Aggregates already in
    /// <paramref name="contents"/> are changed in place, so each is staged once; the result is everything to stage.
    /// </summary>
    private async Task<Contents> CarryOwnWorkAsync(RestructureChange change, Contents contents, IReadOnlyList<OrgUnit> closed, List<RestructureBlocker> blockers,
        CancellationToken cancellationToken)
    {
        var loadedStationed = contents.StationedUnits.ToDictionary(r => r.Id);
        var extraStationed = new List<StationedUnit>();
        foreach (var stored in await stationedUnits.ListAsync(Specification.Create<StationedUnit>(q => q.Where(r => r.IsActive)), cancellationToken).ConfigureAwait(false))
        {
            if (!change.IsClosing(stored.CommunityId))
            {
                continue;
            }
            var closing = stored.CommunityId;
            if (change.SuccessorOf(closing, stored.Id.ToString()) is not OrgUnitId successor)
            {
                blockers.Add(new RestructureBlocker(stored.Id.ToString(), closing, $"stationed unit {stored.Name} is located there; move it to another community first"));
                continue;
            }
            if (!loadedStationed.TryGetValue(stored.Id, out var target))
            {
                target = stored;
                extraStationed.Add(stored);
            }
            target.MoveTo(successor, change.Effective);
        }

        var loadedUnits = contents.Units.Concat(closed).ToDictionary(u => u.Id);
        var extraUnits = new List<OrgUnit>();
        foreach (var stored in await units.ListAsync(new OpenUnitsOfKind(UnitKind.RegionalCommittee), cancellationToken).ConfigureAwait(false))
        {
            var committee = loadedUnits.TryGetValue(stored.Id, out var loaded) ? loaded : stored;
            bool changed = false;
            foreach (var closing in change.Closing)
            {
                changed |= committee.CarrySpans(closing, change.SuccessorsOf(closing), change.Effective);
            }
            if (changed && ReferenceEquals(committee, stored))
            {
                extraUnits.Add(stored);
            }
        }
        return contents with { Units = [.. contents.Units, .. extraUnits], StationedUnits = [.. contents.StationedUnits, .. extraStationed] };
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            unitOfWork.DiscardChanges();
            throw;
        }
    }

    private static async Task<T> GetAsync<T, TId>(IReadRepository<T> repository, TId id, CancellationToken cancellationToken)
        where T : class, IAggregateRoot
        where TId : struct =>
        await repository.GetByIdAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(typeof(T).Name, id);

    private static async Task<HashSet<TId>> ExistingAsync<T, TId>(IReadRepository<T> repository, IEnumerable<TId> ids, CancellationToken cancellationToken)
        where T : class, IAggregateRoot
        where TId : struct
    {
        var wanted = ids.Where(id => id is not (OrgUnitId { IsSpecified: false } or MemberId { IsSpecified: false }
            or HouseholdId { IsSpecified: false } or StationedUnitId { IsSpecified: false })).ToHashSet();
        if (wanted.Count == 0)
        {
            return [];
        }
        // One query for the whole batch (a database store sends the ids as one parameter), not one read per id.
        var x = System.Linq.Expressions.Expression.Parameter(typeof(T), "x");
        var idIn = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TId)],
                System.Linq.Expressions.Expression.Constant(wanted, typeof(IEnumerable<TId>)),
                System.Linq.Expressions.Expression.Property(x, nameof(IAggregateRoot.Id))),
            x);
        var found = await repository.ListAsync(Specification.Create<T>(q => q.Where(idIn)), cancellationToken).ConfigureAwait(false);
        return [.. found.Select(f => (TId)f.Id)];
    }

    private sealed record Imported(List<OrgUnit> Units, List<Member> Members, List<Household> Households, List<StationedUnit> StationedUnits);

    private sealed record Contents(List<OrgUnit> Units, List<Member> Members, List<Household> Households, List<StationedUnit> StationedUnits)
    {
        public bool IsEmpty => Units.Count == 0 && Members.Count == 0 && Households.Count == 0;

        public IEnumerable<NodeRef> Nodes() =>
            Units.Select(u => (NodeRef)u.Id).Concat(Members.Select(m => (NodeRef)m.Id)).Concat(Households.Select(h => (NodeRef)h.Id));

        public void MoveTo(OrgUnitId target, LocalDate effective)
        {
            Units.ForEach(u => u.MoveTo(target, effective));
            Members.ForEach(m => m.TransferTo(target, effective));
            Households.ForEach(h => h.MoveTo(target, effective));
            StationedUnits.ForEach(r => r.CoverBy(target, r.HasOwnOrganisation, effective));
        }

        public Contents Concat(Contents other) =>
            new([.. Units, .. other.Units], [.. Members, .. other.Members], [.. Households, .. other.Households], [.. StationedUnits, .. other.StationedUnits]);
    }
}
