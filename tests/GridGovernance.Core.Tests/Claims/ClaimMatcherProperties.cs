using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Claims;
using GridGovernance.Claims.Matching;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Claims;

/// <summary>
/// The matcher over <see cref="ClaimsGenerator.Small"/> instances (random ids, areas, availability, distance limits
/// and weights), which shrink by projects, then units; the solver over graphs drawn from <see cref="Choices"/>.
/// </summary>
public sealed class ClaimMatcherProperties
{
    private static Arbitrary<ClaimsInstance> Instances(int maxProjects = 12, int maxUnits = 8) =>
        SeededArbitraries.Seeded(seed => ClaimsGenerator.Small(seed, maxProjects, maxUnits), ClaimsArbitraries.Shrink);

    [Property(MaxTest = 400)]
    public Property Optimum_EqualsOrToolsMinCostAtMaximumFlow() => Prop.ForAll(Instances(), instance =>
    {
        var network = ClaimNetwork.Build(instance.Projects, instance.Resources, instance.Options);
        var result = ClaimMatcher.Match(network);
        var (flow, cost) = OrToolsOracle.Solve(network);
        return result.FilledPlaces == flow && result.TotalCost == cost;
    });

    [Property(MaxTest = 300)]
    public Property Optimum_EqualsOrTools_OnLargerCrowdedInstances() => Prop.ForAll(Instances(maxProjects: 40, maxUnits: 25), instance =>
    {
        var network = ClaimNetwork.Build(instance.Projects, instance.Resources, instance.Options);
        var result = ClaimMatcher.Match(network);
        var (flow, cost) = OrToolsOracle.Solve(network);
        return result.FilledPlaces == flow && result.TotalCost == cost;
    });

    [Property(Arbitrary = [typeof(SeededArbitraries)], MaxTest = 400)]
    public bool Solver_EqualsOrTools_OnRandomBipartiteGraphs(Choices random)
    {
        var supply = Enumerable.Range(0, random.Next(0, 10)).Select(_ => random.Next(0, 4)).ToArray();
        var capacity = Enumerable.Range(0, random.Next(0, 10)).Select(_ => random.Next(0, 4)).ToArray();
        var arcs = new List<BipartiteArc>();
        for (int l = 0; l < supply.Length; l++)
        {
            for (int r = 0; r < capacity.Length; r++)
            {
                if (random.Next(3) == 0)
                {
                    arcs.Add(new BipartiteArc(l, r, random.Next(0, 6) == 0 ? 0 : random.Next(0, 50)));
                }
            }
        }
        var shuffled = arcs.OrderBy(_ => random.Next()).ToArray();
        var ours = MinCostBipartiteFlow.Solve(supply, capacity, shuffled);
        var (flow, cost) = OrToolsOracle.Solve(supply, capacity, shuffled);
        long usedCost = shuffled.Where((_, i) => ours.ArcUsed[i]).Sum(a => a.Cost);
        bool withinSupply = Enumerable.Range(0, supply.Length).All(l => shuffled.Where((a, i) => ours.ArcUsed[i] && a.Left == l).Count() <= supply[l]);
        bool withinCapacity = Enumerable.Range(0, capacity.Length).All(r => shuffled.Where((a, i) => ours.ArcUsed[i] && a.Right == r).Count() <= capacity[r]);
        return ours.Flow == flow && ours.Cost == cost && usedCost == cost && ours.ArcUsed.Count(u => u) == flow && withinSupply && withinCapacity;
    }

    [Property(Arbitrary = [typeof(SeededArbitraries)], MaxTest = 300)]
    public bool Solver_EqualsOrTools_WhenMostPlacesCannotBeFilled_AndCostsAreLarge(Choices random)
    {
        // Scarce, lopsided capacity forces many places onto the "not matched" sink and re-routing between them.
        var supply = Enumerable.Range(0, random.Next(1, 14)).Select(_ => random.Next(1, 4)).ToArray();
        var capacity = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(0, 2)).ToArray();
        var arcs = new List<BipartiteArc>();
        for (int l = 0; l < supply.Length; l++)
        {
            for (int r = 0; r < capacity.Length; r++)
            {
                if (random.Next(2) == 0)
                {
                    arcs.Add(new BipartiteArc(l, r, random.NextInt64(0, 1_000_000_000)));
                }
            }
        }
        var ours = MinCostBipartiteFlow.Solve(supply, capacity, arcs);
        var (flow, cost) = OrToolsOracle.Solve(supply, capacity, [.. arcs]);
        return ours.Flow == flow && ours.Cost == cost;
    }

    [Property(Arbitrary = [typeof(SeededArbitraries)], MaxTest = 200)]
    public bool Solver_IsDeterministic_WhenEveryCostTies(Choices random, Choices shuffle)
    {
        var supply = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(1, 3)).ToArray();
        var capacity = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(1, 3)).ToArray();
        var arcs = Enumerable.Range(0, supply.Length).SelectMany(l => Enumerable.Range(0, capacity.Length).Select(r => new BipartiteArc(l, r, 7))).ToArray();
        var first = MinCostBipartiteFlow.Solve(supply, capacity, arcs);
        var order = Enumerable.Range(0, arcs.Length).OrderBy(_ => shuffle.Next()).ToArray();
        var second = MinCostBipartiteFlow.Solve(supply, capacity, order.Select(i => arcs[i]).ToArray());
        var (flow, _) = OrToolsOracle.Solve(supply, capacity, arcs);
        return first.Flow == flow && order.Select((arc, i) => second.ArcUsed[i] == first.ArcUsed[arc]).All(same => same);
    }

    [Property(Arbitrary = [typeof(SeededArbitraries)], MaxTest = 200)]
    public bool AreaAssignment_EqualsOrTools_AndRespectsCapacities(Choices random)
    {
        var units = Enumerable.Range(1, random.Next(0, 12)).Select(u => new KeyValuePair<OrgUnitId, GeoPoint>(new OrgUnitId(u), ClaimMatcherTest.North(random.Next(0, 5000)))).ToArray();
        var areas = Enumerable.Range(1, random.Next(0, 5)).Select(a => new ServiceArea(new AreaId(a), ClaimMatcherTest.North(random.Next(0, 5000)), random.Next(0, 4))).ToArray();
        double? limit = random.Next(2) == 0 ? random.Next(500, 3000) : null;
        var result = AreaAssigner.Assign(units.OrderBy(_ => random.Next()), areas.OrderBy(_ => random.Next()), limit);
        var arcs = units.SelectMany((u, i) => areas.Select((a, j) => (i, j, metres: u.Value.DistanceMetresTo(a.Centre))))
            .Where(x => limit is null || x.metres <= limit)
            .Select(x => new BipartiteArc(x.i, x.j, (long)Math.Round(x.metres, MidpointRounding.AwayFromZero))).ToArray();
        var (flow, cost) = OrToolsOracle.Solve(Enumerable.Repeat(1, units.Length).ToArray(), areas.Select(a => a.Capacity).ToArray(), arcs);
        bool withinCapacity = areas.All(a => result.Areas.Count(e => e.Value == a.Id) <= a.Capacity);
        return result.Areas.Count == flow && result.TotalDistanceMetres == cost && withinCapacity && result.Areas.Count + result.Unassigned.Length == units.Length;
    }

    [Property(MaxTest = 300)]
    public Property NoCapacity_IsExceeded_AndNoIneligiblePair_IsMatched() => Prop.ForAll(Instances(maxProjects: 20, maxUnits: 10), instance =>
    {
        var result = ClaimMatcher.Match(instance.Projects, instance.Resources, instance.Options);
        var resources = instance.Resources.ToDictionary(r => r.Unit);
        var projects = instance.Projects.ToDictionary(p => p.Id);
        foreach (var match in result.Projects)
        {
            var project = projects[match.Project];
            if (match.Assignments.Length > project.ClaimantsRequired || match.Assignments.Select(a => a.Unit).Distinct().Count() != match.Assignments.Length)
            {
                return false;
            }
            foreach (var assignment in match.Assignments)
            {
                if (!IsEligible(project, resources[assignment.Unit], instance.Options))
                {
                    return false;
                }
            }
        }
        return result.ProjectsByUnit().All(e => e.Value.Length <= resources[e.Key].Capacity);
    });

    [Property(MaxTest = 300)]
    public Property Result_DoesNotDependOnInputOrder() => Prop.ForAll(Instances(maxProjects: 20, maxUnits: 10), Choices.Arbitrary(), (instance, random) =>
    {
        var first = ClaimMatcher.Match(instance.Projects, instance.Resources, instance.Options);
        var second = ClaimMatcher.Match(
            instance.Projects.OrderBy(_ => random.Next()).ToArray(),
            instance.Resources.OrderBy(_ => random.Next()).ToArray(),
            instance.Options);
        return Describe(first) == Describe(second);
    });

    [Property(MaxTest = 200)]
    public Property Optimum_IsNeverWorseThanGreedy() => Prop.ForAll(Instances(maxProjects: 20, maxUnits: 10), instance =>
    {
        var network = ClaimNetwork.Build(instance.Projects, instance.Resources, instance.Options);
        var optimal = ClaimMatcher.Match(network);
        var greedy = ClaimsGenerator.Greedy(network);
        return optimal.FilledPlaces > greedy.FilledPlaces
               || (optimal.FilledPlaces == greedy.FilledPlaces && optimal.TotalCost <= greedy.TotalCost);
    });

    [Property(MaxTest = 200)]
    public Property EveryUnfilledProject_HasTheRightReason() => Prop.ForAll(Instances(maxProjects: 20, maxUnits: 10), instance =>
    {
        var result = ClaimMatcher.Match(instance.Projects, instance.Resources, instance.Options);
        var projects = instance.Projects.ToDictionary(p => p.Id);
        foreach (var match in result.Projects)
        {
            var project = projects[match.Project];
            var qualifying = instance.Resources.Where(r => Qualifies(project, r)).ToList();
            var inRange = qualifying.Where(r => InRange(project, r, instance.Options)).ToList();
            var expected = match.Unfilled == 0 ? UnmatchedReason.None
                : qualifying.Count == 0 ? UnmatchedReason.NoEligibleUnit
                : inRange.Count == 0 ? UnmatchedReason.NoEligibleUnitInRange
                : UnmatchedReason.AllEligibleUnitsFull;
            if (match.Reason != expected || match.EligibleUnits != inRange.Count || match.EligibleIgnoringRange != qualifying.Count)
            {
                return false;
            }
        }
        return true;
    });

    internal static bool IsEligible(ClaimableProject project, UnitResource resource, ClaimMatchingOptions options) =>
        Qualifies(project, resource) && InRange(project, resource, options);

    private static bool Qualifies(ClaimableProject project, UnitResource resource) =>
        resource.Categories.Contains(project.Category)
        && (resource.Areas.IsEmpty || resource.Areas.Contains(project.Area))
        && resource.Availability.Contains(project.Deadline);

    private static bool InRange(ClaimableProject project, UnitResource resource, ClaimMatchingOptions options)
    {
        double metres = resource.Location.DistanceMetresTo(project.Location);
        return metres <= (options.MaxDistanceMetres ?? double.MaxValue) && metres <= (resource.MaxDistanceMetres ?? double.MaxValue);
    }

    private static string Describe(ClaimMatchResult result) =>
        string.Join(";", result.Projects.Select(p => $"{p.Project}:{p.Reason}:{string.Join(",", p.Assignments.Select(a => $"{a.Unit}/{a.Cost}"))}"))
        + $"|{result.FilledPlaces}|{result.TotalCost}";
}
