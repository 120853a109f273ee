using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>The record of a residents' deliberation (周末议事厅) was attached.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="At">When.</param>
/// <param name="Deliberation">The record.</param>
[Immutable]
public sealed record WorkOrderDeliberationRecorded(WorkOrderId Order, WorkOrderActor Actor, Instant At, DeliberationRecord Deliberation) : WorkOrderEvent(Order, Actor, At);
