namespace GridGovernance.Scoring.Rewards;

/// <summary>
/// Identifies a reward item (兑换物资或服务) in the redemption catalogue (积分兑换目录).
/// </summary>
/// <remarks>
/// Ids are chosen by the caller (an import keeps the integrator's own numbering) and must be positive;
/// <c>default(RewardItemId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
[StronglyTypedId("reward")]
public readonly partial record struct RewardItemId;
