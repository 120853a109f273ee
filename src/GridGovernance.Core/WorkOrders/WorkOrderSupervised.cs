using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>A unit supervised its progress (社区督单).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who supervised.</param>
/// <param name="At">When.</param>
/// <param name="Unit">The supervising unit.</param>
/// <param name="Note">What was asked or found.</param>
[Immutable]
public sealed record WorkOrderSupervised(WorkOrderId Order, WorkOrderActor Actor, Instant At, OrgUnitId Unit, string Note) : WorkOrderEvent(Order, Actor, At);
