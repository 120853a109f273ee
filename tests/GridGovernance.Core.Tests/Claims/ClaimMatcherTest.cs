using System.Collections.Immutable;
using GridGovernance.Claims;
using GridGovernance.Claims.Matching;
using GridGovernance.Testing;
using NodaTime;

namespace GridGovernance.Tests.Claims;

public sealed class ClaimMatcherTest
{
    private static readonly GeoPoint Origin = new(28.77, 104.63);
    private static readonly LocalDate Deadline = new(2024, 6, 30);
    private static readonly DateInterval Year = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));

    internal static GeoPoint North(double metres) => new(Origin.Latitude + (metres / 111_195.0), Origin.Longitude);

    internal static ClaimableProject Project(int id, double metres, string category = "elderly-care", int area = 1, int claimants = 1) =>
        new(new ProjectId(id), category, North(metres), new AreaId(area), claimants, Deadline);

    internal static UnitResource Unit(int id, double metres, int capacity = 1, string[]? categories = null, int[]? areas = null, DateInterval? availability = null, double? maxDistance = null) =>
        new(new OrgUnitId(id), [.. categories ?? ["elderly-care"]], capacity, North(metres), [.. (areas ?? []).Select(a => new AreaId(a))], availability ?? Year, maxDistance);

    [Fact]
    public void Match_PicksTheNearerProject_WhenAUnitCanTakeOnlyOne()
    {
        var result = ClaimMatcher.Match([Project(1, 1000), Project(2, 200)], [Unit(10, 0)]);

        Assert.Empty(result[new ProjectId(1)].Assignments);
        Assert.Equal(UnmatchedReason.AllEligibleUnitsFull, result[new ProjectId(1)].Reason);
        var claim = Assert.Single(result[new ProjectId(2)].Assignments);
        Assert.Equal(new OrgUnitId(10), claim.Unit);
        Assert.Equal(200, claim.DistanceMetres);
        Assert.Equal(1, result.FilledPlaces);
        Assert.Equal(200, result.TotalCost);
    }

    [Fact]
    public void Match_CoversMoreProjects_ThanTheNearestFreeUnitFirst()
    {
        // Unit 10 is nearest to project 1 but is the only one that can reach project 2's category; greedy strands project 2.
        var projects = new[] { Project(1, 100), Project(2, 3000, category: "legal") };
        var units = new[] { Unit(10, 0, categories: ["elderly-care", "legal"]), Unit(11, 900) };
        var network = ClaimNetwork.Build(projects, units);

        var optimal = ClaimMatcher.Match(network);
        var greedy = ClaimsGenerator.Greedy(network);

        Assert.Equal(2, optimal.FilledPlaces);
        Assert.Equal(new OrgUnitId(11), optimal[new ProjectId(1)].Assignments.Single().Unit);
        Assert.Equal(new OrgUnitId(10), optimal[new ProjectId(2)].Assignments.Single().Unit);
        Assert.Equal(1, greedy.FilledPlaces);
        Assert.Equal(800 + 3000, optimal.TotalCost);
    }

    [Fact]
    public void Match_MovesAnEarlierPlace_WhenThatIsCheaperAtTheSameCoverage()
    {
        // Two units compete for one project: the nearer one must win whatever the order.
        var result = ClaimMatcher.Match([Project(1, 0)], [Unit(10, 1500), Unit(11, 300)]);

        Assert.Equal(new OrgUnitId(11), result[new ProjectId(1)].Assignments.Single().Unit);
        Assert.Equal(300, result.TotalCost);
    }

    [Fact]
    public void Match_ExplainsEveryUnmatchedProject()
    {
        var projects = new[]
        {
            Project(1, 0, category: "legal"),
            Project(2, 9000),
            Project(3, 100),
            Project(4, 150),
        };
        var units = new[] { Unit(10, 0) };
        var result = ClaimMatcher.Match(projects, units, new ClaimMatchingOptions { MaxDistanceMetres = 5000 });

        Assert.Equal(UnmatchedReason.NoEligibleUnit, result[new ProjectId(1)].Reason);
        Assert.Equal(UnmatchedReason.NoEligibleUnitInRange, result[new ProjectId(2)].Reason);
        Assert.Equal(1, result[new ProjectId(2)].EligibleIgnoringRange);
        Assert.Equal(0, result[new ProjectId(2)].EligibleUnits);
        Assert.Equal(UnmatchedReason.None, result[new ProjectId(3)].Reason);
        Assert.Equal(UnmatchedReason.AllEligibleUnitsFull, result[new ProjectId(4)].Reason);
    }

    [Fact]
    public void Match_RespectsAUnitsOwnDistanceLimit()
    {
        var result = ClaimMatcher.Match([Project(1, 2000)], [Unit(10, 0, maxDistance: 1500)]);

        Assert.Equal(UnmatchedReason.NoEligibleUnitInRange, result[new ProjectId(1)].Reason);
    }

    [Fact]
    public void Match_RequiresTheUnitToBeAvailableOnTheDeadline()
    {
        var spring = new DateInterval(new LocalDate(2024, 3, 1), new LocalDate(2024, 5, 31));
        var result = ClaimMatcher.Match([Project(1, 100)], [Unit(10, 0, availability: spring), Unit(11, 5000)]);

        Assert.Equal(new OrgUnitId(11), result[new ProjectId(1)].Assignments.Single().Unit);
        Assert.Equal(1, result[new ProjectId(1)].EligibleIgnoringRange);
    }

    [Fact]
    public void Match_RequiresTheUnitToServeTheProjectsArea_UnlessItServesAny()
    {
        var result = ClaimMatcher.Match(
            [Project(1, 100, area: 1), Project(2, 100, area: 2)],
            [Unit(10, 0, areas: [2]), Unit(11, 4000)]);

        Assert.Equal(new OrgUnitId(11), result[new ProjectId(1)].Assignments.Single().Unit);
        Assert.Equal(new OrgUnitId(10), result[new ProjectId(2)].Assignments.Single().Unit);
    }

    [Fact]
    public void Match_FillsSeveralPlacesOfAProject_WithDifferentUnits()
    {
        var result = ClaimMatcher.Match([Project(1, 0, claimants: 2)], [Unit(10, 100, capacity: 2), Unit(11, 700)]);

        var match = result[new ProjectId(1)];
        Assert.Equal([new OrgUnitId(10), new OrgUnitId(11)], match.Assignments.Select(a => a.Unit));
        Assert.Equal(UnmatchedReason.None, match.Reason);
        Assert.Equal(1, result.CoveredProjects);
    }

    [Fact]
    public void Match_CountsPlacesNotProjects_ForMultiClaimantProjects()
    {
        var result = ClaimMatcher.Match([Project(1, 0, claimants: 2), Project(2, 5000)], [Unit(10, 100), Unit(11, 200)]);

        Assert.Equal(2, result.FilledPlaces);
        Assert.Equal(1, result.CoveredProjects);
        Assert.Equal(UnmatchedReason.AllEligibleUnitsFull, result[new ProjectId(2)].Reason);
    }

    [Fact]
    public void Match_WeighsDistanceByCategory_AndReportsTheParts()
    {
        var options = new ClaimMatchingOptions { CategoryWeights = ImmutableDictionary<string, int>.Empty.Add("elderly-care", 3) };
        var result = ClaimMatcher.Match([Project(1, 1000)], [Unit(10, 0)], options);

        var claim = result[new ProjectId(1)].Assignments.Single();
        Assert.Equal((1000, 3, 3000), (claim.DistanceMetres, claim.Weight, claim.Cost));
        Assert.Equal(3000, result.TotalCost);
        Assert.Equal(1000, result.TotalDistanceMetres);
    }

    [Fact]
    public void Match_LeavesTheHeavierProjectOver_WhenSupplyIsShort()
    {
        // Same distance, one unit: the weight-3 project costs 3000, the weight-1 project 1000, so the cheaper one is filled.
        var options = new ClaimMatchingOptions { CategoryWeights = ImmutableDictionary<string, int>.Empty.Add("elderly-care", 3) };
        var result = ClaimMatcher.Match([Project(1, 1000), Project(2, 1000, category: "legal")], [Unit(10, 0, categories: ["elderly-care", "legal"])], options);

        Assert.Equal(UnmatchedReason.AllEligibleUnitsFull, result[new ProjectId(1)].Reason);
        Assert.Equal(1000, result[new ProjectId(2)].Cost);
    }

    [Fact]
    public void Match_ReportsProgress_AndStopsWhenCancelled()
    {
        var instance = ClaimsGenerator.Large(100, 500);
        var reports = new List<ClaimMatchingProgress>();
        ClaimMatcher.Match(instance.Projects, instance.Resources, instance.Options, new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.NotEmpty(reports);
        Assert.Equal(reports[^1].Total, reports[^1].Done);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ClaimMatcher.Match(instance.Projects, instance.Resources, instance.Options, null, cancelled.Token));
    }

    [Fact]
    public void Build_ReportsEveryProblemAtOnce()
    {
        var badUnit = Unit(10, 0, capacity: -1) with { Categories = [""] };
        var options = new ClaimMatchingOptions { CategoryWeights = ImmutableDictionary<string, int>.Empty.Add("legal", 0), MaxDistanceMetres = -5 };

        var error = Assert.Throws<GridGovernanceValidationException>(() => ClaimNetwork.Build([Project(1, 0), Project(1, 10), Project(2, 0, claimants: 0)], [badUnit], options));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Equal(
            ["Projects[1].Id", "Projects[2].ClaimantsRequired", "Resources[0].Categories", "Resources[0].Capacity", "Options.CategoryWeights", "Options.MaxDistanceMetres"],
            error.Problems.Select(p => p.Field));
        Assert.Contains(error.Problems, p => p.Rule == ErrorCodes.ClaimsDuplicateId);
    }

    [Fact]
    public void Evaluate_RejectsAMatchingThatOverfillsAUnit()
    {
        var network = ClaimNetwork.Build([Project(1, 0), Project(2, 10)], [Unit(10, 0)]);

        var error = Assert.Throws<GridGovernanceException>(() => network.Evaluate([0, 1]));
        Assert.Equal(ErrorCodes.ClaimsInfeasibleMatching, error.Code);
        Assert.Equal(ErrorCodes.ClaimsInfeasibleMatching, Assert.Throws<GridGovernanceException>(() => network.Evaluate([0, 0])).Code);
        Assert.Equal(1, network.Evaluate([1]).FilledPlaces);
    }

    [Fact]
    public void Yibin_OptimalCoversAtLeastAsMuch_AndCostsNoMoreThanGreedy()
    {
        var instance = ClaimsGenerator.Yibin();
        var network = ClaimNetwork.Build(instance.Projects, instance.Resources, instance.Options);

        var optimal = ClaimMatcher.Match(network);
        var greedy = ClaimsGenerator.Greedy(network);
        var (flow, cost) = OrToolsOracle.Solve(network);

        Assert.Equal(44, network.Projects.Length);
        Assert.Equal(35, network.Resources.Length);
        Assert.Equal((flow, cost), ((long)optimal.FilledPlaces, optimal.TotalCost));
        Assert.True(optimal.FilledPlaces > greedy.FilledPlaces || (optimal.FilledPlaces == greedy.FilledPlaces && optimal.TotalCost <= greedy.TotalCost));
    }

    [Fact]
    public void Solve_RejectsRepeatedArcsAndNegativeCosts()
    {
        Assert.Throws<GridGovernanceValidationException>(() => MinCostBipartiteFlow.Solve([1], [1], [new BipartiteArc(0, 0, 1), new BipartiteArc(0, 0, 2)]));
        Assert.Throws<GridGovernanceValidationException>(() => MinCostBipartiteFlow.Solve([1], [1], [new BipartiteArc(0, 0, -1)]));
        Assert.Throws<GridGovernanceValidationException>(() => MinCostBipartiteFlow.Solve([1], [1], [new BipartiteArc(0, 1, 1)]));
    }

    [Fact]
    public void Solve_OverflowingCosts_Throw()
    {
        var arcs = Enumerable.Range(0, 20).Select(i => new BipartiteArc(i, i, long.MaxValue / 64)).ToArray();
        var error = Assert.Throws<GridGovernanceException>(() => MinCostBipartiteFlow.Solve(Enumerable.Repeat(1, 20).ToArray(), Enumerable.Repeat(1, 20).ToArray(), arcs));
        Assert.Equal(ErrorCodes.ClaimsCostOverflow, error.Code);
    }

    private sealed class SynchronousProgress(Action<ClaimMatchingProgress> report) : IProgress<ClaimMatchingProgress>
    {
        public void Report(ClaimMatchingProgress value) => report(value);
    }
}
