using BenchmarkDotNet.Attributes;
using Google.OrTools.Graph;
using GridGovernance.Claims.Matching;
using GridGovernance.Testing;

namespace GridGovernance.Benchmarks.Claims;

/// <summary>
/// Optimal claim matching against Google OR-Tools' MinCostFlow (max flow at min cost) on the same network: the
/// issue's large case (1,000 units of capacity 1–2 × 5,000 projects, about 20 candidate units per project), a
/// Yibin-sized case (35 organs × 44 projects) and a tight case (supply = demand). Setup checks that the engine and
/// OR-Tools agree on the places filled and the cost. Also the greedy hand match (nearest free unit first) for scale.
/// Under GG_BENCH_SIZES=community the large and tight cases shrink to 100 units.
/// </summary>
[MemoryDiagnoser]
public class ClaimMatchingBenchmarks
{
    private ClaimsInstance instance = null!;
    private ClaimNetwork network = null!;
    private int[] supply = null!;
    private int[] capacity = null!;
    private int[] arcLeft = null!;
    private int[] arcRight = null!;
    private long[] arcCost = null!;

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "large";

    public static IEnumerable<string> Cases => ["yibin", "large", "tight"];

    [GlobalSetup]
    public void Setup()
    {
        bool small = CitySizes.Names.Contains("community");
        int units = small ? 100 : 1000;
        instance = Case switch
        {
            "yibin" => ClaimsGenerator.Yibin(),
            "large" => ClaimsGenerator.Large(units, units * 5),
            "tight" => ClaimsGenerator.Tight(units),
            _ => throw new ArgumentException($"Unknown case '{Case}'."),
        };
        network = ClaimNetwork.Build(instance.Projects, instance.Resources, instance.Options);
        supply = network.Projects.Select(p => p.ClaimantsRequired).ToArray();
        capacity = network.Resources.Select(r => r.Capacity).ToArray();
        arcLeft = network.Candidates.Select(c => c.Project).ToArray();
        arcRight = network.Candidates.Select(c => c.Unit).ToArray();
        arcCost = network.Candidates.Select(c => c.Cost).ToArray();
        var ours = ClaimMatcher.Match(network);
        var (flow, cost) = OrToolsSolve();
        if (ours.FilledPlaces != flow || ours.TotalCost != cost)
        {
            throw new InvalidOperationException($"OR-Tools fills {flow} places at cost {cost}, the engine {ours.FilledPlaces} at {ours.TotalCost}: not the same optimum.");
        }
        var greedy = ClaimsGenerator.Greedy(network);
        Console.WriteLine(
            $"// {instance.Name}: {network.Candidates.Length} candidate pairs ({(double)network.Candidates.Length / Math.Max(1, network.Projects.Length):F1} per project); "
            + $"optimal fills {ours.FilledPlaces}/{ours.RequiredPlaces} at cost {ours.TotalCost} ({ours.TotalDistanceMetres} m); "
            + $"greedy fills {greedy.FilledPlaces} at cost {greedy.TotalCost} ({greedy.TotalDistanceMetres} m)");
    }

    [Benchmark(Baseline = true)]
    public long Match_OrToolsMinCostFlow() => OrToolsSolve().Cost;

    [Benchmark]
    public long Match_Engine() => ClaimMatcher.Match(network).TotalCost;

    [Benchmark]
    public long BuildAndMatch_Engine() => ClaimMatcher.Match(instance.Projects, instance.Resources, instance.Options).TotalCost;

    [Benchmark]
    public long Match_GreedyNearestFree() => ClaimsGenerator.Greedy(network).TotalCost;

    private (long Flow, long Cost) OrToolsSolve()
    {
        int projects = supply.Length;
        int sink = 1 + projects + capacity.Length;
        var flow = new MinCostFlow();
        long total = 0;
        for (int p = 0; p < projects; p++)
        {
            flow.AddArcWithCapacityAndUnitCost(0, 1 + p, supply[p], 0);
            total += supply[p];
        }
        for (int a = 0; a < arcLeft.Length; a++)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + arcLeft[a], 1 + projects + arcRight[a], 1, arcCost[a]);
        }
        for (int u = 0; u < capacity.Length; u++)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + projects + u, sink, capacity[u], 0);
        }
        flow.SetNodeSupply(0, total);
        flow.SetNodeSupply(sink, -total);
        if (flow.SolveMaxFlowWithMinCost() != MinCostFlow.Status.OPTIMAL)
        {
            throw new InvalidOperationException("OR-Tools did not find an optimum.");
        }
        return (flow.MaximumFlow(), flow.OptimalCost());
    }
}
