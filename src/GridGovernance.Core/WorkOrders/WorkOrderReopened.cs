using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>It was opened again after an unsatisfied rating.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">The resident whose rating reopened it.</param>
/// <param name="At">When.</param>
/// <param name="Reopens">How many times it has been reopened now.</param>
/// <param name="DueAt">The new limit.</param>
[Immutable]
public sealed record WorkOrderReopened(WorkOrderId Order, WorkOrderActor Actor, Instant At, int Reopens, Instant DueAt) : WorkOrderEvent(Order, Actor, At);
