using GridGovernance.Scoring.Rewards;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="PointsAccount"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.PointsAccount"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record PointsAccountStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required MemberId Id { get; init; }

    /// <summary>The spendable balance; never negative.</summary>
    public required Points Balance { get; init; }

    /// <summary>Everything ever credited.</summary>
    public required Points TotalCredited { get; init; }

    /// <summary>Everything ever debited by redemptions.</summary>
    public required Points TotalDebited { get; init; }
}
