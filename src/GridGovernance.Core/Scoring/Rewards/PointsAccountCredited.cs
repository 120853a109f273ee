namespace GridGovernance.Scoring.Rewards;

/// <summary>Points were credited to a member's spendable account (积分入账).</summary>
/// <param name="Member">The member.</param>
/// <param name="Credit">The credit, with the balance after it.</param>
[Immutable]
public sealed record PointsAccountCredited(MemberId Member, PointsCredit Credit) : IDomainEvent;
