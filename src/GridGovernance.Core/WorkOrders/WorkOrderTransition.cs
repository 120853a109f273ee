namespace GridGovernance.WorkOrders;

/// <summary>One row of the work-order transition table: in state <see cref="From"/>, <see cref="Command"/> leads to <see cref="To"/>.</summary>
/// <param name="From">The state before.</param>
/// <param name="Command">The command.</param>
/// <param name="To">The state after (the same state for commands that record without moving, such as 督单).</param>
[Immutable]
public readonly record struct WorkOrderTransition(WorkOrderStatus From, WorkOrderCommand Command, WorkOrderStatus To);
