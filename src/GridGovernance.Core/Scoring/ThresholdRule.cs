namespace GridGovernance.Scoring;

/// <summary>A threshold rule: when the count of <paramref name="CountedItem"/> over the period falls below
/// <paramref name="MinimumRatio"/> of <paramref name="Expected"/>, the item's points apply once.</summary>
/// <param name="CountedItem">The item whose occurrences are counted (e.g. attendance at 主题党日).</param>
/// <param name="Expected">How many occurrences the period expects; positive.</param>
/// <param name="MinimumRatio">The ratio below which the rule applies, in (0, 1] (e.g. 0.8).</param>
[Immutable]
public sealed record ThresholdRule(string CountedItem, int Expected, decimal MinimumRatio);
