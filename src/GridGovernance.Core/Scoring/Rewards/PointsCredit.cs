using NodaTime;

namespace GridGovernance.Scoring.Rewards;

/// <summary>
/// One credit to a member's spendable points account (积分入账): points earned that can be exchanged for goods or
/// services (积分兑换物资或服务).
/// </summary>
/// <param name="Member">The member whose account was credited.</param>
/// <param name="IdempotencyKey">The caller's key; the same key twice is one credit.</param>
/// <param name="Points">The amount credited; always positive.</param>
/// <param name="Note">Where the points came from (e.g. "2024 Q1 assessment"), or <c>null</c>.</param>
/// <param name="BalanceAfter">The spendable balance right after this credit.</param>
/// <param name="CreditedAt">When it was credited.</param>
[Immutable]
public sealed record PointsCredit(
    MemberId Member,
    string IdempotencyKey,
    Points Points,
    string? Note,
    Points BalanceAfter,
    Instant CreditedAt);
