using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>It was handed to a unit (转办), whose cadres claim it again; the first responder is unchanged.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who handed it on.</param>
/// <param name="At">When.</param>
/// <param name="Handler">The handler it was taken from.</param>
/// <param name="From">The unit responsible before.</param>
/// <param name="To">The unit responsible now.</param>
/// <param name="FirstResponder">The first responder, still accountable.</param>
[Immutable]
public sealed record WorkOrderTransferred(WorkOrderId Order, WorkOrderActor Actor, Instant At, MemberId Handler, OrgUnitId From, OrgUnitId To, MemberId FirstResponder) : WorkOrderEvent(Order, Actor, At);
