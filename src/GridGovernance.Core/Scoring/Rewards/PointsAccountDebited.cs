namespace GridGovernance.Scoring.Rewards;

/// <summary>Points were debited from a member's spendable account for a redemption (积分兑换).</summary>
/// <param name="Member">The member.</param>
/// <param name="Redemption">The redemption, with the cost and the balance after it.</param>
[Immutable]
public sealed record PointsAccountDebited(MemberId Member, Redemption Redemption) : IDomainEvent;
