using System.Collections.Immutable;
using GridGovernance.Scoring.Rewards;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="PointsAccountYear"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.PointsAccountYear"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record PointsAccountYearStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required PointsAccountYearId Id { get; init; }

    /// <summary>The year's credits, oldest first.</summary>
    public required ImmutableArray<PointsCredit> Credits { get; init; }

    /// <summary>The year's redemptions, oldest first.</summary>
    public required ImmutableArray<Redemption> Redemptions { get; init; }
}
