using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>It was handed to another handler; the first responder is unchanged.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who handed it on.</param>
/// <param name="At">When.</param>
/// <param name="From">The previous handler.</param>
/// <param name="To">The new handler.</param>
/// <param name="FirstResponder">The first responder, still accountable.</param>
[Immutable]
public sealed record WorkOrderTransferred(WorkOrderId Order, WorkOrderActor Actor, Instant At, WorkOrderOfficial From, WorkOrderOfficial To, WorkOrderOfficial FirstResponder) : WorkOrderEvent(Order, Actor, At);
