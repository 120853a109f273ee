using GridGovernance.Persistence;
using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>
/// The read side of the organisation hierarchy (组织体系): look-ups, jurisdiction, the <see cref="HierarchyIndex"/>
/// and the coverage figures. Nothing here writes; the changes go through <see cref="OrganisationService"/>.
/// </summary>
/// <remarks>
/// The other modules (points ledger, work orders, …) depend on this service rather than on the command service, so
/// that reading the hierarchy never needs the unit of work that writing it does. Everything reads what is saved.
/// </remarks>
[Immutable]
public sealed class OrganisationQueries
{
    private readonly IReadRepository<OrgUnit> units;
    private readonly IReadRepository<Member> members;
    private readonly IReadRepository<Household> households;
    private readonly IReadRepository<StationedUnit> stationedUnits;
    private readonly GridGovernanceOptions options;
    private readonly IClock clock;

    /// <summary>Creates the service (normally resolved from DI after <c>AddGridGovernance()</c>).</summary>
    /// <param name="units">Units.</param>
    /// <param name="members">Members.</param>
    /// <param name="households">Households.</param>
    /// <param name="stationedUnits">Stationed units.</param>
    /// <param name="options">The library's options (schema, zone, household band).</param>
    /// <param name="clock">The clock, for <see cref="Today"/>.</param>
    public OrganisationQueries(
        IReadRepository<OrgUnit> units,
        IReadRepository<Member> members,
        IReadRepository<Household> households,
        IReadRepository<StationedUnit> stationedUnits,
        GridGovernanceOptions options,
        IClock clock)
    {
        this.units = Preconditions.CheckNotNull(units);
        this.members = Preconditions.CheckNotNull(members);
        this.households = Preconditions.CheckNotNull(households);
        this.stationedUnits = Preconditions.CheckNotNull(stationedUnits);
        this.options = Preconditions.CheckNotNull(options);
        this.clock = Preconditions.CheckNotNull(clock);
    }

    /// <summary>The schema the hierarchy follows.</summary>
    public HierarchySchema Schema => options.Schema;

    /// <summary>Today's date in the configured zone (Asia/Shanghai by default).</summary>
    public LocalDate Today => clock.Today(options.TimeZone);

    /// <summary>Loads a unit.</summary>
    /// <param name="id">The unit's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">There is no such unit.</exception>
    public async Task<OrgUnit> GetUnitAsync(OrgUnitId id, CancellationToken cancellationToken = default) =>
        await FindUnitAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(OrgUnit), id);

    /// <summary>Loads a unit, or <c>null</c> when there is none.</summary>
    /// <param name="id">The unit's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<OrgUnit?> FindUnitAsync(OrgUnitId id, CancellationToken cancellationToken = default) => units.GetByIdAsync(id, cancellationToken);

    /// <summary>Loads a member.</summary>
    /// <param name="id">The member's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">There is no such member.</exception>
    public async Task<Member> GetMemberAsync(MemberId id, CancellationToken cancellationToken = default) =>
        await members.GetByIdAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(Member), id);

    /// <summary>Loads a household.</summary>
    /// <param name="id">The household's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">There is no such household.</exception>
    public async Task<Household> GetHouseholdAsync(HouseholdId id, CancellationToken cancellationToken = default) =>
        await households.GetByIdAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(Household), id);

    /// <summary>
    /// Whether a unit may act on a node on a date — the same answer as <see cref="HierarchyIndex.IsWithinJurisdiction"/>
    /// (the node is the unit or lies under it, or under a community a regional committee spans), found by walking
    /// the node's ancestors through the repositories: O(depth), no index to build. For one authorisation check.
    /// </summary>
    /// <param name="actorUnit">The acting unit.</param>
    /// <param name="target">The unit, member or household acted on.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns><c>false</c> also when either does not exist on the date.</returns>
    public async Task<bool> IsWithinJurisdictionAsync(OrgUnitId actorUnit, NodeRef target, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        var actor = await units.GetByIdAsync(actorUnit, cancellationToken).ConfigureAwait(false);
        if (actor is null || !actor.IsOpenOn(asOf))
        {
            return false;
        }
        OrgUnitId? start = target.Kind switch
        {
            NodeKind.Unit => target.AsUnit(),
            NodeKind.Member => (await members.GetByIdAsync(target.AsMember(), cancellationToken).ConfigureAwait(false))?.BranchOn(asOf),
            _ => (await households.GetByIdAsync(target.AsHousehold(), cancellationToken).ConfigureAwait(false))?.UnitOn(asOf),
        };
        var allowed = actor.SpannedOn(asOf).Append(actorUnit).ToHashSet();
        int steps = 0;
        for (OrgUnitId? current = start; current is OrgUnitId id && steps++ < 1_000;)
        {
            var unit = await units.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
            if (unit is null || !unit.TryGetParentOn(asOf, out var parent))
            {
                return false; // not open that day: nothing under it exists then either
            }
            if (allowed.Contains(id))
            {
                return true;
            }
            current = parent;
        }
        return false;
    }

    /// <summary>Builds the <see cref="HierarchyIndex"/> of the stored hierarchy as it stood on <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The date.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<HierarchyIndex> BuildIndexAsync(LocalDate asOf, CancellationToken cancellationToken = default)
    {
        var allUnits = await units.ListAsync(cancellationToken).ConfigureAwait(false);
        var allMembers = await members.ListAsync(cancellationToken).ConfigureAwait(false);
        var allHouseholds = await households.ListAsync(cancellationToken).ConfigureAwait(false);
        return HierarchyIndex.Build(allUnits, allMembers, allHouseholds, asOf);
    }

    /// <summary>
    /// Computes the coverage figures officials report (两个覆盖: 组织覆盖 and 工作覆盖, grid placement, household bands) as
    /// of a date, from that date's tree, spans and coverage history: asked later, a past date gives the same figures.
    /// </summary>
    /// <param name="asOf">The date.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public Task<CoverageReport> ComputeCoverageAsync(LocalDate asOf, CancellationToken cancellationToken = default) =>
        ComputeCoverageAsync(asOf, null, cancellationToken);

    /// <summary>
    /// Computes the coverage figures as of a date, counting <paramref name="reachedByContact"/> towards work coverage
    /// (工作覆盖) as well as the grids and regional committees that reach stationed units (see <see cref="CoverageCalculator"/>).
    /// </summary>
    /// <param name="asOf">The date.</param>
    /// <param name="reachedByContact">Stationed units a contact (党建指导员, liaison) reached on the date, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<CoverageReport> ComputeCoverageAsync(LocalDate asOf, IEnumerable<StationedUnitId>? reachedByContact, CancellationToken cancellationToken = default)
    {
        var index = await BuildIndexAsync(asOf, cancellationToken).ConfigureAwait(false);
        var registered = await stationedUnits.ListAsync(cancellationToken).ConfigureAwait(false);
        var all = await units.ListAsync(cancellationToken).ConfigureAwait(false);
        return CoverageCalculator.Compute(index, Schema, registered, options.GridHouseholdBand, all, reachedByContact);
    }
}
