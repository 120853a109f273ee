using BenchmarkDotNet.Attributes;
using GridGovernance.Benchmarks.Organisation;
using GridGovernance.Contacts;
using GridGovernance.Organisation;

namespace GridGovernance.Benchmarks.Contacts;

/// <summary>
/// A household's six-level chain (六级联动) from the precomputed <see cref="ResponsibilityChainIndex"/> on the
/// generated city (3M households at full size), bar ≤ 1 µs; a batch of <see cref="Queries"/> random households per
/// invocation, so the time reported is per lookup. The anchor is the same chain walked from the hierarchy index
/// (parent by parent) for each lookup.
/// </summary>
[MemoryDiagnoser]
public class ResponsibilityChainBenchmarks
{
    private const int Queries = 4096;
    private ResponsibilityChainIndex chains = null!;
    private HierarchyIndex index = null!;
    private HouseholdId[] households = null!;
    private ContactPlan plan = null!;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "city";

    public static IEnumerable<string> Sizes => CitySizes.Names;

    [GlobalSetup]
    public void Setup()
    {
        var city = CityAggregates.For(Size);
        index = HierarchyIndex.Build(city.Units, city.Members, city.Households, city.City.Date);
        var roster = ContactRoster.From(index, city.City.Schema, city.Members, city.Households);
        plan = ContactPlanEngine.Plan(roster.Households, roster.Members);
        chains = ResponsibilityChainIndex.Build(index, city.Members, city.Households, plan);
        var random = new Random(42);
        households = [.. Enumerable.Range(0, Queries).Select(_ => city.Households[random.Next(city.Households.Length)].Id)];
        foreach (var sample in households)
        {
            if (chains.ChainOf(sample).Levels.Length != Walk(sample))
            {
                throw new InvalidOperationException($"The chain index and the walk disagree on the number of levels of {sample}.");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int ChainOf_Index()
    {
        int levels = 0;
        foreach (var household in households)
        {
            levels += chains.ChainOf(household).Levels.Length;
        }
        return levels;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    public int ChainOf_WalkTheHierarchy()
    {
        int levels = 0;
        foreach (var household in households)
        {
            levels += Walk(household);
        }
        return levels;
    }

    /// <summary>The chain's length walked parent by parent: from the contact's party group when it sits under the household's unit, else from the unit.</summary>
    private int Walk(HouseholdId household)
    {
        int levels = 0;
        var start = index.ParentOf(household);
        if (plan.MemberOf(household) is MemberId contact && index.Contains(contact) && index.ParentOf(contact) is NodeRef branch && index.ParentOf(branch) == start)
        {
            start = branch;
        }
        for (var node = start; node is NodeRef n; node = index.ParentOf(n))
        {
            if (ResponsibilityChainOptions.Default.Answerers.ContainsKey(index.KindOf(n.AsUnit())))
            {
                levels++;
            }
        }
        return levels;
    }
}
