namespace GridGovernance.Scoring.Rankings;

/// <summary>One member's line in a <see cref="Ranking"/> (排名).</summary>
/// <remarks>
/// <see cref="Rank"/> is the competition rank: one more than the number of members in the scope with a strictly
/// higher score, so ties share a rank and the next rank skips (1, 2, 2, 4). <see cref="Position"/> is the place in
/// the listing, where ties are broken by member id ascending.
/// </remarks>
[Immutable]
public readonly record struct RankingRow
{
    internal RankingRow(MemberId member, OrgUnitId branch, Points score, int rank, int position, int belowCount, int scopeCount, BottomLineFlags flags, int negativeListHits)
    {
        Member = member;
        Branch = branch;
        Score = score;
        Rank = rank;
        Position = position;
        BelowCount = belowCount;
        ScopeCount = scopeCount;
        Flags = flags;
        NegativeListHits = negativeListHits;
    }

    /// <summary>The member.</summary>
    public MemberId Member { get; }

    /// <summary>The member's branch on the assessment roster.</summary>
    public OrgUnitId Branch { get; }

    /// <summary>The member's score.</summary>
    public Points Score { get; }

    /// <summary>The competition rank: 1 + the number of members in the scope with a strictly higher score.</summary>
    public int Rank { get; }

    /// <summary>The 1-based place in the listing (score descending, then member id ascending).</summary>
    public int Position { get; }

    /// <summary>How many members in the scope have a strictly lower score.</summary>
    public int BelowCount { get; }

    /// <summary>How many members the scope has.</summary>
    public int ScopeCount { get; }

    /// <summary>
    /// The percentile: the share of the scope's members with a strictly lower score, from 0 to 100
    /// (100 × <see cref="BelowCount"/> / <see cref="ScopeCount"/>). The lowest score gets 0; the top of a scope of n
    /// distinct scores gets 100 × (n − 1) / n.
    /// </summary>
    public double Percentile => ScopeCount == 0 ? 0 : 100.0 * BelowCount / ScopeCount;

    /// <summary>Why the member is flagged for bottom-line management, or <see cref="BottomLineFlags.None"/>.</summary>
    public BottomLineFlags Flags { get; }

    /// <summary>Whether any bottom-line flag is set.</summary>
    public bool IsFlagged => Flags != BottomLineFlags.None;

    /// <summary>The counted occurrences of negative-list items.</summary>
    public int NegativeListHits { get; }
}
