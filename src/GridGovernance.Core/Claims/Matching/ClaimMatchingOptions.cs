using System.Collections.Immutable;

namespace GridGovernance.Claims.Matching;

/// <summary>
/// Options of optimal claim matching: how much distance counts per category, and how far any unit may be sent.
/// </summary>
[Immutable]
public sealed record ClaimMatchingOptions
{
    /// <summary>The largest category weight accepted.</summary>
    public const int MaxWeight = 1000;

    /// <summary>The options with no weights (every category weighs 1) and no distance limit.</summary>
    public static ClaimMatchingOptions Default { get; } = new();

    /// <summary>
    /// Category preference weights (类别权重), 1 to <see cref="MaxWeight"/>; a category not listed weighs 1. The cost of a
    /// pair is its distance in whole metres times the weight of the project's category, so a weight of 3 makes every metre
    /// travelled for that category count three times: such projects get nearer units. When supply is short, the number
    /// of places filled comes first, and among equal counts the heavier (costlier) projects are the ones left over.
    /// </summary>
    public ImmutableDictionary<string, int> CategoryWeights { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>The farthest (metres) any unit may be matched, or <c>null</c> for no limit; a unit's own limit also applies.</summary>
    public double? MaxDistanceMetres { get; init; }

    /// <summary>The weight of a category (1 when not listed).</summary>
    /// <param name="category">The category code.</param>
    public int WeightOf(string category) => CategoryWeights.TryGetValue(category, out int weight) ? weight : 1;
}
