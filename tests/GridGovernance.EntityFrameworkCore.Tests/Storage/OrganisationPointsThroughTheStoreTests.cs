using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Units;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// The aggregates and histories of this branch's issue 13 and 18 work through the EF Core store: the unit ledger and a
/// unit publication (organisation points), a stationed unit's counts history and a dual registration's workplace. The
/// database is created from the model (<see cref="GridGovernanceDatabase.EnsureCreatedAsync"/>), so these run before the
/// migration for the new tables exists.
/// </summary>
public abstract class OrganisationPointsThroughTheStoreTests(TestDatabase database) : IDisposable
{
    private static readonly LocalDate Start = new(2024, 1, 1);

    private static readonly RuleBook UnitBook = RuleBook.Create(new RuleBookDefinition
    {
        Id = "store-units-2024",
        Name = "组织积分",
        Categories = [new ScoreCategory("service", "志愿服务")],
        Items = [new RuleItem("volunteer-activity", "service", "组织志愿服务", [new RuleItemVersion { EffectiveFrom = Start, Kind = ItemKind.Fixed, Points = Points.From(2) }])],
    });

    [Fact]
    public async Task UnitLedger_Publication_CountsHistory_AndWorkplace_SurviveTheStore()
    {
        var collection = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2024, 6, 1, 4, 0)));
        database.AddStore(collection);
        await using var provider = collection.AddGridGovernance(o => o.Schema = HierarchySchemas.Standard).BuildServiceProvider();
        Assert.True(await GridGovernanceDatabase.EnsureCreatedAsync(provider));
        async Task<T> Run<TService, T>(Func<TService, Task<T>> step)
            where TService : notnull
        {
            await using var scope = provider.CreateAsyncScope();
            return await step(scope.ServiceProvider.GetRequiredService<TService>());
        }
        OrgUnitId district = new(1), street = new(10), community = new(100), grid = new(1000);
        var system = Actor.System("test");
        await Run<OrganisationService, ImportResult>(s => s.ImportAsync(system, new RosterBatch
        {
            Units =
            [
                new(district, UnitKind.District, "区", null), new(street, UnitKind.Street, "街道", district),
                new(community, UnitKind.Community, "社区", street), new(grid, UnitKind.GridBranch, "网格", community),
            ],
            Members =
            [
                new(new MemberId(1), "甲", MemberKind.LongResident, new LocalDate(2001, 7, 1), grid),
                new(new MemberId(2), "乙", MemberKind.InService, new LocalDate(2001, 7, 1), grid),
                new(new MemberId(90), "丙", MemberKind.LongResident, new LocalDate(2001, 7, 1), grid),
            ],
            StationedUnits = [new StationedUnitDraft(new StationedUnitId(1), "物业公司", StationedUnitKind.PrivateFirm, community, 20, 2)],
            Roles = [new RoleDraft(new MemberId(1), RoleKind.Secretary, grid), new RoleDraft(new MemberId(90), RoleKind.Secretary, district)],
        }, Start));
        await Run<RuleBookCatalogue, StoredRuleBook>(c => c.AddAsync(system, UnitBook, district));
        var book = RuleBookId.Of(UnitBook);
        var gridSecretary = Actor.Post(new MemberId(1), RoleKind.Secretary, grid);
        var districtSecretary = Actor.Post(new MemberId(90), RoleKind.Secretary, district);

        var declared = await Run<UnitPointsService, UnitLedgerEntry>(s => s.DeclareAsync(gridSecretary, book,
            new UnitLedgerEntryRequest { Unit = grid, ItemCode = "volunteer-activity", OccurredOn = new LocalDate(2024, 2, 3), IdempotencyKey = "a" }));
        await Run<UnitPointsService, UnitLedgerEntry>(s => s.ApproveAsync(districtSecretary, declared.Id, note: "属实"));
        await Run<UnitPointsService, UnitLedgerEntry>(s => s.RecordAsync(system, book, LedgerSource.Claim,
            new UnitLedgerEntryRequest { Unit = grid, ItemCode = "volunteer-activity", OccurredOn = new LocalDate(2024, 3, 3), IdempotencyKey = "b" }));
        var replay = await Run<UnitPointsService, UnitLedgerEntry>(s => s.RecordAsync(system, book, LedgerSource.Claim,
            new UnitLedgerEntryRequest { Unit = grid, ItemCode = "volunteer-activity", OccurredOn = new LocalDate(2024, 3, 3), IdempotencyKey = "b" }));
        var published = await Run<UnitPointsService, UnitPublication>(s => s.PublishAsync(districtSecretary, book, AssessmentPeriod.Quarter(2024, 1), [grid]));

        var stored = await Run<UnitPointsService, UnitLedgerEntry>(s => s.GetAsync(declared.Id));
        Assert.Equal((LedgerEntryStatus.Approved, (MemberId?)new MemberId(90), (OrgUnitId?)district, "属实", (MemberId?)new MemberId(1)),
            (stored.Status, stored.ReviewedBy, stored.ReviewerUnit, stored.ReviewReason, stored.DeclaredBy));
        Assert.Equal(new UnitLedgerEntryId(2), replay.Id);
        var read = await Run<UnitPointsService, UnitPublication>(s => s.GetPublicationAsync(published.Id));
        Assert.Equal(
            published.Lines.Select(l => (l.Unit, l.Total, l.Vetoed, string.Join(",", l.CategoryTotals), string.Join(",", l.ItemCounts))),
            read.Lines.Select(l => (l.Unit, l.Total, l.Vetoed, string.Join(",", l.CategoryTotals), string.Join(",", l.ItemCounts))));
        var again = await Run<UnitPointsService, UnitPublication>(s => s.PublishAsync(districtSecretary, book, AssessmentPeriod.Quarter(2024, 1), [grid]));
        Assert.Equal(published.PublishedAt, again.PublishedAt); // the stored publication, read back and recognised
        Assert.Equal(Points.From(4), read.LineOf(grid).Total);
        var ranking = await Run<UnitPointsService, Scoring.Rankings.UnitRanking>(s => s.RankAsync(published.Id, street));
        Assert.Equal([grid], ranking.Rows.Select(r => r.Unit));

        await Run<OrganisationService, StationedUnit>(s => s.UpdateStationedUnitCountsAsync(system, new StationedUnitId(1), 25, 3, new LocalDate(2024, 4, 1)));
        await Run<OrganisationService, Member>(s => s.RegisterDualAsync(system, new MemberId(2), community, new Validity(new LocalDate(2024, 3, 1)), new StationedUnitId(1)));
        var firm = await Run<Persistence.IReadRepository<StationedUnit>, StationedUnit?>(r => r.GetByIdAsync(new StationedUnitId(1)));
        Assert.Equal(new StationedUnitCounts(20, 2), firm!.CountsOn(new LocalDate(2024, 3, 31)));
        Assert.Equal(new StationedUnitCounts(25, 3), firm.CountsOn(new LocalDate(2024, 4, 1)));
        var member = await Run<OrganisationQueries, Member>(q => q.GetMemberAsync(new MemberId(2)));
        Assert.Equal(new StationedUnitId(1), Assert.Single(member.DualRegistrations).Workplace);
    }

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteOrganisationPointsThroughTheStoreTests() : OrganisationPointsThroughTheStoreTests(TestDatabase.Sqlite());

/// <summary>On PostgreSQL (where <c>GG_POSTGRES</c> is set).</summary>
[RequiresPostgres]
public sealed class PostgresOrganisationPointsThroughTheStoreTests() : OrganisationPointsThroughTheStoreTests(TestDatabase.Postgres());
