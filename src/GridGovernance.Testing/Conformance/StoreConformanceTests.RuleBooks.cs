using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace GridGovernance.Testing.Conformance;

public abstract partial class StoreConformanceTests
{
    /// <summary>
    /// The rule-book catalogue survives the store: a stored book reads back with every version's JSON from another scope,
    /// a revision raises its version, and of two revisions racing from one read the second fails on the version.
    /// </summary>
    [Fact]
    public async Task RuleBookCatalogue_VersionsReadBack_AndRacingRevisionsConflict()
    {
        await SeedAsync();
        var setup = Actor.System("conformance");
        var book = ScoringGenerator.Laiwu(2024);
        var owner = City.Roster.Units[0].Id;
        var id = RuleBookId.Of(book);

        await InScopeAsync(s => s.GetRequiredService<RuleBookCatalogue>().AddAsync(setup, book, owner));
        var second = RuleBook.Create(book.Definition with { Version = 2, Name = book.Definition.Name + "（修订）" });
        await InScopeAsync(s => s.GetRequiredService<RuleBookCatalogue>().ReviseAsync(setup, second));

        var stored = await InScopeAsync(s => s.GetRequiredService<RuleBookCatalogue>().GetStoredAsync(id));
        Assert.Equal(owner, stored.Owner);
        Assert.Equal([1, 2], stored.Versions.Select(v => v.Version));
        Assert.Equal(second.Definition.Name, stored.Name);
        Assert.Equal(2, stored.Version);
        Assert.Equal(RuleBookJson.Serialize(book), RuleBookJson.Serialize(await InScopeAsync(s => s.GetRequiredService<RuleBookCatalogue>().GetAsync(id, 1))));
        Assert.Equal(RuleBookJson.Serialize(second), RuleBookJson.Serialize(await InScopeAsync(s => s.GetRequiredService<RuleBookCatalogue>().GetAsync(id))));

        // Two writers read version 2 of the stored book; the first save wins, the second fails on the version.
        var first = await InScopeAsync(s => s.GetRequiredService<IReadRepository<StoredRuleBook>>().GetByIdAsync(id));
        var stale = await InScopeAsync(s => s.GetRequiredService<IReadRepository<StoredRuleBook>>().GetByIdAsync(id));
        await InScopeAsync(async s =>
        {
            await s.GetRequiredService<IRepository<StoredRuleBook>>().UpdateAsync(first!);
            await s.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return 0;
        });
        await Assert.ThrowsAsync<ConcurrencyException>(() => InScopeAsync(async s =>
        {
            await s.GetRequiredService<IRepository<StoredRuleBook>>().UpdateAsync(stale!);
            await s.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return 0;
        }));
        Assert.Equal(3, (await InScopeAsync(s => s.GetRequiredService<IReadRepository<StoredRuleBook>>().GetByIdAsync(id)))!.Version);
    }

    /// <summary>
    /// Assess-and-publish writes the publication, its results and the rule book's mark in one unit of work; a retry changes
    /// nothing; the ranking read from the stored results is the ranking of a fresh assessment.
    /// </summary>
    [Fact]
    public async Task AssessAndPublish_WritesPublicationResultsAndMark_AndRanksFromTheStore()
    {
        await SeedAsync();
        var setup = Actor.System("conformance");
        var district = City.Roster.Units[0].Id;
        var secretary = City.Roster.Members[0].Id;
        var book = ScoringGenerator.Laiwu(2024);
        var id = RuleBookId.Of(book);
        var roster = City.Roster.Members.Select(m => new AssessmentSubject(m.Id, m.Kind, m.BranchId)).ToArray();
        var march = AssessmentPeriod.Month(2024, 3);
        await InScopeAsync(s => s.GetRequiredService<OrganisationService>().AssignRoleAsync(setup, new RoleDraft(secretary, RoleKind.Secretary, district), City.Date));
        await InScopeAsync(s => s.GetRequiredService<RuleBookCatalogue>().AddAsync(setup, book, district));
        Clock.Reset(Instant.FromUtc(2024, 3, 20, 2, 0));
        var item = book.Items.First(i => i.Versions[0].Kind == ItemKind.Fixed && i.Versions[0].EligibleKinds.Count == 0).Code;
        for (int i = 0; i < 6; i++)
        {
            var member = City.Roster.Members[i % City.Roster.Members.Count].Id;
            await InScopeAsync(s => s.GetRequiredService<PointsLedgerService>().RecordAsync(setup, id, LedgerSource.WorkOrder, new LedgerEntryRequest
            {
                Member = member, ItemCode = item, OccurredOn = new LocalDate(2024, 3, 5 + i), IdempotencyKey = $"conformance-publish-{i}",
            }));
        }
        Clock.Reset(Instant.FromUtc(2024, 4, 2, 2, 0));
        var actor = Actor.Post(secretary, RoleKind.Secretary, district);

        var publication = await InScopeAsync(s => s.GetRequiredService<PeriodPublicationService>()
            .AssessAndPublishAsync(actor, id, march, roster, 5, WorkingDayCalendar.WeekendsOnly));
        var again = await InScopeAsync(s => s.GetRequiredService<PeriodPublicationService>()
            .AssessAndPublishAsync(actor, id, march, roster, 5, WorkingDayCalendar.WeekendsOnly));

        Assert.Equal(publication.Version, again.Version);
        var stored = await InScopeAsync(s => s.GetRequiredService<RuleBookCatalogue>().GetStoredAsync(id));
        Assert.Equal(["2024-03"], stored.Latest.PublishedPeriods.ToArray());
        var entries = await InScopeAsync(s => s.GetRequiredService<LedgerExportService>().ExportForAssessmentAsync(book, march));
        var fresh = RankingBoard.Rank(AssessmentEngine.Assess(book, march, roster, entries));
        var ranking = await InScopeAsync(s => s.GetRequiredService<PeriodPublicationService>().GetRankingAsync(publication.Id));
        Assert.Equal(fresh.Rows.ToArray(), ranking.Rows.ToArray());
    }
}
