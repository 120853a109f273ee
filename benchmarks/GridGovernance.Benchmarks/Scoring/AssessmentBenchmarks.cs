using BenchmarkDotNet.Attributes;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Rankings;

namespace GridGovernance.Benchmarks.Scoring;

/// <summary>
/// Full-year assessment of the generated ledger (city: 10M entries, 100k members, 12 categories) by the engine,
/// against a straightforward LINQ GroupBy implementation of the same rules on the same data. Setup checks that
/// both give the same score for every member, so the comparison is between equal answers. Also: ranking every
/// member of the result, and adding one entry to a live assessment.
/// </summary>
[MemoryDiagnoser]
public class AssessmentBenchmarks
{
    private const int Adds = 4096;
    private ScoringData data = null!;
    private LiveAssessment live = null!;
    private AssessmentResult result = null!;
    private AssessmentEntry[] extra = null!;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "city";

    public static IEnumerable<string> Sizes => CitySizes.Names;

    [GlobalSetup]
    public void Setup()
    {
        data = ScoringData.For(Size);
        var engine = AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.Entries);
        var linq = LinqAssessment.Assess(data.RuleBook, data.Period, data.Roster, data.Entries);
        foreach (var member in engine.Members)
        {
            if (linq[member.Member] != member.Score)
            {
                throw new InvalidOperationException($"The LINQ baseline gives {linq[member.Member]} for {member.Member}, the engine {member.Score}: not the same rules.");
            }
        }
        var grouped = AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.GroupedEntries);
        for (int i = 0; i < engine.Members.Length; i++)
        {
            if (grouped.Members[i].Score != engine.Members[i].Score || !grouped.Members[i].ItemCounts.SequenceEqual(engine.Members[i].ItemCounts))
            {
                throw new InvalidOperationException($"Member-grouped entries give {grouped.Members[i].Member} another result: the engine depends on entry order.");
            }
        }
        var columnar = AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.Ledger);
        for (int i = 0; i < engine.Members.Length; i++)
        {
            if (columnar.Members[i].Score != engine.Members[i].Score || !columnar.Members[i].ItemCounts.SequenceEqual(engine.Members[i].ItemCounts)
                || !columnar.Members[i].CategoryTotals.SequenceEqual(engine.Members[i].CategoryTotals) || columnar.Members[i].IgnoredEntries != engine.Members[i].IgnoredEntries)
            {
                throw new InvalidOperationException($"The assessment ledger gives {columnar.Members[i].Member} another result than the entries.");
            }
        }
        result = engine;
        live = new LiveAssessment(data.RuleBook, data.Period, data.Roster, data.Entries);
        extra = data.Entries.AsSpan(0, Adds).ToArray();
    }

    // The engine benchmarks return Count: results are kept in columns, and the 100k member views are made on first
    // use of Members, which Assess_Engine_AssessmentEntryColumns_WithMemberViews measures on top.
    [Benchmark(Baseline = true)]
    public int Assess_Engine() => AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.Entries).Count;

    /// <summary>The same entries in the ledger export's order (grouped by member): the same result, a member's tally stays in the cache.</summary>
    [Benchmark]
    public int Assess_Engine_LedgerExportOrder() => AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.GroupedEntries).Count;

    /// <summary>The same entries as an <see cref="AssessmentEntryColumns"/> built once (member-grouped columns): the bulk pass the bar is about.</summary>
    [Benchmark]
    public int Assess_Engine_AssessmentEntryColumns() => AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.Ledger).Count;

    /// <summary>The same, and then every member's result object (<see cref="AssessmentResult.Members"/>) made too.</summary>
    [Benchmark]
    public int Assess_Engine_AssessmentEntryColumns_WithMemberViews() => AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.Ledger).Members.Length;

    /// <summary>What building that ledger costs, from the entries in recorded (interleaved) order.</summary>
    [Benchmark]
    public int Build_AssessmentEntryColumns() => AssessmentEntryColumns.From(data.Entries).Count;

    [Benchmark]
    public int Assess_LinqGroupBy() => LinqAssessment.Assess(data.RuleBook, data.Period, data.Roster, data.Entries).Count;

    [Benchmark]
    public int Rank_AllMembers() => RankingBoard.Rank(result).Count;

    [Benchmark(OperationsPerInvoke = Adds)]
    public bool LiveAssessment_AddOne()
    {
        bool added = false;
        for (int i = 0; i < extra.Length; i++)
        {
            added |= live.Add(in extra[i]);
        }
        return added;
    }
}
