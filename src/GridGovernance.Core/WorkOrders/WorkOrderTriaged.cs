using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>It was sorted into a class (三事分流).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who sorted it.</param>
/// <param name="At">When.</param>
/// <param name="ClassCode">The class.</param>
/// <param name="Level">The level that handles it.</param>
/// <param name="Unit">The unit responsible at that level.</param>
/// <param name="DueAt">The end of its time limit.</param>
[Immutable]
public sealed record WorkOrderTriaged(WorkOrderId Order, WorkOrderActor Actor, Instant At, string ClassCode, HandlingLevel Level, OrgUnitId Unit, Instant DueAt) : WorkOrderEvent(Order, Actor, At);
