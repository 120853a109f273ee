namespace GridGovernance.Scoring.Rewards;

/// <summary>A reward item was withdrawn from the catalogue; it can no longer be redeemed.</summary>
/// <param name="Item">The item.</param>
[Immutable]
public sealed record RewardItemDeactivated(RewardItemId Item) : IDomainEvent;
