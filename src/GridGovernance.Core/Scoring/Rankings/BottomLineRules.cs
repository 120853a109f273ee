namespace GridGovernance.Scoring.Rankings;

/// <summary>
/// The bottom line of a ranking (底线管理): a floor score and a negative list (负面清单, e.g. Shantou's 50 items for
/// community cadres). A vetoed member is always flagged. Flagged members are marked, never dropped.
/// </summary>
[Immutable]
public sealed record BottomLineRules
{
    /// <summary>Rules that flag vetoed members only.</summary>
    public static BottomLineRules VetoOnly { get; } = new();

    /// <summary>A member whose score is strictly below this is flagged; <c>null</c> for no floor.</summary>
    public Points? Floor { get; init; }

    /// <summary>
    /// The codes of the rule-book items that make up the negative list; a member with a counted occurrence of any
    /// of them is flagged. Every code must name an item of the rule book.
    /// </summary>
    public IReadOnlyCollection<string> NegativeListItems { get; init; } = [];
}
