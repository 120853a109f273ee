using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>It was resolved with evidence.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who resolved it.</param>
/// <param name="At">When.</param>
/// <param name="Handler">The handler at the time, or <c>null</c> for a whistled order nobody took.</param>
/// <param name="Overdue">Whether it was resolved after its limit.</param>
[Immutable]
public sealed record WorkOrderResolved(WorkOrderId Order, WorkOrderActor Actor, Instant At, MemberId? Handler, bool Overdue) : WorkOrderEvent(Order, Actor, At);
