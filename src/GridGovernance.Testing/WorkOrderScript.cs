using GridGovernance.WorkOrders;

namespace GridGovernance.Testing;

/// <summary>
/// A script for one work order: what it is filed as, then a sequence of steps, each marked legal or illegal, and the
/// state the order ends in. Generate them with <see cref="WorkOrderScripts"/>; run them with <see cref="WorkOrderScriptRunner"/>.
/// </summary>
/// <param name="Category">The order's category (the triage policy decides its level from it and the urgency).</param>
/// <param name="Urgency">The order's urgency.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="ExpectedStatus">The state after the legal steps (illegal ones change nothing).</param>
public sealed record WorkOrderScript(string Category, WorkOrderUrgency Urgency, IReadOnlyList<WorkOrderStep> Steps, WorkOrderStatus ExpectedStatus)
{
    /// <summary>Whether every step is legal.</summary>
    public bool IsLegal => Steps.All(s => s.Legal);

    /// <inheritdoc />
    public override string ToString() => $"{Category}/{Urgency}: {string.Join(" ", Steps)} ⇒ {ExpectedStatus}";
}
