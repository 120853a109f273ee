using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>A summoned department reported (报到).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who reported.</param>
/// <param name="At">When.</param>
/// <param name="Department">The department.</param>
/// <param name="Late">Whether it reported after its limit.</param>
[Immutable]
public sealed record WorkOrderPartAcknowledged(WorkOrderId Order, WorkOrderActor Actor, Instant At, string Department, bool Late) : WorkOrderEvent(Order, Actor, At);
