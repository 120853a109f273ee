namespace GridGovernance.Contacts;

/// <summary>The result of a rebalancing: the new plan and what changed.</summary>
/// <param name="Plan">The new plan.</param>
/// <param name="Diff">Links added and removed.</param>
[Immutable]
public sealed record ContactRebalance(ContactPlan Plan, ContactPlanDiff Diff);
