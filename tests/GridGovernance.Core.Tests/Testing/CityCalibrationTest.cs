using GridGovernance.Claims.Matching;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Testing;
using GridGovernance.Tests.Contacts;

namespace GridGovernance.Tests.Testing;

/// <summary>The city generator against the case reports (docs/testing.md, "Calibration"; issue 19).</summary>
public sealed class CityCalibrationTest
{
    // The generated roles as they are: no secretaries added, so the chain shows what the generator fills.
    private static readonly Lazy<ChainFixture> District = new(() => new ChainFixture(CitySize.District, 2024, secretaries: false));

    [Fact]
    public void TheDistrict_HasWanshansShape()
    {
        var city = District.Value.City;
        int grids = city.Roster.Units.Count(u => u.Kind == UnitKind.GridBranch);
        Assert.Equal(16, city.Roster.Units.Count(u => u.Kind == UnitKind.Community));
        Assert.InRange(grids, 48, 80);                                     // Wanshan: 65
        Assert.InRange(city.Roster.Members.Count, 28 * grids, 36 * grids);  // Wanshan: 2,061 reported members
        Assert.All(city.Roster.Households.GroupBy(h => h.UnitId), g => Assert.InRange(g.Count(), 200, 300));
    }

    [Fact]
    public void TheDistrict_CanLinkEveryHousehold()
    {
        var setup = District.Value;
        Assert.Equal(setup.Roster.Households.Length, setup.Plan.CoveredCount);
        Assert.Empty(setup.Plan.Uncovered);
    }

    [Fact]
    public void EveryPost_IsFilled_SoEveryChainLevelHasAnAnswerer()
    {
        var setup = District.Value;
        var health = ResponsibilityChainIndex.Build(setup.Index, setup.Members, setup.Households, setup.Plan).Health();
        Assert.Empty(health.UnitsWithoutAnswerer);
        Assert.True(health.IsHealthy);
        var secretaries = setup.City.Roster.Roles.Where(r => r.Role == RoleKind.Secretary).Select(r => r.UnitId).ToHashSet();
        Assert.All(setup.City.Roster.Units.Where(u => u.Kind != UnitKind.PartyGroup), u => Assert.Contains(u.Id, secretaries));
        // members[0] is left for callers to appoint (tests and the quickstart give it posts of their own).
        Assert.DoesNotContain(setup.City.Roster.Roles, r => r.MemberId == setup.City.Roster.Members[0].Id && r.Role == RoleKind.Secretary);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(1.0)]
    public void AVacancyRate_EmptiesOnlyPosts_TheCityStaysTheSame(double rate)
    {
        var full = CityGenerator.Generate(CitySize.Community, seed: 9);
        var vacant = CityGenerator.Generate(CitySize.Community with { VacancyRate = rate }, seed: 9);
        Assert.Equal(full.Roster.Units, vacant.Roster.Units);
        Assert.Equal(full.Roster.Members, vacant.Roster.Members);
        Assert.Equal(full.Roster.Households, vacant.Roster.Households);
        Assert.Equal(full.Roster.StationedUnits, vacant.Roster.StationedUnits);
        static bool Leading(RoleDraft r) => r.Role == RoleKind.Secretary || r.Role == RoleKind.GridHead || r.Role == RoleKind.GroupLeader;
        // Only leadership posts go, and the others all stay.
        Assert.Equal(full.Roster.Roles.Where(r => !Leading(r)), vacant.Roster.Roles.Where(r => !Leading(r)));
        Assert.Subset(full.Roster.Roles.ToHashSet(), vacant.Roster.Roles.ToHashSet());
        int before = full.Roster.Roles.Count(Leading), after = vacant.Roster.Roles.Count(Leading);
        if (rate >= 1)
        {
            Assert.Equal(0, after);
        }
        else
        {
            Assert.InRange(after, (int)(before * (1 - rate) * 0.6), (int)Math.Ceiling(before * (1 - rate) * 1.4));
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void AVacancyRate_OutsideZeroToOne_IsRefused(double rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CitySize.District with { VacancyRate = rate });
        Assert.Equal(nameof(CitySize.VacancyRate), error.ParamName);
    }

    [Fact]
    public void Yibin_LiesInsideZhonggulousArea()
    {
        var instance = ClaimsGenerator.Yibin();
        var points = instance.Projects.Select(p => p.Location).Concat(instance.Resources.Select(r => r.Location)).ToArray();
        double north = points.Max(p => p.Latitude), south = points.Min(p => p.Latitude);
        double east = points.Max(p => p.Longitude), west = points.Min(p => p.Longitude);
        double height = new GeoPoint(south, west).DistanceMetresTo(new GeoPoint(north, west));
        double width = new GeoPoint(south, west).DistanceMetresTo(new GeoPoint(south, east));
        Assert.InRange(height * width / 1e6, 0.05, 0.30);   // Zhonggulou: 0.22 km²
        var network = ClaimNetwork.Build(instance.Projects, instance.Resources, instance.Options);
        Assert.All(network.Candidates, c => Assert.InRange(c.DistanceMetres, 0, 800));
    }

    [Fact]
    public void Yibin_WorkedExample_IsTheOneInTheDocs()
    {
        // docs/concepts/claims.md, "Worked example: Yibin": greedy 37 of 44, 5.65 km, cost 6,484; optimal 43 of 44, 6.98 km, cost 7,903.
        var instance = ClaimsGenerator.Yibin();
        var network = ClaimNetwork.Build(instance.Projects, instance.Resources, instance.Options);
        var optimal = ClaimMatcher.Match(network);
        var greedy = ClaimsGenerator.Greedy(network);
        Assert.Equal((37, 5_650L, 6_484L), (greedy.FilledPlaces, greedy.TotalDistanceMetres, greedy.TotalCost));
        Assert.Equal((43, 6_983L, 7_903L), (optimal.FilledPlaces, optimal.TotalDistanceMetres, optimal.TotalCost));
    }
}
