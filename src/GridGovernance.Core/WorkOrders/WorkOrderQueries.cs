using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>The most recently filed work order (the highest id).</summary>
[Immutable]
public sealed class LatestWorkOrder : Specification<WorkOrder>
{
    /// <summary>Creates the specification.</summary>
    public LatestWorkOrder() => Query.OrderByDescending(o => o.Id.Value).Take(1);
}

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

/// <summary>Orders filed, or closed, in <c>[start, end)</c>, by id: the candidates of a public board period.</summary>
[Immutable]
public sealed class WorkOrdersFiledOrClosedBetween : Specification<WorkOrder>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="start">The first instant.</param>
    /// <param name="end">The instant after the last.</param>
    public WorkOrdersFiledOrClosedBetween(Instant start, Instant end) =>
        Query.Where(o => (o.FiledAt >= start && o.FiledAt < end) || (o.ClosedAt != null && o.ClosedAt >= start && o.ClosedAt < end))
            .OrderBy(o => o.Id.Value);
}
