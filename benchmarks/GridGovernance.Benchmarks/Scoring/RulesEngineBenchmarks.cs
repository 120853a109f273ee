using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GridGovernance.Scoring;
using RulesEngine.Models;

namespace GridGovernance.Benchmarks.Scoring;

/// <summary>
/// Microsoft RulesEngine 6.0.1 evaluating the rule book's item rules for every entry of the same ledger (one rule
/// per item, the first matching rule gives the entry's points), then summing per member. This is only the
/// per-entry rule evaluation and a plain sum — caps and the rest would come on top — so it is a lower bound for
/// a RulesEngine-based assessment. The engine runs in the same process and job for the ratio.
/// One iteration, no warm-up: a RulesEngine pass over 10M entries takes minutes.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class RulesEngineBenchmarks
{
    private ScoringData data = null!;
    private RulesEngine.RulesEngine rules = null!;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "city";

    public static IEnumerable<string> Sizes => CitySizes.Names;

    [GlobalSetup]
    public void Setup()
    {
        data = ScoringData.For(Size);
        var book = data.RuleBook;
        var workflow = new Workflow
        {
            WorkflowName = "points",
            Rules = Enumerable.Range(0, book.Items.Length)
                .Select(i => (Item: i, Version: book.Items[i].Versions[0]))
                .Where(x => x.Version.Kind is not (ItemKind.AutomaticGrant or ItemKind.Threshold))
                .Select(x => new Rule
                {
                    RuleName = book.Items[x.Item].Code,
                    Expression = x.Version.Kind switch
                    {
                        ItemKind.Discretionary => $"e.Item == {x.Item} && e.Value >= {Units(x.Version.Minimum!.Value)} && e.Value <= {Units(x.Version.Maximum!.Value)}",
                        _ => $"e.Item == {x.Item}",
                    },
                    SuccessEvent = x.Version.Kind switch
                    {
                        ItemKind.Discretionary => "value",
                        ItemKind.Tiered => "tier",
                        _ => Units(x.Version.Points),
                    },
                })
                .ToList(),
        };
        rules = new RulesEngine.RulesEngine([workflow], new ReSettings());
    }

    [Benchmark(Baseline = true)]
    public int Assess_Engine() => AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.Entries).Count;

    /// <summary>The engine on the same entries laid out as an <see cref="AssessmentEntryColumns"/> (built once, in setup).</summary>
    [Benchmark]
    public int Assess_Engine_AssessmentEntryColumns() => AssessmentEngine.Assess(data.RuleBook, data.Period, data.Roster, data.Ledger).Count;

    [Benchmark]
    public async Task<int> EvaluateEntries_RulesEngine()
    {
        var totals = new Dictionary<int, long>();
        foreach (var entry in data.Entries)
        {
            var input = new RuleInput(entry.Member.Value, entry.ItemIndex, entry.Value.Units, entry.Tier);
            var results = await rules.ExecuteAllRulesAsync("points", new RuleParameter("e", input)).ConfigureAwait(false);
            foreach (var result in results)
            {
                if (result.IsSuccess)
                {
                    long points = result.Rule.SuccessEvent switch
                    {
                        "value" => input.Value,
                        "tier" => data.RuleBook.Items[entry.ItemIndex].Versions[0].Tiers[entry.Tier].Points.Units,
                        var fixedPoints => long.Parse(fixedPoints, CultureInfo.InvariantCulture),
                    };
                    totals[input.Member] = totals.GetValueOrDefault(input.Member) + points;
                    break;
                }
            }
        }
        return totals.Count;
    }

    private static string Units(Points points) => points.Units.ToString(CultureInfo.InvariantCulture);

    /// <summary>What RulesEngine's expressions see of an entry.</summary>
    public sealed record RuleInput(int Member, int Item, long Value, int Tier);
}
