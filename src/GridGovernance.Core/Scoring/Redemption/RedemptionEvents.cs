namespace GridGovernance.Scoring;

// The redemption module's domain events live together: each is a one-line record and they are read as a set.

/// <summary>Points were credited to a member's spendable account (积分入账).</summary>
/// <param name="Member">The member.</param>
/// <param name="Credit">The credit, with the balance after it.</param>
[Immutable]
public sealed record PointsAccountCredited(MemberId Member, PointsCredit Credit) : IDomainEvent;

/// <summary>Points were debited from a member's spendable account for a redemption (积分兑换).</summary>
/// <param name="Member">The member.</param>
/// <param name="Redemption">The redemption, with the cost and the balance after it.</param>
[Immutable]
public sealed record PointsAccountDebited(MemberId Member, Redemption Redemption) : IDomainEvent;

/// <summary>A reward item was added to the catalogue.</summary>
/// <param name="Item">The item.</param>
/// <param name="Name">Its name.</param>
/// <param name="Price">Its price per unit.</param>
/// <param name="Stock">Its initial stock.</param>
[Immutable]
public sealed record RewardItemAdded(RewardItemId Item, string Name, Points Price, int Stock) : IDomainEvent;

/// <summary>A reward item's stock changed: restocked (positive change) or redeemed (negative change).</summary>
/// <param name="Item">The item.</param>
/// <param name="Change">Units added (positive) or taken (negative).</param>
/// <param name="StockAfter">The stock after the change.</param>
/// <param name="RedemptionKey">The idempotency key of the redemption that took the units, or <c>null</c> for a restock.</param>
[Immutable]
public sealed record RewardItemStockChanged(RewardItemId Item, int Change, int StockAfter, string? RedemptionKey) : IDomainEvent;

/// <summary>A reward item was withdrawn from the catalogue; it can no longer be redeemed.</summary>
/// <param name="Item">The item.</param>
[Immutable]
public sealed record RewardItemDeactivated(RewardItemId Item) : IDomainEvent;
