using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>One line of a work order's audit trail: one transition of <see cref="WorkOrderWorkflow.Transitions"/>.</summary>
/// <param name="Sequence">1 for the filing, then one more for each transition.</param>
/// <param name="Command">The command.</param>
/// <param name="From">The state before, or <c>null</c> for the filing.</param>
/// <param name="To">The state after.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="At">When.</param>
/// <param name="Note">A note, or <c>null</c>.</param>
[Immutable]
public sealed record WorkOrderAuditRecord(int Sequence, WorkOrderCommand Command, WorkOrderStatus? From, WorkOrderStatus To, WorkOrderActor Actor, Instant At, string? Note);
