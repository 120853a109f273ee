using System.Collections.Immutable;

namespace GridGovernance.Scoring.Rankings;

/// <summary>
/// A ranking of organisation units by their members' scores (e.g. grid branches of a street), with competition
/// ranks; built by <see cref="RankingBoard.RankUnits(AssessmentResult, GridGovernance.Organisation.HierarchyIndex, IEnumerable{OrgUnitId}, UnitScoreAggregate)"/>.
/// </summary>
[Immutable]
public sealed class UnitRanking
{
    internal UnitRanking(AssessmentPeriod period, UnitScoreAggregate aggregate, ImmutableArray<UnitRankingRow> rows)
    {
        Period = period;
        Aggregate = aggregate;
        Rows = rows;
    }

    /// <summary>The period the scores are for.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Whether units are scored by the sum or the mean of their members' scores.</summary>
    public UnitScoreAggregate Aggregate { get; }

    /// <summary>The units, in listing order (score descending, then unit id ascending).</summary>
    public ImmutableArray<UnitRankingRow> Rows { get; }

    /// <summary>How many units are ranked.</summary>
    public int Count => Rows.Length;

    /// <summary>A unit's row.</summary>
    /// <param name="unit">The unit.</param>
    /// <exception cref="KeyNotFoundException">The unit is not ranked (the .NET convention for an indexer; <see cref="TryGetRow"/> does not throw).</exception>
    public UnitRankingRow this[OrgUnitId unit] =>
        TryGetRow(unit, out var row) ? row : throw new KeyNotFoundException($"{unit} is not in this ranking.");

    /// <summary>Looks up a unit's row.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="row">The row, when found.</param>
    /// <returns>Whether the unit is ranked.</returns>
    public bool TryGetRow(OrgUnitId unit, out UnitRankingRow row)
    {
        foreach (var candidate in Rows)
        {
            if (candidate.Unit == unit)
            {
                row = candidate;
                return true;
            }
        }
        row = default;
        return false;
    }

    /// <summary>The top-N units and every unit tied with the Nth: every row whose rank is at most <paramref name="count"/>.</summary>
    /// <param name="count">N, zero or more.</param>
    public ImmutableArray<UnitRankingRow> Benchmarks(int count)
    {
        Preconditions.CheckArgumentRange(nameof(count), count, 0, int.MaxValue);
        int end = 0;
        while (end < Rows.Length && Rows[end].Rank <= count)
        {
            end++;
        }
        return Rows.Slice(0, end);
    }
}
