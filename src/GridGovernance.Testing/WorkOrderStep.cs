using GridGovernance.WorkOrders;

namespace GridGovernance.Testing;

/// <summary>
/// One step of a <see cref="WorkOrderScript"/>: a command given to an order through <see cref="WorkOrderService"/>,
/// with what it needs, and whether the transition table allows it at that point of the script.
/// </summary>
/// <param name="Command">The command; never <see cref="WorkOrderCommand.File"/> (the runner files the order) or
/// <see cref="WorkOrderCommand.Reopen"/> (an unsatisfied rating issues it). <see cref="WorkOrderCommand.Remind"/> is
/// given by the reminder scan once the reminder is due.</param>
/// <param name="Legal">Whether the step is expected to apply; an illegal step is one the table has no row for, and
/// must throw <see cref="IllegalTransitionException"/> and change nothing.</param>
public sealed record WorkOrderStep(WorkOrderCommand Command, bool Legal)
{
    /// <summary>The hours the clock moves on before the step (0–48).</summary>
    public int Hours { get; init; }

    /// <summary>
    /// Which of the runner's two officials acts (0 or 1): for Claim, who takes the order; for Transfer, who hands it
    /// back to the unit responsible so that it is claimed again.
    /// </summary>
    public int Official { get; init; }

    /// <summary>For Whistle, AcknowledgePart and ResolvePart: the department's code.</summary>
    public string Department { get; init; } = WorkOrderScripts.Departments[0];

    /// <summary>For Rate: whether the resident is satisfied (an unsatisfied rating reopens the order while reopens remain).</summary>
    public bool Satisfied { get; init; } = true;

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Legal ? "" : "!")}{Command}{Command switch
        {
            WorkOrderCommand.Claim or WorkOrderCommand.Transfer => $"(official {Official})",
            WorkOrderCommand.Whistle or WorkOrderCommand.AcknowledgePart or WorkOrderCommand.ResolvePart => $"({Department})",
            WorkOrderCommand.Rate => Satisfied ? "(satisfied)" : "(unsatisfied)",
            _ => "",
        }}+{Hours}h";
}
