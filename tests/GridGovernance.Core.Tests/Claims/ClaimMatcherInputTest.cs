using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Claims;
using GridGovernance.Claims.Matching;
using GridGovernance.Testing;
using NodaTime;
using static GridGovernance.Tests.Claims.ClaimMatcherTest;

namespace GridGovernance.Tests.Claims;

/// <summary>Claim lists under the input policy (issue 14): claimant and capacity bounds, texts, locations, the solver's work bound.</summary>
public sealed class ClaimMatcherInputTest
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(InputPolicy.MaxClaimantsRequired - 1, false)]
    [InlineData(InputPolicy.MaxClaimantsRequired, false)]
    [InlineData(InputPolicy.MaxClaimantsRequired + 1, true)]
    [InlineData(20_000_000, true)]
    public void ClaimantsRequired_HasAnUpperBound(int claimants, bool refused)
    {
        var e = Record.Exception(() => ClaimMatcher.Match([Project(1, 0, claimants: claimants)], [Unit(10, 100)]));

        Assert.Equal(refused, e is GridGovernanceValidationException);
        if (e is GridGovernanceValidationException v)
        {
            Assert.Equal("Projects[0].ClaimantsRequired", Assert.Single(v.Problems).Field);
        }
    }

    [Fact]
    public void ManyRequiredPlacesOnOneUnit_FillOnePlace_Quickly()
    {
        // The solver augments at most min(places, arcs) times a row: 1,000 places with one eligible unit is one search.
        var result = ClaimMatcher.Match([Project(1, 0, claimants: InputPolicy.MaxClaimantsRequired)], [Unit(10, 100, capacity: InputPolicy.MaxCapacity)]);

        Assert.Equal(1, result.FilledPlaces);
        Assert.Equal(InputPolicy.MaxClaimantsRequired, result.RequiredPlaces);
        Assert.Equal(new OrgUnitId(10), Assert.Single(result[new ProjectId(1)].Assignments).Unit);
    }

    [Fact]
    public void MoreCapacityThanProjects_StillFindsTheOptimum()
    {
        // A unit with capacity 5 and two eligible projects: both filled, each by the one unit (rows capped at their arcs).
        var result = ClaimMatcher.Match([Project(1, 0), Project(2, 300, claimants: 3)], [Unit(10, 100, capacity: 5), Unit(11, 900, capacity: 5)]);

        Assert.Equal(3, result.FilledPlaces);
        Assert.Equal(100 + 200 + 600, result.TotalCost);
    }

    [Fact]
    public void BadTextsCapacitiesAndLocations_AreListed()
    {
        var project = new ClaimableProject(new ProjectId(1), "elderly\u200Bcare", GeoPoint.Unknown, new AreaId(1), 1, new LocalDate(2024, 6, 30));
        var unit = Unit(10, 0, capacity: InputPolicy.MaxCapacity + 1, categories: ["elderly-care", "x\0"]) with { Location = default };

        var e = Assert.Throws<GridGovernanceValidationException>(() => ClaimMatcher.Match([project], [unit]));

        Assert.Equal(
            [("Projects[0].Category", ErrorCodes.ForbiddenCharacter), ("Projects[0].Location", ErrorCodes.LocationRequired),
             ("Resources[0].Categories[1]", ErrorCodes.ForbiddenCharacter), ("Resources[0].Location", ErrorCodes.LocationRequired), ("Resources[0].Capacity", ErrorCodes.OutOfRange)],
            e.Problems.Select(p => (p.Field, p.Rule)));
    }

    /// <summary>Fuzzing the claim lists: every call either matches (every assignment pairs a listed project and unit) or is refused with a field.</summary>
    [Property(MaxTest = 100)]
    public Property Match_HostileLists_MatchOrAreRefusedWithAField() =>
        Prop.ForAll(ListsGen().ToArbitrary(), lists =>
        {
            var (projects, units) = lists;
            try
            {
                var result = ClaimMatcher.Match(projects, units);
                return result.FilledPlaces <= result.RequiredPlaces
                       && result.Projects.All(p => p.Assignments.All(a => units.Any(u => u.Unit == a.Unit)));
            }
            catch (Exception e)
            {
                return HostileInputs.IsLibraryRefusal(e);
            }
        });

    private static Gen<(ClaimableProject[], UnitResource[])> ListsGen() =>
        from projects in Gen.Choose(0, 3).SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n), id =>
            from category in Gen.Frequency((1, HostileInputs.Strings()), (3, Gen.Constant("elderly-care")))
            from claimants in HostileInputs.Ints()
            from location in HostileInputs.Locations()
            select new ClaimableProject(new ProjectId(id), category, location, new AreaId(1), claimants, new LocalDate(2024, 6, 30))))
        from units in Gen.Choose(0, 3).SelectMany(n => Gen.CollectToArray(Enumerable.Range(10, n), id =>
            from category in Gen.Frequency((1, HostileInputs.Strings()), (3, Gen.Constant("elderly-care")))
            from capacity in HostileInputs.Ints()
            from location in HostileInputs.Locations()
            select Unit(id, 0, capacity: capacity, categories: [category]) with { Location = location }))
        select (projects, units);
}
