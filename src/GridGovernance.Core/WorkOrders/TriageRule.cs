namespace GridGovernance.WorkOrders;

/// <summary>One rule of a triage policy: matters of a category and urgency go to a class. <c>null</c> matches anything.</summary>
/// <param name="Category">The category code, or <c>null</c> for any.</param>
/// <param name="Urgency">The urgency, or <c>null</c> for any.</param>
/// <param name="ClassCode">The class it goes to.</param>
[Immutable]
public sealed record TriageRule(string? Category, WorkOrderUrgency? Urgency, string ClassCode);
