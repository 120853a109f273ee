using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace GridGovernance.Scoring.Rankings;

/// <summary>
/// A ranking of members within a scope (排名晾晒): every member of the scope, flagged ones included, by score
/// descending with competition ranks (1, 2, 2, 4); built by <see cref="RankingBoard"/>.
/// </summary>
/// <remarks>
/// The listing order is score descending, then member id ascending, so it is stable and does not depend on the order
/// of the input. Bottom-line flags (底线管理) mark members; they never remove them.
/// </remarks>
[Immutable]
public sealed class Ranking
{
    private Dictionary<MemberId, int>? positions; // built on first lookup; never changes what the ranking says

    internal Ranking(AssessmentPeriod period, OrgUnitId? scope, ImmutableArray<RankingRow> rows)
    {
        Period = period;
        Scope = scope;
        Rows = rows;
    }

    /// <summary>The period the scores are for.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>The unit whose members are ranked (branch, community, street, city), or <c>null</c> for the whole roster.</summary>
    public OrgUnitId? Scope { get; }

    /// <summary>Every member of the scope, in listing order (score descending, then member id ascending).</summary>
    public ImmutableArray<RankingRow> Rows { get; }

    /// <summary>How many members the scope has.</summary>
    public int Count => Rows.Length;

    /// <summary>A member's row.</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="KeyNotFoundException">The member is not in the ranking's scope (the .NET convention for an indexer; <see cref="TryGetRow"/> does not throw).</exception>
    public RankingRow this[MemberId member] =>
        TryGetRow(member, out var row) ? row : throw new KeyNotFoundException($"{member} is not in this ranking.");

    /// <summary>Looks up a member's row.</summary>
    /// <param name="member">The member.</param>
    /// <param name="row">The row, when found.</param>
    /// <returns>Whether the member is in the ranking.</returns>
    public bool TryGetRow(MemberId member, out RankingRow row)
    {
        var map = positions;
        if (map is null)
        {
            map = new Dictionary<MemberId, int>(Rows.Length);
            for (int i = 0; i < Rows.Length; i++)
            {
                map[Rows[i].Member] = i;
            }
            positions = map;
        }
        if (map.TryGetValue(member, out int position))
        {
            row = Rows[position];
            return true;
        }
        row = default;
        return false;
    }

    /// <summary>
    /// The top-N benchmarks (标杆): the first <paramref name="count"/> rows and everyone tied with the last of them,
    /// i.e. every row whose rank is at most <paramref name="count"/>. May hold more than <paramref name="count"/> rows.
    /// </summary>
    /// <param name="count">N, zero or more.</param>
    /// <returns>The rows, in listing order.</returns>
    public ImmutableArray<RankingRow> Benchmarks(int count)
    {
        Preconditions.CheckArgumentRange(nameof(count), count, 0, int.MaxValue);
        int end = 0;
        while (end < Rows.Length && Rows[end].Rank <= count)
        {
            end++;
        }
        return Rows.Slice(0, end);
    }

    /// <summary>The rows with any bottom-line flag, in listing order (they are in <see cref="Rows"/> too).</summary>
    public ImmutableArray<RankingRow> Flagged()
    {
        var builder = ImmutableArray.CreateBuilder<RankingRow>();
        foreach (var row in Rows)
        {
            if (row.IsFlagged)
            {
                builder.Add(row);
            }
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// The public board: every row's rank and score with the name masked by <see cref="PersonalDataMasking.MaskName"/>
    /// (张三明 → 张*明), in listing order. Ids and flags are left out.
    /// </summary>
    /// <param name="nameOf">Gives a member's name.</param>
    /// <returns>One row per member.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nameOf"/> is null or returns null.</exception>
    public ImmutableArray<PublicRankingRow> ToPublic(Func<MemberId, string> nameOf)
    {
        Preconditions.CheckNotNull(nameOf);
        var rows = new PublicRankingRow[Rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = Rows[i];
            rows[i] = new PublicRankingRow(row.Rank, PersonalDataMasking.MaskName(nameOf(row.Member)), row.Score);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(rows);
    }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"Ranking of {Count} members, {Period}, scope {(Scope?.ToString() ?? "roster")}");
}
