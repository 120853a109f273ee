namespace GridGovernance.WorkOrders;

/// <summary>
/// Thrown when a command has no row in <see cref="WorkOrderWorkflow.Transitions"/> for the order's state (claiming a
/// closed order, rating an order that is not resolved). Code <see cref="ErrorCodes.WorkOrderIllegalTransition"/>;
/// nothing was changed and no audit record was written.
/// </summary>
[Immutable]
public sealed class WorkOrderTransitionException : GridGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="order">The order.</param>
    /// <param name="from">Its state.</param>
    /// <param name="command">The command refused.</param>
    /// <param name="to">The state the command leads to (see <see cref="WorkOrderWorkflow.IntendedTarget"/>).</param>
    /// <param name="actor">Who asked.</param>
    public WorkOrderTransitionException(WorkOrderId order, WorkOrderStatus from, WorkOrderCommand command, WorkOrderStatus to, WorkOrderActor actor)
        : base(ErrorCodes.WorkOrderIllegalTransition, BuildMessage(order, from, command, to, actor))
    {
        Order = order;
        From = from;
        Command = command;
        To = to;
        Actor = actor;
    }

    /// <summary>The order.</summary>
    public WorkOrderId Order { get; }

    /// <summary>The state it was in.</summary>
    public WorkOrderStatus From { get; }

    /// <summary>The command refused.</summary>
    public WorkOrderCommand Command { get; }

    /// <summary>The state the command leads to.</summary>
    public WorkOrderStatus To { get; }

    /// <summary>Who asked.</summary>
    public WorkOrderActor Actor { get; }

    private static string BuildMessage(WorkOrderId order, WorkOrderStatus from, WorkOrderCommand command, WorkOrderStatus to, WorkOrderActor actor)
    {
        var allowed = WorkOrderWorkflow.From(from).Select(t => $"{t.Command} → {t.To}").ToArray();
        return $"WorkOrder {order} cannot go from {from} to {to} by {command} (asked by {actor}); from {from} the table allows "
            + (allowed.Length == 0 ? "nothing: it is final." : string.Join(", ", allowed) + ".");
    }
}
