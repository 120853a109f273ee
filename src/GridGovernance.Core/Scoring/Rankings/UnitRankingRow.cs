namespace GridGovernance.Scoring.Rankings;

/// <summary>One unit's line in a <see cref="UnitRanking"/>.</summary>
[Immutable]
public readonly record struct UnitRankingRow
{
    internal UnitRankingRow(OrgUnitId unit, Points score, int memberCount, int rank, int position, int belowCount, int scopeCount)
    {
        Unit = unit;
        Score = score;
        MemberCount = memberCount;
        Rank = rank;
        Position = position;
        BelowCount = belowCount;
        ScopeCount = scopeCount;
    }

    /// <summary>The unit.</summary>
    public OrgUnitId Unit { get; }

    /// <summary>The unit's score: the sum or mean of the scores of the assessed members under it.</summary>
    public Points Score { get; }

    /// <summary>How many assessed members lie under the unit.</summary>
    public int MemberCount { get; }

    /// <summary>The competition rank: 1 + the number of ranked units with a strictly higher score.</summary>
    public int Rank { get; }

    /// <summary>The 1-based place in the listing (score descending, then unit id ascending).</summary>
    public int Position { get; }

    /// <summary>How many ranked units have a strictly lower score.</summary>
    public int BelowCount { get; }

    /// <summary>How many units are ranked.</summary>
    public int ScopeCount { get; }

    /// <summary>The share of ranked units with a strictly lower score, from 0 to 100.</summary>
    public double Percentile => ScopeCount == 0 ? 0 : 100.0 * BelowCount / ScopeCount;
}
