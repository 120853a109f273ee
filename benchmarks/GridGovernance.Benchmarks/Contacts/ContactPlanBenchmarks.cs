using BenchmarkDotNet.Attributes;
using Google.OrTools.Graph;
using GridGovernance.Contacts;
using GridGovernance.Contacts.Planning;
using GridGovernance.Testing;

namespace GridGovernance.Benchmarks.Contacts;

/// <summary>
/// 党员联系户 assignment: the contact-plan engine on a generated city (1M households × 100k long-resident members,
/// capacity 15; and 200k × 20k) against OR-Tools <c>MinCostFlow</c> solving the same k-nearest candidate graph
/// (repair arcs included) exactly, the baseline. Setup checks both cover the same number of households and prints
/// our cost gap and OR-Tools' optimum. Under GG_BENCH_SIZES=community it runs one community (4,000 × 400).
/// The OR-Tools run is about 37 s at full size: run the full size with one iteration (see docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class ContactPlanBenchmarks
{
    private ContactScenario scenario = null!;
    private CandidateGraph graph = null!;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "1M";

    public static IEnumerable<string> Sizes => ContactSizes.Names;

    [GlobalSetup]
    public void Setup()
    {
        scenario = ContactSizes.Scenario(Size);
        var (plan, g) = ContactPlanEngine.PlanWithGraph(scenario.Households, scenario.Members);
        graph = g;
        var (optimum, covered) = OrTools(graph);
        if (covered != plan.CoveredCount || plan.TotalCostMetres < optimum)
        {
            throw new InvalidOperationException($"OR-Tools covers {covered} at {optimum} m, the engine {plan.CoveredCount} at {plan.TotalCostMetres} m: not the same problem.");
        }
        Console.WriteLine($"// {Size}: covered {plan.CoveredCount}/{scenario.Households.Length}, engine cost {plan.TotalCostMetres} m, OR-Tools optimum {optimum} m, gap {(plan.TotalCostMetres - optimum) * 100.0 / Math.Max(optimum, 1):F3} %, repaired {plan.RepairedCount}");
    }

    [Benchmark]
    public int Plan_Engine() => ContactPlanEngine.Plan(scenario.Households, scenario.Members).CoveredCount;

    [Benchmark(Baseline = true)]
    public long Plan_OrToolsMinCostFlow() => OrTools(graph).Cost;

    /// <summary>Min-cost flow over the candidate arcs, with a costly bypass so that a plan of maximum coverage is found.</summary>
    internal static (long Cost, int Covered) OrTools(CandidateGraph g)
    {
        const long Bypass = 1L << 40;
        var mcf = new MinCostFlow();
        int source = g.HouseholdCount + g.MemberCount, sink = source + 1;
        foreach (var (h, m, c) in g.Arcs)
        {
            mcf.AddArcWithCapacityAndUnitCost(h, g.HouseholdCount + m, 1, c);
        }
        for (int h = 0; h < g.HouseholdCount; h++)
        {
            mcf.AddArcWithCapacityAndUnitCost(source, h, 1, 0);
        }
        for (int m = 0; m < g.MemberCount; m++)
        {
            mcf.AddArcWithCapacityAndUnitCost(g.HouseholdCount + m, sink, g.Capacity[m], 0);
        }
        int bypass = mcf.AddArcWithCapacityAndUnitCost(source, sink, g.HouseholdCount, Bypass);
        mcf.SetNodeSupply(source, g.HouseholdCount);
        mcf.SetNodeSupply(sink, -g.HouseholdCount);
        var status = mcf.Solve();
        if (status != MinCostFlow.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"OR-Tools MinCostFlow returned {status}.");
        }
        long uncovered = mcf.Flow(bypass);
        return (mcf.OptimalCost() - (uncovered * Bypass), g.HouseholdCount - (int)uncovered);
    }
}

/// <summary>The contact-plan instance sizes: 1M × 100k and 200k × 20k, or one community under GG_BENCH_SIZES=community.</summary>
public static class ContactSizes
{
    public static IEnumerable<string> Names => CitySizes.Names.Contains("community") ? ["community"] : ["200k", "1M"];

    public static ContactScenario Scenario(string size) => size switch
    {
        "community" => ContactGenerator.Generate(4_000, 400, 42),
        "200k" => ContactGenerator.Generate(200_000, 20_000, 42),
        "1M" => ContactGenerator.Generate(1_000_000, 100_000, 42),
        _ => throw new ArgumentException($"Unknown contact size '{size}'; use community, 200k or 1M.", nameof(size)),
    };
}
