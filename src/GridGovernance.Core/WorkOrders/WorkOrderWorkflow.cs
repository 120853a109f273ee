using System.Collections.Immutable;
using GridGovernance.Algorithms;

namespace GridGovernance.WorkOrders;

/// <summary>
/// The one table of allowed work-order transitions (state × command → state). A command that has no row for the
/// current state throws <see cref="IllegalTransitionException"/> (code <see cref="ErrorCodes.WorkOrderIllegalTransition"/>)
/// naming the state, the command, the state it leads to and the actor; nothing is ever silently ignored.
/// </summary>
/// <remarks>
/// Filing creates an order in <see cref="WorkOrderStatus.Filed"/>. The loop is 群众下单 (Filed) → 三事分流 (Triaged) →
/// 干部领单 (Claimed) → optional 吹哨报到 (Whistled) → Resolved → Rated → Closed, with 督单, reminders, escalation,
/// deliberation records along the way, Claimed → Triaged when a transfer hands the order to a unit to claim again,
/// and Rated → Reopened when the resident is not satisfied. A restructure carries an order that is not closed to the
/// successor of its closed unit (<see cref="WorkOrderCommand.FollowSuccessor"/>) in whatever state it is in, and
/// releases a handler it left without a post (<see cref="WorkOrderCommand.Transfer"/> from Claimed,
/// <see cref="WorkOrderCommand.ReleaseHandler"/> from Whistled, Resolved, Rated and Reopened).
/// A resolved order the resident never rates may be closed without a rating. Closed is final.
/// </remarks>
[Immutable]
public static class WorkOrderWorkflow
{
    /// <summary>The state every order is created in.</summary>
    public const WorkOrderStatus InitialStatus = WorkOrderStatus.Filed;

    /// <summary>Every allowed transition, grouped by the state it starts from.</summary>
    public static ImmutableArray<WorkOrderTransition> Transitions { get; } =
    [
        new(WorkOrderStatus.Filed, WorkOrderCommand.Triage, WorkOrderStatus.Triaged),
        new(WorkOrderStatus.Filed, WorkOrderCommand.Supervise, WorkOrderStatus.Filed),
        new(WorkOrderStatus.Filed, WorkOrderCommand.Close, WorkOrderStatus.Closed),

        new(WorkOrderStatus.Triaged, WorkOrderCommand.Claim, WorkOrderStatus.Claimed),
        new(WorkOrderStatus.Triaged, WorkOrderCommand.Supervise, WorkOrderStatus.Triaged),
        new(WorkOrderStatus.Triaged, WorkOrderCommand.Remind, WorkOrderStatus.Triaged),
        new(WorkOrderStatus.Triaged, WorkOrderCommand.Escalate, WorkOrderStatus.Triaged),
        new(WorkOrderStatus.Triaged, WorkOrderCommand.Whistle, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Triaged, WorkOrderCommand.RecordDeliberation, WorkOrderStatus.Triaged),

        new(WorkOrderStatus.Claimed, WorkOrderCommand.Transfer, WorkOrderStatus.Triaged),
        new(WorkOrderStatus.Claimed, WorkOrderCommand.Supervise, WorkOrderStatus.Claimed),
        new(WorkOrderStatus.Claimed, WorkOrderCommand.Remind, WorkOrderStatus.Claimed),
        new(WorkOrderStatus.Claimed, WorkOrderCommand.Escalate, WorkOrderStatus.Claimed),
        new(WorkOrderStatus.Claimed, WorkOrderCommand.Whistle, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Claimed, WorkOrderCommand.Resolve, WorkOrderStatus.Resolved),
        new(WorkOrderStatus.Claimed, WorkOrderCommand.RecordDeliberation, WorkOrderStatus.Claimed),

        new(WorkOrderStatus.Whistled, WorkOrderCommand.Whistle, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Whistled, WorkOrderCommand.AcknowledgePart, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Whistled, WorkOrderCommand.ResolvePart, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Whistled, WorkOrderCommand.Supervise, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Whistled, WorkOrderCommand.Remind, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Whistled, WorkOrderCommand.Escalate, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Whistled, WorkOrderCommand.Resolve, WorkOrderStatus.Resolved),
        new(WorkOrderStatus.Whistled, WorkOrderCommand.RecordDeliberation, WorkOrderStatus.Whistled),

        new(WorkOrderStatus.Resolved, WorkOrderCommand.Rate, WorkOrderStatus.Rated),
        new(WorkOrderStatus.Resolved, WorkOrderCommand.Close, WorkOrderStatus.Closed),
        new(WorkOrderStatus.Resolved, WorkOrderCommand.RecordDeliberation, WorkOrderStatus.Resolved),

        new(WorkOrderStatus.Rated, WorkOrderCommand.Reopen, WorkOrderStatus.Reopened),
        new(WorkOrderStatus.Rated, WorkOrderCommand.Close, WorkOrderStatus.Closed),
        // An unsatisfied rating past the reopen limit stays Rated: its 周末议事厅 deliberation comes before the close.
        new(WorkOrderStatus.Rated, WorkOrderCommand.RecordDeliberation, WorkOrderStatus.Rated),

        new(WorkOrderStatus.Reopened, WorkOrderCommand.Claim, WorkOrderStatus.Claimed),
        new(WorkOrderStatus.Reopened, WorkOrderCommand.Resolve, WorkOrderStatus.Resolved),
        new(WorkOrderStatus.Reopened, WorkOrderCommand.Whistle, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Reopened, WorkOrderCommand.Supervise, WorkOrderStatus.Reopened),
        new(WorkOrderStatus.Reopened, WorkOrderCommand.Remind, WorkOrderStatus.Reopened),
        new(WorkOrderStatus.Reopened, WorkOrderCommand.Escalate, WorkOrderStatus.Reopened),
        new(WorkOrderStatus.Reopened, WorkOrderCommand.RecordDeliberation, WorkOrderStatus.Reopened),

        // A restructure carries every order that is not closed to the successor of its closed unit, in its state.
        new(WorkOrderStatus.Filed, WorkOrderCommand.FollowSuccessor, WorkOrderStatus.Filed),
        new(WorkOrderStatus.Triaged, WorkOrderCommand.FollowSuccessor, WorkOrderStatus.Triaged),
        new(WorkOrderStatus.Claimed, WorkOrderCommand.FollowSuccessor, WorkOrderStatus.Claimed),
        new(WorkOrderStatus.Whistled, WorkOrderCommand.FollowSuccessor, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Resolved, WorkOrderCommand.FollowSuccessor, WorkOrderStatus.Resolved),
        new(WorkOrderStatus.Rated, WorkOrderCommand.FollowSuccessor, WorkOrderStatus.Rated),
        new(WorkOrderStatus.Reopened, WorkOrderCommand.FollowSuccessor, WorkOrderStatus.Reopened),

        // A restructure releases a handler left without a post over the order; a claimed order is transferred instead.
        new(WorkOrderStatus.Whistled, WorkOrderCommand.ReleaseHandler, WorkOrderStatus.Whistled),
        new(WorkOrderStatus.Resolved, WorkOrderCommand.ReleaseHandler, WorkOrderStatus.Resolved),
        new(WorkOrderStatus.Rated, WorkOrderCommand.ReleaseHandler, WorkOrderStatus.Rated),
        new(WorkOrderStatus.Reopened, WorkOrderCommand.ReleaseHandler, WorkOrderStatus.Reopened),
    ];

    internal static TransitionTable<WorkOrderStatus, WorkOrderCommand> Table { get; } =
        new(ErrorCodes.WorkOrderIllegalTransition, Transitions.Select(t => (t.From, t.Command, t.To)));

    /// <summary>Whether the table allows <paramref name="command"/> in <paramref name="from"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="command">The command.</param>
    public static bool Allows(WorkOrderStatus from, WorkOrderCommand command) => Table.Allows(from, command);

    /// <summary>The transitions that start from <paramref name="from"/>; none when it is final.</summary>
    /// <param name="from">The current state.</param>
    public static IEnumerable<WorkOrderTransition> From(WorkOrderStatus from) => Transitions.Where(t => t.From == from);

    /// <summary>The state <paramref name="command"/> leads to from <paramref name="from"/>, or <c>null</c> when the table has no such row.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="command">The command.</param>
    public static WorkOrderStatus? Next(WorkOrderStatus from, WorkOrderCommand command) => Table.Next(from, command);

    /// <summary>
    /// The state <paramref name="command"/> would lead to from <paramref name="from"/>: the table's row when there is one,
    /// otherwise the state the command leads to wherever it is allowed (for commands that record without moving, the
    /// current state). Names the wanted state when a command is refused.
    /// </summary>
    /// <param name="from">The current state.</param>
    /// <param name="command">The command.</param>
    public static WorkOrderStatus IntendedTarget(WorkOrderStatus from, WorkOrderCommand command) => Table.IntendedTarget(from, command);

    /// <summary>Whether an order in <paramref name="status"/> still needs work (neither resolved, rated nor closed).</summary>
    /// <param name="status">The state.</param>
    public static bool IsOpen(WorkOrderStatus status) =>
        status is WorkOrderStatus.Filed or WorkOrderStatus.Triaged or WorkOrderStatus.Claimed or WorkOrderStatus.Whistled or WorkOrderStatus.Reopened;
}
