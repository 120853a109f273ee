using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>A cadre took it (干部领单).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who took it.</param>
/// <param name="At">When.</param>
/// <param name="Handler">The member who took it.</param>
/// <param name="FirstResponder">The first responder (首问责任), who stays accountable.</param>
[Immutable]
public sealed record WorkOrderClaimed(WorkOrderId Order, WorkOrderActor Actor, Instant At, MemberId Handler, MemberId FirstResponder) : WorkOrderEvent(Order, Actor, At);
