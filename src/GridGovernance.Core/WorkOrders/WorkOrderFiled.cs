using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>A matter was filed (群众下单).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who filed it.</param>
/// <param name="At">When.</param>
/// <param name="Category">The category.</param>
/// <param name="Unit">The unit where it happened.</param>
/// <param name="Channel">How it came in.</param>
[Immutable]
public sealed record WorkOrderFiled(WorkOrderId Order, WorkOrderActor Actor, Instant At, string Category, OrgUnitId Unit, WorkOrderChannel Channel) : WorkOrderEvent(Order, Actor, At);
