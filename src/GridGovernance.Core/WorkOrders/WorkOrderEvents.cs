using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.WorkOrders;

// The work order's domain events live together: one per command of the transition table, read as a set.

/// <summary>Something that happened to a work order; every transition raises exactly one.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="At">When.</param>
[Immutable]
public abstract record WorkOrderEvent(WorkOrderId Order, WorkOrderActor Actor, Instant At) : IDomainEvent;

/// <summary>A matter was filed (群众下单).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who filed it.</param>
/// <param name="At">When.</param>
/// <param name="Category">The category.</param>
/// <param name="Unit">The unit where it happened.</param>
/// <param name="Channel">How it came in.</param>
[Immutable]
public sealed record WorkOrderFiled(WorkOrderId Order, WorkOrderActor Actor, Instant At, string Category, OrgUnitId Unit, WorkOrderChannel Channel) : WorkOrderEvent(Order, Actor, At);

/// <summary>It was sorted into a class (三事分流).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who sorted it.</param>
/// <param name="At">When.</param>
/// <param name="ClassCode">The class.</param>
/// <param name="Level">The level that handles it.</param>
/// <param name="Unit">The unit responsible at that level.</param>
/// <param name="DueAt">The end of its time limit.</param>
[Immutable]
public sealed record WorkOrderTriaged(WorkOrderId Order, WorkOrderActor Actor, Instant At, string ClassCode, HandlingLevel Level, OrgUnitId Unit, Instant DueAt) : WorkOrderEvent(Order, Actor, At);

/// <summary>A cadre or member took it (干部领单).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who took it.</param>
/// <param name="At">When.</param>
/// <param name="Handler">The handler.</param>
/// <param name="FirstResponder">The first responder (首问责任), who stays accountable.</param>
[Immutable]
public sealed record WorkOrderClaimed(WorkOrderId Order, WorkOrderActor Actor, Instant At, WorkOrderOfficial Handler, WorkOrderOfficial FirstResponder) : WorkOrderEvent(Order, Actor, At);

/// <summary>It was handed to another handler; the first responder is unchanged.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who handed it on.</param>
/// <param name="At">When.</param>
/// <param name="From">The previous handler.</param>
/// <param name="To">The new handler.</param>
/// <param name="FirstResponder">The first responder, still accountable.</param>
[Immutable]
public sealed record WorkOrderTransferred(WorkOrderId Order, WorkOrderActor Actor, Instant At, WorkOrderOfficial From, WorkOrderOfficial To, WorkOrderOfficial FirstResponder) : WorkOrderEvent(Order, Actor, At);

/// <summary>A unit supervised its progress (社区督单).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who supervised.</param>
/// <param name="At">When.</param>
/// <param name="Unit">The supervising unit.</param>
/// <param name="Note">What was asked or found.</param>
[Immutable]
public sealed record WorkOrderSupervised(WorkOrderId Order, WorkOrderActor Actor, Instant At, OrgUnitId Unit, string Note) : WorkOrderEvent(Order, Actor, At);

/// <summary>A reminder was sent: the limit is near.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who (normally <c>system:…</c>).</param>
/// <param name="At">When.</param>
/// <param name="DueAt">The limit it warns of.</param>
/// <param name="Handler">The handler reminded, or <c>null</c> when nobody has taken it.</param>
[Immutable]
public sealed record WorkOrderReminded(WorkOrderId Order, WorkOrderActor Actor, Instant At, Instant DueAt, WorkOrderOfficial? Handler) : WorkOrderEvent(Order, Actor, At);

/// <summary>It went one level up the organisation.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who escalated it.</param>
/// <param name="At">When.</param>
/// <param name="FromUnit">The unit responsible before.</param>
/// <param name="ToUnit">The unit responsible now.</param>
/// <param name="Level">The level now.</param>
/// <param name="DueAt">The new limit.</param>
[Immutable]
public sealed record WorkOrderEscalated(WorkOrderId Order, WorkOrderActor Actor, Instant At, OrgUnitId FromUnit, OrgUnitId ToUnit, HandlingLevel Level, Instant DueAt) : WorkOrderEvent(Order, Actor, At);

/// <summary>Departments were summoned (吹哨).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who blew the whistle.</param>
/// <param name="At">When.</param>
/// <param name="Departments">The departments summoned by this whistle.</param>
[Immutable]
public sealed record WorkOrderWhistled(WorkOrderId Order, WorkOrderActor Actor, Instant At, ImmutableArray<string> Departments) : WorkOrderEvent(Order, Actor, At);

/// <summary>A summoned department reported (报到).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who reported.</param>
/// <param name="At">When.</param>
/// <param name="Department">The department.</param>
/// <param name="Late">Whether it reported after its limit.</param>
[Immutable]
public sealed record WorkOrderPartAcknowledged(WorkOrderId Order, WorkOrderActor Actor, Instant At, string Department, bool Late) : WorkOrderEvent(Order, Actor, At);

/// <summary>A summoned department finished its part.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who reported it done.</param>
/// <param name="At">When.</param>
/// <param name="Department">The department.</param>
[Immutable]
public sealed record WorkOrderPartResolved(WorkOrderId Order, WorkOrderActor Actor, Instant At, string Department) : WorkOrderEvent(Order, Actor, At);

/// <summary>It was resolved with evidence.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who resolved it.</param>
/// <param name="At">When.</param>
/// <param name="Handler">The handler at the time, or <c>null</c> for a whistled order nobody took.</param>
/// <param name="Overdue">Whether it was resolved after its limit.</param>
[Immutable]
public sealed record WorkOrderResolved(WorkOrderId Order, WorkOrderActor Actor, Instant At, WorkOrderOfficial? Handler, bool Overdue) : WorkOrderEvent(Order, Actor, At);

/// <summary>The resident rated the resolution.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">The resident.</param>
/// <param name="At">When.</param>
/// <param name="Satisfied">Whether they were satisfied.</param>
[Immutable]
public sealed record WorkOrderRated(WorkOrderId Order, WorkOrderActor Actor, Instant At, bool Satisfied) : WorkOrderEvent(Order, Actor, At);

/// <summary>It was opened again after an unsatisfied rating.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">The resident whose rating reopened it.</param>
/// <param name="At">When.</param>
/// <param name="Reopens">How many times it has been reopened now.</param>
/// <param name="DueAt">The new limit.</param>
[Immutable]
public sealed record WorkOrderReopened(WorkOrderId Order, WorkOrderActor Actor, Instant At, int Reopens, Instant DueAt) : WorkOrderEvent(Order, Actor, At);

/// <summary>It was closed (办结).</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who closed it.</param>
/// <param name="At">When.</param>
/// <param name="Satisfied">The last rating, or <c>null</c> when it was never rated.</param>
[Immutable]
public sealed record WorkOrderClosed(WorkOrderId Order, WorkOrderActor Actor, Instant At, bool? Satisfied) : WorkOrderEvent(Order, Actor, At);

/// <summary>The record of a residents' deliberation (周末议事厅) was attached.</summary>
/// <param name="Order">The order.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="At">When.</param>
/// <param name="Deliberation">The record.</param>
[Immutable]
public sealed record WorkOrderDeliberationRecorded(WorkOrderId Order, WorkOrderActor Actor, Instant At, DeliberationRecord Deliberation) : WorkOrderEvent(Order, Actor, At);
