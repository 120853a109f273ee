using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>Something that happened to a work order; every transition raises exactly one.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="At">When.</param>
[Immutable]
public abstract record WorkOrderEvent(WorkOrderId Order, WorkOrderActor Actor, Instant At) : IDomainEvent;
