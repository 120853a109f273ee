using GridGovernance.Claims;
using GridGovernance.Claims.Matching;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Claims;

public sealed class AreaAssignerTest
{
    private static KeyValuePair<OrgUnitId, GeoPoint> At(int unit, double metres) => new(new OrgUnitId(unit), ClaimMatcherTest.North(metres));

    [Fact]
    public void Assign_GivesEachUnitTheNearestAreaWithRoom()
    {
        var areas = new[] { new ServiceArea(new AreaId(1), ClaimMatcherTest.North(0), 1), new ServiceArea(new AreaId(2), ClaimMatcherTest.North(2000), 1) };

        var result = AreaAssigner.Assign([At(10, 100), At(11, 300)], areas);

        // Unit 11 goes to the far area: 100 + 1700 beats 1900 + 300.
        Assert.Equal(new AreaId(1), result.Areas[new OrgUnitId(10)]);
        Assert.Equal(new AreaId(2), result.Areas[new OrgUnitId(11)]);
        Assert.Equal(100 + 1700, result.TotalDistanceMetres);
        Assert.Empty(result.Unassigned);
    }

    [Fact]
    public void Assign_LeavesUnitsOut_WhenEveryAreaInRangeIsFull()
    {
        var areas = new[] { new ServiceArea(new AreaId(1), ClaimMatcherTest.North(0), 1), new ServiceArea(new AreaId(2), ClaimMatcherTest.North(9000), 5) };

        var result = AreaAssigner.Assign([At(10, 100), At(11, 50)], areas, maxDistanceMetres: 1000);

        Assert.Equal(new AreaId(1), result.Areas[new OrgUnitId(11)]);
        Assert.Equal(new OrgUnitId(10), Assert.Single(result.Unassigned));
    }

    [Fact]
    public void Assign_Yibin_RespectsCapacities_AndEqualsTheSolverOnTheSameArcs()
    {
        var instance = ClaimsGenerator.Yibin();
        var centres = ClaimsGenerator.YibinAreaCentres();
        var areas = centres.Select((c, i) => new ServiceArea(new AreaId(i + 1), c, 4)).ToArray();
        var units = instance.Resources.Select(r => new KeyValuePair<OrgUnitId, GeoPoint>(r.Unit, r.Location)).ToArray();

        var result = AreaAssigner.Assign(units, areas);

        Assert.Equal(35, result.Areas.Count);
        Assert.All(result.Areas.GroupBy(a => a.Value), g => Assert.True(g.Count() <= 4));
        var ordered = units.OrderBy(u => u.Key).ToArray();
        var arcs = ordered.SelectMany((u, i) => areas.Select((a, j) => (i, j, cost: (long)Math.Round(u.Value.DistanceMetresTo(a.Centre), MidpointRounding.AwayFromZero))))
            .Select(x => new BipartiteArc(x.i, x.j, x.cost)).ToArray();
        var (_, cost) = OrToolsOracle.Solve(Enumerable.Repeat(1, ordered.Length).ToArray(), Enumerable.Repeat(4, areas.Length).ToArray(), arcs);
        Assert.Equal(cost, result.TotalDistanceMetres);
    }

    [Fact]
    public void Assign_RejectsDuplicateAreas()
    {
        var area = new ServiceArea(new AreaId(1), ClaimMatcherTest.North(0), 1);
        var error = Assert.Throws<GridGovernanceValidationException>(() => AreaAssigner.Assign([At(10, 0)], [area, area]));
        Assert.Equal(ErrorCodes.ClaimsDuplicateId, error.Code);
    }
}
