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
