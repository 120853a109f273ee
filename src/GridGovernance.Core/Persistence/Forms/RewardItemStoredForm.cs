using GridGovernance.Scoring.Rewards;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="RewardItem"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.RewardItem"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record RewardItemStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required RewardItemId Id { get; init; }

    /// <summary>The item's name.</summary>
    public required string Name { get; init; }

    /// <summary>The points one unit costs; always positive.</summary>
    public required Points Price { get; init; }

    /// <summary>Units available; never negative.</summary>
    public required int Stock { get; init; }

    /// <summary>Whether the item can be redeemed; a deactivated item stays in the catalogue for history.</summary>
    public required bool IsActive { get; init; }
}
