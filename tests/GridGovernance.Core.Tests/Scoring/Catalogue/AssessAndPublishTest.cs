using GridGovernance.Scoring;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.Statements;
using GridGovernance.Tests.Scoring.Ledger;
using Microsoft.Extensions.DependencyInjection;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Catalogue;

/// <summary>Assess and publish a period from the catalogue's rule book; rankings and statements read the publication.</summary>
public sealed class AssessAndPublishTest : IDisposable
{
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);
    private static readonly RuleBookId BookId = RuleBookId.Of(Book);

    private readonly LedgerFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    private async Task<T> CatalogueAsync<T>(Func<RuleBookCatalogue, Task<T>> operation)
    {
        using var scope = fixture.Scope();
        return await operation(scope.ServiceProvider.GetRequiredService<RuleBookCatalogue>());
    }

    private async Task SeedAsync()
    {
        await CatalogueAsync(c => c.AddAsync(Admin, Book, District));
        fixture.Today = D(3, 31);
        await fixture.RecordAsync(M1, "themed-party-day", D(1, 10), "q1-a");
        await fixture.RecordAsync(M1, "themed-party-day", D(2, 14), "q1-b");
        await fixture.RecordAsync(M3, "volunteer", D(2, 10), "q1-c", value: 4);
        await fixture.RecordAsync(M5, "petition", D(3, 1), "q1-d", tier: "city");
        fixture.Today = D(4, 2);
    }

    private Task<PeriodPublication> AssessAndPublishAsync() =>
        fixture.RunAsync(s => s.AssessAndPublishAsync(Admin, BookId, Q1, Roster, 5, WorkingDayCalendar.WeekendsOnly));

    [Fact]
    public async Task AssessAndPublish_PublishesTheAssessmentOfTheLedger_AndMarksTheVersion()
    {
        await SeedAsync();

        var publication = await AssessAndPublishAsync();

        Assert.Equal(new PeriodPublicationId("test-book", "2024-Q1"), publication.Id);
        var published = await fixture.ResultsAsync(publication.Id);
        var fresh = await fixture.AssessAsync(Q1);
        Assert.Equal(fresh.Members.Select(PublishedMemberResult.From), published.Results);
        Assert.Equal(P(2), published.ResultOf(M1)!.CategoryTotals[0]);
        Assert.Equal(Book.Items.Length, published.ResultOf(M1)!.ItemCounts.Length);
        Assert.Equal(2, published.ResultOf(M1)!.ItemCounts[0]);
        Assert.Equal(Book.Items.Select(i => i.Code), published.ItemCodes);
        Assert.Equal(Roster[2], published.ResultOf(M3)!.Subject);
        var stored = await CatalogueAsync(c => c.GetStoredAsync(BookId));
        Assert.Equal(["2024-Q1"], stored.Latest.PublishedPeriods.ToArray());
        Assert.True(stored.Latest.IsPublished);
    }

    [Fact]
    public async Task AssessAndPublish_Retried_ReturnsThePublication_AndChangesNothing()
    {
        await SeedAsync();
        var first = await AssessAndPublishAsync();
        var storedBefore = await CatalogueAsync(c => c.GetStoredAsync(BookId));

        var again = await AssessAndPublishAsync();

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.PublishedAt, again.PublishedAt);
        Assert.Equal(storedBefore.Version, (await CatalogueAsync(c => c.GetStoredAsync(BookId))).Version);
    }

    [Fact]
    public async Task AssessAndPublish_OfAPublishedPeriodWithOtherResults_IsAlreadyPublished()
    {
        await SeedAsync();
        await AssessAndPublishAsync();
        fixture.Today = D(4, 3);
        await fixture.RecordAsync(M2, "themed-party-day", D(3, 20), "late");

        await fixture.FailsAsync(ErrorCodes.PeriodAlreadyPublished,
            s => s.AssessAndPublishAsync(Admin, BookId, Q1, Roster, 5, WorkingDayCalendar.WeekendsOnly));
    }

    [Fact]
    public async Task APublishedVersion_NeverChanges_ANewVersionIsAdded()
    {
        await SeedAsync();
        await AssessAndPublishAsync();

        var refused = await Assert.ThrowsAsync<GridGovernanceException>(() =>
            CatalogueAsync(c => c.ReviseAsync(Admin, RuleBookCatalogueTest.Revised(Book, 1, 2))));
        var next = await CatalogueAsync(c => c.ReviseAsync(Admin, RuleBookCatalogueTest.Revised(Book, 2, 2)));

        Assert.Equal(ErrorCodes.RuleBookVersionPublished, refused.Code);
        Assert.Contains("2024-Q1", refused.Message);
        Assert.Equal([1, 2], next.Versions.Select(v => v.Version));
        Assert.False(next.Latest.IsPublished);
        // The publication's statement still reads version 1, the version it was computed with.
        var statement = await fixture.RunAsync(s => s.GetStatementAsync(new PeriodPublicationId("test-book", "2024-Q1"), M1, "张明"));
        Assert.Equal(1, statement.RuleBookVersion);
    }

    [Fact]
    public async Task Publish_WithARuleBookTheCatalogueHoldsOtherwise_IsRefused_AndWithTheSame_MarksIt()
    {
        await SeedAsync();
        var other = RuleBookCatalogueTest.Revised(Book, 1, 5);
        var otherResult = await fixture.AssessAsync(Q1, other);

        await fixture.FailsAsync(ErrorCodes.RuleBookDiffersFromCatalogue, s => s.PublishAsync(Admin, otherResult, 5, WorkingDayCalendar.WeekendsOnly));
        var result = await fixture.AssessAsync(Q1);
        await fixture.RunAsync(s => s.PublishAsync(Admin, result, 5, WorkingDayCalendar.WeekendsOnly));

        Assert.True((await CatalogueAsync(c => c.GetStoredAsync(BookId))).Latest.IsPublished);
    }

    [Fact]
    public async Task Ranking_FromThePublication_IsTheRankingOfAFreshAssessment()
    {
        await SeedAsync();
        var publication = await AssessAndPublishAsync();
        var rules = new BottomLineRules { Floor = P(20), NegativeListItems = ["petition"] };

        var ranking = await fixture.RunAsync(s => s.GetRankingAsync(publication.Id, rules));
        var fresh = RankingBoard.Rank(await fixture.AssessAsync(Q1), rules);

        Assert.Equal(fresh.Rows.ToArray(), ranking.Rows.ToArray());
        Assert.Equal(fresh.Period, ranking.Period);
        Assert.Equal(BottomLineFlags.NegativeList | BottomLineFlags.BelowFloor, ranking[M5].Flags);
        var unknown = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.GetRankingAsync(publication.Id, new BottomLineRules { NegativeListItems = ["nope"] })));
        Assert.Contains("nope", unknown.Message);
    }

    [Fact]
    public async Task Statement_FromThePublication_TakesTheMemberAsPublished_AndRefusesADriftedLedger()
    {
        await SeedAsync();
        var publication = await AssessAndPublishAsync();

        var statement = await fixture.RunAsync(s => s.GetStatementAsync(publication.Id, M3, "李华", StatementView.Own));
        var published = (await fixture.ResultsAsync(publication.Id)).ResultOf(M3)!;

        Assert.Equal(published.Total, statement.Total);
        Assert.Equal(published.Score, statement.Score);
        Assert.Equal("李华", statement.DisplayName);
        Assert.Contains(statement.Lines, l => l.Counted == P(4));

        fixture.Today = D(4, 3);
        await fixture.RecordAsync(M3, "themed-party-day", D(3, 21), "drift");
        var drifted = await Assert.ThrowsAsync<GridGovernanceException>(() => fixture.RunAsync(s => s.GetStatementAsync(publication.Id, M3, "李华")));
        Assert.Equal(ErrorCodes.StatementDiffersFromPublication, drifted.Code);
    }

    private async Task<T> LedgerAsync<T>(Func<PointsLedgerService, Task<T>> operation)
    {
        using var scope = fixture.Scope();
        return await operation(scope.ServiceProvider.GetRequiredService<PointsLedgerService>());
    }

    [Fact]
    public async Task LedgerServices_TakeTheRuleBookById()
    {
        await CatalogueAsync(c => c.AddAsync(Admin, Book, District));
        fixture.Today = D(3, 31);

        var declared = await LedgerAsync(s => s.DeclareAsync(InPerson(M1), BookId, Request(M1, "volunteer", D(3, 2), "by-id", value: 3)));
        var approved = await LedgerAsync(s => s.ApproveAsync(Secretary100, declared.Id, P(2)));
        var recorded = await LedgerAsync(s => s.RecordAsync(LedgerFixture.WorkOrders, BookId, LedgerSource.WorkOrder, Request(M2, "themed-party-day", D(3, 3), "by-id-2")));
        var exported = await fixture.RunAsync((LedgerExportService s) => s.ExportForAssessmentAsync(BookId, Q1));

        Assert.Equal(LedgerEntryStatus.Approved, approved.Status);
        Assert.Equal(P(2), approved.Points);
        Assert.Equal("test-book", recorded.RuleBookId);
        Assert.Equal(2, exported.Length);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => LedgerAsync(s => s.RecordAsync(LedgerFixture.WorkOrders, new RuleBookId("nope"), LedgerSource.WorkOrder, Request(M2, "themed-party-day", D(3, 3), "x"))));
    }
}
