using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>A reminder was sent: the limit is near.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who (normally <c>system:…</c>).</param>
/// <param name="At">When.</param>
/// <param name="DueAt">The limit it warns of.</param>
/// <param name="Handler">The handler reminded, or <c>null</c> when nobody has taken it.</param>
[Immutable]
public sealed record WorkOrderReminded(WorkOrderId Order, WorkOrderActor Actor, Instant At, Instant DueAt, MemberId? Handler) : WorkOrderEvent(Order, Actor, At);
