using NodaTime;

namespace GridGovernance.Scoring.Rewards;

/// <summary>
/// One redemption (积分兑换): a member exchanged spendable points for a quantity of a reward item. It is what
/// <see cref="RedemptionService.RedeemAsync"/> returns, and every redemption stays in
/// <see cref="PointsAccountYear.Redemptions"/> of its year.
/// </summary>
/// <param name="Member">The member who redeemed.</param>
/// <param name="IdempotencyKey">The caller's key; the same key twice is one redemption.</param>
/// <param name="Item">The reward item.</param>
/// <param name="ItemName">The item's name when it was redeemed.</param>
/// <param name="Quantity">How many units; at least one.</param>
/// <param name="UnitPrice">The item's price per unit when it was redeemed.</param>
/// <param name="Cost">What was debited: <paramref name="UnitPrice"/> × <paramref name="Quantity"/>.</param>
/// <param name="BalanceAfter">The spendable balance right after the debit.</param>
/// <param name="RedeemedAt">When it was redeemed.</param>
[Immutable]
public sealed record Redemption(
    MemberId Member,
    string IdempotencyKey,
    RewardItemId Item,
    string ItemName,
    int Quantity,
    Points UnitPrice,
    Points Cost,
    Points BalanceAfter,
    Instant RedeemedAt);
