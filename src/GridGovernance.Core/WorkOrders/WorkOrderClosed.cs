using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>It was closed (办结).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who closed it.</param>
/// <param name="At">When.</param>
/// <param name="Satisfied">The last rating, or <c>null</c> when it was never rated.</param>
[Immutable]
public sealed record WorkOrderClosed(WorkOrderId Order, WorkOrderActor Actor, Instant At, bool? Satisfied) : WorkOrderEvent(Order, Actor, At);
