using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>It went one level up the organisation.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who escalated it.</param>
/// <param name="At">When.</param>
/// <param name="FromUnit">The unit responsible before.</param>
/// <param name="ToUnit">The unit responsible now.</param>
/// <param name="Level">The level now.</param>
/// <param name="DueAt">The new limit.</param>
[Immutable]
public sealed record WorkOrderEscalated(WorkOrderId Order, WorkOrderActor Actor, Instant At, OrgUnitId FromUnit, OrgUnitId ToUnit, HandlingLevel Level, Instant DueAt) : WorkOrderEvent(Order, Actor, At);
