using GridGovernance.Organisation;
using GridGovernance.Persistence;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// Where an order goes when it escalates: the next unit up the responsibility chain. The default,
/// <see cref="HierarchyEscalationPath"/>, goes to the parent unit in the organisation hierarchy; an integrator (or the
/// six-level contact chain, 六级联动) can register another one.
/// </summary>
public interface IEscalationPath
{
    /// <summary>The unit one level above <paramref name="from"/> on <paramref name="asOf"/>, or <c>null</c> when there is none.</summary>
    /// <param name="from">The unit responsible now.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    Task<OrgUnitId?> NextAsync(OrgUnitId from, LocalDate asOf, CancellationToken cancellationToken = default);
}

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
