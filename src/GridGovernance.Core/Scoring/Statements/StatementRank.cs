namespace GridGovernance.Scoring.Statements;

/// <summary>A member's place in a scope of a publication, by published score (competition ranking, as <see cref="Rankings.RankingBoard"/>).</summary>
/// <param name="Scope">The unit whose jurisdiction is ranked, or <c>null</c> for everyone the publication holds.</param>
/// <param name="Rank">1 + the number of members in the scope with a strictly higher score.</param>
/// <param name="BelowCount">How many members in the scope have a strictly lower score.</param>
/// <param name="ScopeCount">How many members the scope has.</param>
[Immutable]
public sealed record StatementRank(OrgUnitId? Scope, int Rank, int BelowCount, int ScopeCount)
{
    /// <summary>The share of the scope with a strictly lower score, 0 to 100 (as <see cref="Rankings.RankingRow.Percentile"/>).</summary>
    public double Percentile => ScopeCount == 0 ? 0 : 100.0 * BelowCount / ScopeCount;
}
