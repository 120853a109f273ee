using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>Open orders whose time limit has ended at <c>now</c> (the overdue ones, 超期), by id.</summary>
[Immutable]
public sealed class OverdueWorkOrders : Specification<WorkOrder>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="now">The instant to judge at.</param>
    public OverdueWorkOrders(Instant now) =>
        Query.Where(o => o.Status != WorkOrderStatus.Resolved && o.Status != WorkOrderStatus.Rated && o.Status != WorkOrderStatus.Closed
                && o.DueAt != null && o.DueAt <= now)
            .OrderBy(o => o.Id.Value);
}
