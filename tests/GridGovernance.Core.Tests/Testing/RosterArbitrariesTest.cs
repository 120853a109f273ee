using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.Tests.Testing;

public sealed class RosterArbitrariesTest
{
    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 25)]
    public bool EveryCity_AndEveryShrinkOfIt_Imports(GeneratedCity city)
    {
        // The first few shrinks of each kind stand for the rest: each must import as the city does.
        foreach (var candidate in RosterArbitraries.ShrinkPeople(city).Take(4).Prepend(city))
        {
            using var provider = candidate.CreateServicesAsync().GetAwaiter().GetResult();
            using var scope = provider.CreateScope();
            var index = scope.ServiceProvider.GetRequiredService<OrganisationQueries>().BuildIndexAsync(candidate.Date).GetAwaiter().GetResult();
            if (index.HouseholdCount != candidate.Roster.Households.Count)
            {
                return false;
            }
        }
        return true;
    }

    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 100)]
    public bool Subjects_HaveDistinctIds_AndTheEngineAcceptsThem(AssessmentSubject[] subjects) =>
        subjects.Length >= 1
        && subjects.Select(s => s.Member).Distinct().Count() == subjects.Length
        && AssessmentEngine.Assess(ScoringGenerator.Laiwu(), RuleBookArbitraries.Period, subjects, []).Members.Length == subjects.Length;

    [Property(MaxTest = 25)]
    public Property PeopleGen_UnderAStandardOrLaiwuHierarchy_Imports()
    {
        var generated = from city in HierarchyArbitraries.CityGen()
                        from schema in Gen.Elements(HierarchySchemas.Standard, HierarchySchemas.Laiwu)
                        from people in RosterArbitraries.PeopleGen(city.Roster with { Members = [], Households = [], Roles = [] }, schema, city.Date)
                        select city with { Schema = schema, Roster = people };
        return Prop.ForAll(generated.ToArbitrary(), city =>
        {
            using var provider = city.CreateServicesAsync().GetAwaiter().GetResult();
            using var scope = provider.CreateScope();
            var index = scope.ServiceProvider.GetRequiredService<OrganisationQueries>().BuildIndexAsync(city.Date).GetAwaiter().GetResult();
            return index.HouseholdCount == city.Roster.Households.Count && index.MemberCount == city.Roster.Members.Count
                   && city.Roster.Members.All(m => city.Schema.MemberKinds.Contains(city.Roster.Units.Single(u => u.Id == m.BranchId).Kind));
        });
    }

    [Fact]
    public void PeopleGen_AddsAfterTheBatchsOwnIds_AndNoneWhereNoUnitMayHoldThem()
    {
        var city = HierarchyArbitrariesSample();
        var more = Samples.Draw(RosterArbitraries.PeopleGen(city.Roster, city.Schema, city.Date), 10, seed: 1, size: 20);
        Assert.Contains(more, b => b.Members.Count > city.Roster.Members.Count && b.Households.Count > city.Roster.Households.Count);
        Assert.All(more, b => Assert.Equal(b.Members.Count, b.Members.Select(m => m.Id).Distinct().Count()));
        Assert.All(more, b => Assert.Equal(city.Roster.Members, b.Members.Take(city.Roster.Members.Count)));
        var topOnly = city.Roster with { Units = [city.Roster.Units[0]], Members = [], Households = [], Roles = [], StationedUnits = [] };
        Assert.All(Samples.Draw(RosterArbitraries.PeopleGen(topOnly, city.Schema, city.Date), 10), b => Assert.Empty(b.Members.Concat<object>(b.Households)));
    }

    [Fact]
    public void ShrinkPeople_DropsHouseholdsThenMembers_AndTheirRoles()
    {
        var city = HierarchyArbitrariesSample();
        var shrinks = RosterArbitraries.ShrinkPeople(city).ToList();
        Assert.Empty(shrinks[0].Roster.Households);
        Assert.Equal(city.Roster.Members.Count, shrinks[0].Roster.Members.Count);
        var noMembers = shrinks.First(c => c.Roster.Members.Count == 0);
        Assert.Empty(noMembers.Roster.Roles);
        Assert.Equal(city.Roster.Units, noMembers.Roster.Units);
        Assert.All(shrinks, c => Assert.True(c.Roster.Members.Count + c.Roster.Households.Count < city.Roster.Members.Count + city.Roster.Households.Count));
    }

    [Fact]
    public void SubjectsOf_ACity_NamesEachMemberWithTheirKindAndUnit()
    {
        var city = HierarchyArbitrariesSample();
        var subjects = RosterArbitraries.SubjectsOf(city);
        Assert.Equal(city.Roster.Members.Select(m => (m.Id, m.Kind, m.BranchId)), subjects.Select(s => (s.Member, s.Kind, s.Branch)));
    }

    private static GeneratedCity HierarchyArbitrariesSample() =>
        Samples.Draw(HierarchyArbitraries.CityGen(), 30, seed: 5, size: 40).First(c => c.Roster.Members.Count > 2 && c.Roster.Households.Count > 2 && c.Roster.Roles.Count > 0);
}
