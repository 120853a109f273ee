namespace GridGovernance.Scoring;

/// <summary>The criterion of a named star.</summary>
/// <param name="Kind">Category total or item count.</param>
/// <param name="Code">The category or item code.</param>
/// <param name="MinimumTotal">For CategoryTotal: the least total.</param>
/// <param name="MinimumCount">For ItemCount: the least count.</param>
[Immutable]
public sealed record StarCriterion(StarCriterionKind Kind, string Code, Points MinimumTotal = default, int MinimumCount = 0);
