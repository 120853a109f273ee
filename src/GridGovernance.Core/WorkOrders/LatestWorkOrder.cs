using GridGovernance.Specifications;

namespace GridGovernance.WorkOrders;

/// <summary>The most recently filed work order (the highest id).</summary>
[Immutable]
public sealed class LatestWorkOrder : Specification<WorkOrder>
{
    /// <summary>Creates the specification.</summary>
    public LatestWorkOrder() => Query.OrderByDescending(o => o.Id.Value).Take(1);
}
