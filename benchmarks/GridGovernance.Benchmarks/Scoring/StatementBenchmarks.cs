using BenchmarkDotNet.Attributes;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Statements;

namespace GridGovernance.Benchmarks.Scoring;

/// <summary>
/// One member's statement (积分明细账) from a city-scale publication (100k members, a year of 10M entries, published in
/// setup): the bar is ≤ 1 ms. The anchor is <see cref="AssessmentEngine.Explain"/> of the same member over the same
/// entries (the member's own, as the ledger hands them over), which the statement does once, plus the rank among every
/// published member (two binary searches in the publication's scores, sorted once per loaded publication) and the
/// lines' wording.
/// </summary>
[MemoryDiagnoser]
public class StatementBenchmarks
{
    private ScoringData data = null!;
    private PublishedResults published = null!;
    private AssessmentSubject subject;
    private AssessmentEntry[] memberEntries = null!;
    private MemberStatement statement = null!;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "city";

    public static IEnumerable<string> Sizes => CitySizes.Names;

    [GlobalSetup]
    public void Setup()
    {
        data = ScoringData.For(Size);
        var result = AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.Ledger);
        published = PublishedResults.Of(result);
        // A member in the middle of the roster with the median number of entries.
        var byMember = data.GroupedEntries.GroupBy(e => e.Member).Select(g => g.ToArray()).OrderBy(g => g.Length).ToList();
        memberEntries = byMember[byMember.Count / 2];
        subject = data.Roster.Single(s => s.Member == memberEntries[0].Member);
        statement = MemberStatement.Create(data.RuleBook, published, subject, memberEntries, "张三明");
        if (statement.Score != result[subject.Member].Score || statement.Lines.Length < memberEntries.Length)
        {
            throw new InvalidOperationException($"The statement of {subject.Member} does not match the publication.");
        }
    }

    [Benchmark(Baseline = true)]
    public int Explain_OneMember() => AssessmentEngine.Explain(data.RuleBook, data.Period, subject, memberEntries).Outcomes.Length;

    [Benchmark]
    public int Statement_OneMember() => MemberStatement.Create(data.RuleBook, published, subject, memberEntries, "张三明").Lines.Length;

    /// <summary>What the first statement of a freshly loaded publication pays once: its scores sorted for ranking.</summary>
    [Benchmark]
    public int SortPublishedScores_OncePerPublication() => PublishedResults.SortScores(published.Results).Length;

    [Benchmark]
    public int Statement_OneMember_Html() => statement.ToHtml().Length;
}
