using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>Departments were summoned (吹哨).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who blew the whistle.</param>
/// <param name="At">When.</param>
/// <param name="Departments">The departments summoned by this whistle.</param>
[Immutable]
public sealed record WorkOrderWhistled(WorkOrderId Order, WorkOrderActor Actor, Instant At, ImmutableArray<string> Departments) : WorkOrderEvent(Order, Actor, At);
