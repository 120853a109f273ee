namespace GridGovernance;

// The redemption (积分兑换) codes; the other codes are in ErrorCodes.cs.
public static partial class ErrorCodes
{
    /// <summary>A redemption costs more than the member's spendable balance; nothing was redeemed.</summary>
    public const string InsufficientBalance = "points.insufficient-balance";
    /// <summary>A reward item has fewer units in stock than asked for; nothing was redeemed.</summary>
    public const string OutOfStock = "points.out-of-stock";
    /// <summary>A reward item is no longer offered (it was deactivated); nothing was redeemed.</summary>
    public const string RewardItemInactive = "points.reward-item-inactive";
}
