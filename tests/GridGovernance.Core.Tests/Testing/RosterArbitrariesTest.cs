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
            var index = scope.ServiceProvider.GetRequiredService<OrganisationService>().BuildIndexAsync(candidate.Date).GetAwaiter().GetResult();
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
