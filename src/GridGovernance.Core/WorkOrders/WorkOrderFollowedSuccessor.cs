using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>A restructure (merge, split) closed the order's unit and carried the order to the successor (机构调整后工单随迁).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who made the restructure.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="FromUnit">The filing unit before.</param>
/// <param name="ToUnit">The filing unit now (the same when it did not close).</param>
/// <param name="FromResponsible">The responsible unit before.</param>
/// <param name="ToResponsible">The responsible unit now (the same when it did not close).</param>
[Immutable]
public sealed record WorkOrderFollowedSuccessor(WorkOrderId Order, WorkOrderActor Actor, Instant At, OrgUnitId FromUnit, OrgUnitId ToUnit,
    OrgUnitId FromResponsible, OrgUnitId ToResponsible) : WorkOrderEvent(Order, Actor, At);
