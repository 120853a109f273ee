namespace GridGovernance.Scoring.Rewards;

/// <summary>A reward item was added to the catalogue.</summary>
/// <param name="Item">The item.</param>
/// <param name="Name">Its name.</param>
/// <param name="Price">Its price per unit.</param>
/// <param name="Stock">Its initial stock.</param>
[Immutable]
public sealed record RewardItemAdded(RewardItemId Item, string Name, Points Price, int Stock) : IDomainEvent;
