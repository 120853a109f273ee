using BenchmarkDotNet.Attributes;
using GridGovernance.Contacts;
using GridGovernance.Testing;

namespace GridGovernance.Benchmarks.Contacts;

/// <summary>
/// Rebalancing one community of a city-wide plan after a change there (one member leaves, one household is added):
/// <see cref="ContactPlanEngine.RebalanceCommunity"/>, bar ≤ 100 ms; and the whole-city <see cref="ContactPlanEngine.Rebalance"/>
/// of the same change (it re-solves only the changed pool but sorts and compares the city's input). Setup checks that
/// both give the same diff.
/// </summary>
[MemoryDiagnoser]
public class ContactRebalanceBenchmarks
{
    private ContactPlan plan = null!;
    private ContactScenario scenario = null!;
    private ContactHousehold[] communityHouseholds = null!;
    private ContactMember[] communityMembers = null!;
    private ContactHousehold[] cityHouseholds = null!;
    private ContactMember[] cityMembers = null!;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "1M";

    public static IEnumerable<string> Sizes => ContactSizes.Names;

    [GlobalSetup]
    public void Setup()
    {
        scenario = ContactSizes.Scenario(Size);
        plan = ContactPlanEngine.Plan(scenario.Households, scenario.Members);
        var community = scenario.Communities[0];
        var leaving = scenario.Members.First(m => m.Community == community).Id;
        var template = scenario.Households.First(h => h.Community == community);
        var added = template with { Id = new HouseholdId(scenario.Households.Length + 1) };
        communityHouseholds = [.. scenario.Households.Where(h => h.Community == community), added];
        communityMembers = [.. scenario.Members.Where(m => m.Community == community && m.Id != leaving)];
        cityHouseholds = [.. scenario.Households, added];
        cityMembers = [.. scenario.Members.Where(m => m.Id != leaving)];
        var one = ContactPlanEngine.RebalanceCommunity(plan, community, communityHouseholds, communityMembers);
        var city = ContactPlanEngine.Rebalance(plan, cityHouseholds, cityMembers);
        if (!one.Diff.Added.SequenceEqual(city.Diff.Added) || !one.Diff.Removed.SequenceEqual(city.Diff.Removed) || one.Diff.IsEmpty)
        {
            throw new InvalidOperationException("Rebalancing one community and the whole city disagree (or nothing changed).");
        }
    }

    [Benchmark(Baseline = true)]
    public int Rebalance_OneCommunity() => ContactPlanEngine.RebalanceCommunity(plan, scenario.Communities[0], communityHouseholds, communityMembers).Diff.Added.Length;

    [Benchmark]
    public int Rebalance_WholeCityInput() => ContactPlanEngine.Rebalance(plan, cityHouseholds, cityMembers).Diff.Added.Length;
}
