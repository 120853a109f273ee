using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Authority;
using GridGovernance.Claims.Matching;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.Tests.Testing;

/// <summary>
/// The examples of docs/testing.md, compiled and run. Each example sits between <c>// example: name</c> and
/// <c>// end</c>; <see cref="TestingGuideTest"/> checks the page quotes each one as it is here.
/// </summary>
public sealed class TestingGuideExamples
{
    // example: rosters
    [Property(Arbitrary = [typeof(RosterArbitraries)], MaxTest = 20)]
    public async Task EveryHousehold_IsWithinTheDistrictsJurisdiction(GeneratedCity city)
    {
        using var services = await city.CreateServicesAsync();
        using var scope = services.CreateScope();
        var index = await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().BuildIndexAsync(city.Date);
        Assert.Equal(city.Roster.Households.Count, index.CountsUnder(city.District).Households);
        Assert.All(city.Roster.Households, h => Assert.True(index.IsWithinJurisdiction(city.District, h.Id)));
    }
    // end

    // example: people
    [Property(MaxTest = 20)]
    public Property PeopleUnderMyOwnHierarchy_Import()
    {
        var day = new NodaTime.LocalDate(2024, 1, 1);
        var hierarchy = new RosterBatch
        {
            Units =
            [
                new UnitDraft(new OrgUnitId(1), UnitKind.District, "莱芜区", null),
                new UnitDraft(new OrgUnitId(2), UnitKind.Street, "凤城街道", new OrgUnitId(1)),
                new UnitDraft(new OrgUnitId(3), UnitKind.Community, "新东方华庭社区", new OrgUnitId(2)),
                new UnitDraft(new OrgUnitId(4), UnitKind.GridBranch, "第一网格党支部", new OrgUnitId(3)) { GridBranchKind = GridBranchKind.DirectlyManaged },
            ],
        };
        return Prop.ForAll(RosterArbitraries.PeopleGen(hierarchy, HierarchySchemas.Laiwu, day).ToArbitrary(), roster =>
        {
            using var services = new ServiceCollection().AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu).BuildServiceProvider();
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(Actor.System("import"), roster, day).GetAwaiter().GetResult();
            var index = scope.ServiceProvider.GetRequiredService<OrganisationQueries>().BuildIndexAsync(day).GetAwaiter().GetResult();
            return index.MemberCount == roster.Members.Count;
        });
    }
    // end

    // example: rule-books
    [Property(Arbitrary = [typeof(RuleBookArbitraries)])]
    public bool EveryRuleBook_SurvivesJson(RuleBook book) =>
        RuleBookJson.Serialize(RuleBookJson.Read(RuleBookJson.Serialize(book))) == RuleBookJson.Serialize(book);
    // end

    // example: ledgers
    [Property(Arbitrary = [typeof(LedgerArbitraries)])]
    public bool Scores_DoNotDependOnTheOrderOfTheLedger(ScoringScenario s)
    {
        var forwards = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries);
        var backwards = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries.Reverse().ToArray());
        return forwards.Members.Select(m => m.Score).SequenceEqual(backwards.Members.Select(m => m.Score));
    }
    // end

    // example: ledger-for-my-book
    [Property(MaxTest = 50)]
    public Property MyBook_NeverIgnoresAGeneratedEntry()
    {
        var book = ScoringGenerator.Laiwu();
        var roster = ScoringGenerator.Roster(members: 4);
        var period = AssessmentPeriod.Quarter(2024, 3);
        return Prop.ForAll(LedgerArbitraries.Ledger(book, period, roster), entries =>
            AssessmentEngine.Assess(book, period, roster, entries).Members.All(m => m.IgnoredEntries == 0));
    }
    // end

    // example: rule-checks
    [Property(MaxTest = 200)]
    public Property ThemedPartyDay_NeverExceedsItsCapOfForty() =>
        RuleBookChecks.CategoryNeverExceeds(ScoringGenerator.Laiwu(), "themed-party-day", Points.From(40));
    // end

    // example: rule-checks-fail
    [Fact]
    public void Study_IsNotCapped_SoALimitOfOnePointFails()
    {
        var check = RuleBookChecks.CategoryNeverExceeds(ScoringGenerator.Laiwu(), "study", Points.From(1));
        Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure, check));
    }
    // end

    // example: claims
    [Property(Arbitrary = [typeof(ClaimsArbitraries)])]
    public bool NoUnitIsGivenMoreProjectsThanItsCapacity(ClaimsInstance instance)
    {
        var result = ClaimMatcher.Match(instance.Projects, instance.Resources, instance.Options);
        var capacity = instance.Resources.ToDictionary(r => r.Unit, r => r.Capacity);
        return result.ProjectsByUnit().All(u => u.Value.Length <= capacity[u.Key]);
    }
    // end

    // example: work-orders
    [Property(Arbitrary = [typeof(WorkOrderScripts)], MaxTest = 30)]
    public async Task AnyScript_LeavesACompleteAuditTrail(WorkOrderScript script)
    {
        using var runner = await WorkOrderScriptRunner.StartAsync(script);
        var order = await runner.RunAsync(script); // legal steps apply, illegal ones are refused and change nothing
        Assert.Equal(WorkOrderCommand.File, order.Audit[0].Command);
        Assert.Equal(order.Status, order.Audit[^1].To);
    }
    // end

    // example: samples
    [Fact]
    public void Samples_GiveTheSameValuesForTheSameSeed()
    {
        var books = Samples.Draw(RuleBookArbitraries.RuleBookGen(), count: 5, seed: 42);
        var again = Samples.Draw(RuleBookArbitraries.RuleBookGen(), count: 5, seed: 42);
        Assert.Equal(books.Select(RuleBookJson.Serialize), again.Select(RuleBookJson.Serialize));
    }
    // end
}
