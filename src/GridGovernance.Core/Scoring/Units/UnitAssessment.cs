using System.Collections.Immutable;

namespace GridGovernance.Scoring.Units;

/// <summary>One unit's organisation points (组织积分) for a period under a unit rule book.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="CategoryTotals">Each category's total after caps, in rule-book category order.</param>
/// <param name="Total">The sum of the category totals (a unit has no multiplier, so this is also its score).</param>
/// <param name="Vetoed">Whether a veto item (否决) occurred.</param>
/// <param name="ItemCounts">Counted occurrences of each item, in rule-book item order.</param>
[Immutable]
public sealed record UnitAssessment(OrgUnitId Unit, ImmutableArray<Points> CategoryTotals, Points Total, bool Vetoed, ImmutableArray<int> ItemCounts)
{
    /// <summary>Value equality, totals and counts compared item by item.</summary>
    /// <param name="other">The other line.</param>
    public bool Equals(UnitAssessment? other) =>
        other is not null && Unit == other.Unit && Total == other.Total && Vetoed == other.Vetoed
        && CategoryTotals.AsSpan().SequenceEqual(other.CategoryTotals.AsSpan()) && ItemCounts.AsSpan().SequenceEqual(other.ItemCounts.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Unit, Total, Vetoed);
}
