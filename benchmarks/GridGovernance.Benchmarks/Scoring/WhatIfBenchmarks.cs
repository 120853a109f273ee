using BenchmarkDotNet.Attributes;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.WhatIf;
using GridGovernance.Testing;

namespace GridGovernance.Benchmarks.Scoring;

/// <summary>
/// What-if (规则修订预演) of a city's year (10M entries, 100k members): a revised rule book against the current one on the
/// assessment ledger, against the anchor of two plain assessments of the same ledger and a LINQ diff of their scores and
/// ranks. Setup checks that both give every member the same score delta and rank move.
/// </summary>
[MemoryDiagnoser]
public class WhatIfBenchmarks
{
    private static readonly BottomLineRules BottomLine = new() { Floor = Points.From(60), NegativeListItems = ["violation"] };
    private ScoringData data = null!;
    private RuleBook proposed = null!;
    private RuleBook reordered = null!;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "city";

    public static IEnumerable<string> Sizes => CitySizes.Names;

    [GlobalSetup]
    public void Setup()
    {
        data = ScoringData.For(Size);
        proposed = RuleBookRevisions.Revise(data.RuleBook, 3);
        reordered = RuleBookRevisions.Revise(data.RuleBook, 3, reorderItems: true);
        var comparison = RuleBookComparison.Compare(data.RuleBook, proposed, data.Period, data.Roster, data.Ledger, BottomLine);
        var linq = LinqDiff();
        if (comparison.Changes.Length == 0 || linq.Count != comparison.Members.Length)
        {
            throw new InvalidOperationException("The revision changes nobody, or the LINQ diff misses members.");
        }
        foreach (var m in comparison.Members)
        {
            var (delta, move) = linq[m.Member];
            if (delta != m.ScoreDelta || move != m.RankMove)
            {
                throw new InvalidOperationException($"The LINQ diff gives {m.Member} {delta}, {move}; the comparison {m.ScoreDelta}, {m.RankMove}.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public int TwoAssessments_LinqDiff() => LinqDiff().Count;

    /// <summary>The revision keeps the item positions (other points, caps, bands): both books assess the ledger as it is.</summary>
    [Benchmark]
    public int Compare_AssessmentEntryColumns() => RuleBookComparison.Compare(data.RuleBook, proposed, data.Period, data.Roster, data.Ledger, BottomLine).Changes.Length;

    /// <summary>The revision lists the items in another order: the ledger is laid out again under the proposed book's positions.</summary>
    [Benchmark]
    public int Compare_AssessmentEntryColumns_ItemsReordered() => RuleBookComparison.Compare(data.RuleBook, reordered, data.Period, data.Roster, data.Ledger, BottomLine).Changes.Length;

    /// <summary>Two assessments and a plain diff: scores joined by member, ranks from a LINQ sort (competition ranks).</summary>
    private Dictionary<MemberId, (Points Delta, int Move)> LinqDiff()
    {
        var before = AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.Ledger);
        var after = AssessmentEngine.Assess(proposed, data.Period, data.Roster, data.Ledger);
        var rankBefore = Ranks(before);
        var rankAfter = Ranks(after);
        return before.Members.Join(after.Members, b => b.Member, a => a.Member, (b, a) => (b.Member, Delta: a.Score - b.Score, Move: rankBefore[b.Member] - rankAfter[b.Member]))
            .ToDictionary(x => x.Member, x => (x.Delta, x.Move));
    }

    private static Dictionary<MemberId, int> Ranks(AssessmentResult result)
    {
        var ranks = new Dictionary<MemberId, int>(result.Count);
        int rank = 1;
        foreach (var group in result.Members.GroupBy(m => m.Score).OrderByDescending(g => g.Key))
        {
            foreach (var m in group)
            {
                ranks[m.Member] = rank;
            }
            rank += group.Count();
        }
        return ranks;
    }
}
