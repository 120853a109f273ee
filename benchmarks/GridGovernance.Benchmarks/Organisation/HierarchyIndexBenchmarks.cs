using BenchmarkDotNet.Attributes;
using GridGovernance.Organisation;

namespace GridGovernance.Benchmarks.Organisation;

/// <summary>
/// The hierarchy index against a naive parent-pointer walk on the same generated city. Query benchmarks run
/// a batch of <see cref="Queries"/> random questions per invocation, so the reported time is per question.
/// </summary>
[MemoryDiagnoser]
public class HierarchyIndexBenchmarks
{
    private const int Queries = 4096;

    private CityAggregates city = null!;
    private HierarchyIndex index = null!;
    private NaiveHierarchy naive = null!;
    private NodeRef[] ancestors = null!;
    private NodeRef[] nodes = null!;
    private OrgUnitId[] subtreeUnits = null!;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "city";

    public static IEnumerable<string> Sizes => CitySizes.Names;

    [GlobalSetup]
    public void Setup()
    {
        city = CityAggregates.For(Size);
        index = HierarchyIndex.Build(city.Units, city.Members, city.Households, city.City.Date);
        naive = new NaiveHierarchy(city.Units, city.Members, city.Households, city.City.Date);
        var random = new Random(7);
        var all = index.Roots.SelectMany(r => index.Descendants(r).Prepend(r)).ToArray();
        var units = all.Where(n => n.Kind == NodeKind.Unit).ToArray();
        ancestors = Enumerable.Range(0, Queries).Select(_ => units[random.Next(units.Length)]).ToArray();
        nodes = Enumerable.Range(0, Queries).Select(_ => all[random.Next(all.Length)]).ToArray();
        // Subtree questions are asked of units, weighted as offices ask them: a random unit of any level.
        subtreeUnits = Enumerable.Range(0, Queries).Select(_ => units[random.Next(units.Length)].AsUnit()).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int IsAncestorOf_Index()
    {
        int hits = 0;
        for (int i = 0; i < Queries; i++)
        {
            hits += index.IsAncestorOf(ancestors[i], nodes[i]) ? 1 : 0;
        }
        return hits;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int IsAncestorOf_NaiveParentWalk()
    {
        int hits = 0;
        for (int i = 0; i < Queries; i++)
        {
            hits += naive.IsAncestorOf(ancestors[i], nodes[i]) ? 1 : 0;
        }
        return hits;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public long CountsUnder_Index()
    {
        long total = 0;
        for (int i = 0; i < Queries; i++)
        {
            total += index.CountsUnder(subtreeUnits[i]).Households;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public long CountsUnder_NaiveWalk()
    {
        long total = 0;
        for (int i = 0; i < Queries; i++)
        {
            total += naive.CountUnder(subtreeUnits[i]).Households;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int PathTo_Index()
    {
        int length = 0;
        for (int i = 0; i < Queries; i++)
        {
            length += index.PathTo(nodes[i]).Count;
        }
        return length;
    }

    [Benchmark]
    public long RollUp_Index() => index.RollUp(n => n.Kind == NodeKind.Household ? 1 : 0).Total;

    [Benchmark]
    public long RollUp_NaiveRecursive() => naive.RollUp(n => n.Kind == NodeKind.Household ? 1 : 0, index.Roots).Count;

    [Benchmark]
    public int Build_Index() => HierarchyIndex.Build(city.Units, city.Members, city.Households, city.City.Date).Count;

    [Benchmark]
    public int Build_NaiveParentMap() => new NaiveHierarchy(city.Units, city.Members, city.Households, city.City.Date).Count;
}
