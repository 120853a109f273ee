using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// A restructure (机构调整) left the handler without a post over the order, so it was released
/// (<see cref="WorkOrderCommand.ReleaseHandler"/>); the order stays in its state at <paramref name="Unit"/>, whose cadres
/// act on it, and the first responder is unchanged.
/// </summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who made the restructure.</param>
/// <param name="At">When.</param>
/// <param name="Handler">The handler released.</param>
/// <param name="Unit">The unit responsible for the order now.</param>
[Immutable]
public sealed record WorkOrderHandlerReleased(WorkOrderId Order, WorkOrderActor Actor, Instant At, MemberId Handler, OrgUnitId Unit) : WorkOrderEvent(Order, Actor, At);
