using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>The resident rated the resolution.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">The resident.</param>
/// <param name="At">When.</param>
/// <param name="Satisfied">Whether they were satisfied.</param>
[Immutable]
public sealed record WorkOrderRated(WorkOrderId Order, WorkOrderActor Actor, Instant At, bool Satisfied) : WorkOrderEvent(Order, Actor, At);
