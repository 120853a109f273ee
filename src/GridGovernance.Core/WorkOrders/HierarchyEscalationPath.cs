using GridGovernance.Organisation;
using GridGovernance.Persistence;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>Escalates to the parent unit in the organisation hierarchy (grid → community → street → district).</summary>
[Immutable]
public sealed class HierarchyEscalationPath : IEscalationPath
{
    private readonly IReadRepository<OrgUnit> units;

    /// <summary>Creates the path.</summary>
    /// <param name="units">The units.</param>
    public HierarchyEscalationPath(IReadRepository<OrgUnit> units)
    {
        this.units = Preconditions.CheckNotNull(units);
    }

    /// <inheritdoc />
    public async Task<OrgUnitId?> NextAsync(OrgUnitId from, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        var unit = await units.GetByIdAsync(from, cancellationToken).ConfigureAwait(false);
        return unit is not null && unit.TryGetParentOn(asOf, out var parent) ? parent : null;
    }
}
