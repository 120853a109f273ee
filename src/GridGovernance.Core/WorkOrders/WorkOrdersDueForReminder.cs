using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>Open orders with a reminder due at <c>now</c>, by id.</summary>
[Immutable]
public sealed class WorkOrdersDueForReminder : Specification<WorkOrder>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="now">The instant to judge at.</param>
    public WorkOrdersDueForReminder(Instant now) =>
        Query.Where(o => o.Status != WorkOrderStatus.Resolved && o.Status != WorkOrderStatus.Rated && o.Status != WorkOrderStatus.Closed
                && o.RemindAt != null && o.RemindAt <= now)
            .OrderBy(o => o.Id.Value);
}
