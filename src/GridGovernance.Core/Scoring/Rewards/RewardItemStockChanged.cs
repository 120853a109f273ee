namespace GridGovernance.Scoring.Rewards;

/// <summary>A reward item's stock changed: restocked (positive change) or redeemed (negative change).</summary>
/// <param name="Item">The item.</param>
/// <param name="Change">Units added (positive) or taken (negative).</param>
/// <param name="StockAfter">The stock after the change.</param>
/// <param name="RedemptionKey">The idempotency key of the redemption that took the units, or <c>null</c> for a restock.</param>
[Immutable]
public sealed record RewardItemStockChanged(RewardItemId Item, int Change, int StockAfter, string? RedemptionKey) : IDomainEvent;
