using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>A summoned department finished its part.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who reported it done.</param>
/// <param name="At">When.</param>
/// <param name="Department">The department.</param>
[Immutable]
public sealed record WorkOrderPartResolved(WorkOrderId Order, WorkOrderActor Actor, Instant At, string Department) : WorkOrderEvent(Order, Actor, At);
