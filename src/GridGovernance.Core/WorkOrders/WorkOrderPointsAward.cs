using GridGovernance.Scoring;

namespace GridGovernance.WorkOrders;

/// <summary>The rule-book item a member's resolution of an order is recorded under (e.g. a Laiwu 为民办实事 item).</summary>
/// <param name="RuleBook">The rule book.</param>
/// <param name="ItemCode">The item.</param>
[Immutable]
public sealed record WorkOrderPointsAward(RuleBook RuleBook, string ItemCode);
