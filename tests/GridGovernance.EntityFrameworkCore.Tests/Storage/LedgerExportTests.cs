using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Authority;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// <see cref="LedgerExport"/> reads, from columns only, exactly the ledger the repository's export gives: the same
/// entries, so the same assessment (a subclass per database).
/// </summary>
public abstract class LedgerExportTests(Func<TestDatabase> databases)
{
    private static readonly RuleBook Book = ScoringGenerator.Laiwu();
    private static readonly AssessmentPeriod Year = AssessmentPeriod.Year(2024);
    private static readonly IReadOnlyList<AssessmentSubject> Roster = ScoringGenerator.Roster(40, branches: 4, seed: 5);
    private static readonly Instant At = Instant.FromUtc(2025, 1, 2, 9, 0);

    // The rule: for any ledger (entries in every state, of other rule books, outside the period, reversed, with tiers,
    // discretionary values and reminders), the column export and the repository's export hold the same entries and
    // assess to the same result.
    [Property(MaxTest = 6, Arbitrary = [typeof(Seeds)])]
    public void ColumnExport_AssessesLikeTheRepositoryExport(int seed)
    {
        using var database = databases();
        using var services = Services(database);
        var written = Write(services, GenerateLedger(seed, 250));

        var (columns, repository) = ReadBoth(services);

        Assert.Equal(Sorted(repository), Sorted(columns));
        Assert.Equal(written.Counted, columns.Count);
        var expected = AssessmentEngine.Assess(Book, Year, Roster, repository);
        var actual = AssessmentEngine.Assess(Book, Year, Roster, columns);
        Assert.Equal(Summary(expected), Summary(actual));
    }

    [Fact]
    public void ColumnExport_LeavesOutWhatAnAssessmentDoesNotCount()
    {
        using var database = databases();
        using var services = Services(database);
        var member = Roster[0].Member;
        var entries = new List<LedgerEntry>
        {
            Recorded(1, member, "volunteer-award", new LocalDate(2024, 3, 1)),        // counts
            Recorded(2, member, "volunteer-award", new LocalDate(2023, 12, 31)),      // before the period
            Recorded(3, member, "volunteer-award", new LocalDate(2025, 1, 1)),        // after it
            Recorded(4, member, "volunteer-award", new LocalDate(2024, 3, 2), book: "another-book"),
            LedgerEntry.Declare(new LedgerEntryId(5), Book.Id, Request(member, "volunteer-award", new LocalDate(2024, 3, 3), 5), Points.From(1), LedgerActor.ForSystem("t"), At),
            Recorded(6, member, "volunteer-award", new LocalDate(2024, 12, 31)),      // counts: the last day
        };
        var reversed = Recorded(7, member, "volunteer-award", new LocalDate(2024, 5, 1));
        var reversal = LedgerEntry.CreateReversal(new LedgerEntryId(8), reversed, "rev-7", LedgerActor.ForSystem("t"), "wrong member", At);
        reversed.MarkReversed(reversal.Id, LedgerActor.ForSystem("t"), "wrong member");
        entries.AddRange([reversed, reversal]);
        Save(services, entries);

        var (columns, repository) = ReadBoth(services);

        Assert.Equal([1L, 6L], columns.ToArray().Select(e => e.Sequence).Order());
        Assert.Equal(Sorted(repository), Sorted(columns));
        Assert.Equal([new LocalDate(2024, 3, 1), new LocalDate(2024, 12, 31)], columns.ToArray().Select(e => e.OccurredOn).Order());
    }

    // PostgreSQL sends the member, the day and the reminder packed in one bigint: the largest member id, the first and
    // the last day of the period and both reminder flags must come back as they were written.
    [Fact]
    public void ColumnExport_KeepsTheLargestMemberId_ThePeriodsFirstAndLastDay_AndTheReminder()
    {
        using var database = databases();
        using var services = Services(database);
        var largest = new MemberId(int.MaxValue);
        var first = new LocalDate(2024, 1, 1);
        var last = new LocalDate(2024, 12, 31);
        LedgerEntry Entry(long id, MemberId member, LocalDate on, bool reminder) =>
            LedgerEntry.Record(new LedgerEntryId(id), Book.Id, LedgerSource.Automatic, Request(member, "volunteer-award", on, id) with { AfterReminder = reminder },
                Points.From(1), LedgerActor.ForSystem("t"), At);
        Save(services, [Entry(1, largest, first, true), Entry(2, largest, last, false), Entry(3, new MemberId(1), last, true), Entry(4, new MemberId(1), first, false)]);

        var (columns, repository) = ReadBoth(services);

        Assert.Equal(Sorted(repository), Sorted(columns));
        Assert.Equal(
            [(1, largest, first, true), (2, largest, last, false), (3, new MemberId(1), last, true), (4, new MemberId(1), first, false)],
            columns.ToArray().Select(e => ((int)e.Sequence, e.Member, e.OccurredOn, e.AfterReminder)).OrderBy(e => e.Item1));
    }

    // SQLite's reader looks item codes up from their UTF-8 bytes (codes of up to 64 characters without making a string,
    // longer ones through a string): codes in Chinese, a 100-character code and an unknown long code must read as the
    // repository reads them, and the unknown one be named in the refusal.
    [Fact]
    public async Task ItemCodesInChinese_AndLongerThanTheLookUpsBuffer_ReadAsByTheRepository()
    {
        using var database = databases();
        using var services = Services(database);
        string longCode = new('x', 100);
        var book = RuleBook.Create(new RuleBookDefinition
        {
            Id = "codes-book",
            Name = "codes",
            Categories = [new ScoreCategory("c", "category")],
            Items =
            [
                new RuleItem("志愿服务", "c", "志愿服务", [new RuleItemVersion { EffectiveFrom = Year.Start, Kind = ItemKind.Fixed, Points = Points.From(2) }]),
                new RuleItem(longCode, "c", "long", [new RuleItemVersion { EffectiveFrom = Year.Start, Kind = ItemKind.Fixed, Points = Points.From(3) }]),
                new RuleItem("plain", "c", "plain", [new RuleItemVersion { EffectiveFrom = Year.Start, Kind = ItemKind.Fixed, Points = Points.From(1) }]),
            ],
        });
        var member = Roster[0].Member;
        LedgerEntry Entry(long id, string item, int day) =>
            LedgerEntry.Record(new LedgerEntryId(id), book.Id, LedgerSource.Automatic, Request(member, item, Year.Start.PlusDays(day), id), Points.From(1), LedgerActor.ForSystem("t"), At);
        Save(services, [Entry(1, "志愿服务", 0), Entry(2, longCode, 1), Entry(3, "plain", 2), Entry(4, "志愿服务", 3), Entry(5, longCode, 4)]);

        var columns = await LedgerExport.ReadPeriodAsync(services, book, Year);
        AssessmentEntryColumns repository;
        using (var scope = services.CreateScope())
        {
            repository = await new LedgerExportService(scope.ServiceProvider.GetRequiredService<IReadRepository<LedgerEntry>>()).ExportColumnsForAssessmentAsync(book, Year);
        }

        Assert.Equal(Sorted(repository), Sorted(columns));
        Assert.Equal([0, 1, 2, 0, 1], columns.ToArray().OrderBy(e => e.Sequence).Select(e => e.ItemIndex));

        string unknownLong = new('y', 90);
        Save(services, [Entry(6, unknownLong, 5), Entry(7, "未知项目", 6)]);
        var refused = await Assert.ThrowsAsync<GridGovernanceException>(() => LedgerExport.ReadPeriodAsync(services, book, Year));
        Assert.Equal(ErrorCodes.LedgerUnknownItem, refused.Code);
        Assert.Contains(unknownLong, refused.Message);
        Assert.Contains("未知项目", refused.Message);
    }

    [Fact]
    public async Task AnItemTheRuleBookDoesNotHave_IsRefusedAsByTheRepository()
    {
        using var database = databases();
        using var services = Services(database);
        Save(services, [Recorded(1, Roster[0].Member, "volunteer-award", new LocalDate(2024, 3, 1)), Recorded(2, Roster[1].Member, "no-such-item", new LocalDate(2024, 3, 1))]);

        var error = await Assert.ThrowsAsync<GridGovernanceException>(() => LedgerExport.ReadPeriodAsync(services, Book, Year));

        Assert.Equal(ErrorCodes.LedgerUnknownItem, error.Code);
        Assert.Contains("no-such-item", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntriesSavedBeforeTheColumns_AreRefused_UntilBackfilled()
    {
        using var database = databases();
        using var services = Services(database);
        var written = Write(services, GenerateLedger(11, 120));
        await using (var scope = services.CreateAsyncScope())
        {
            // What a database upgraded by the ReadModel migration holds for entries saved before it.
            var context = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>();
            await context.Database.ExecuteSqlRawAsync("UPDATE \"LedgerEntries\" SET \"ItemCode\" = NULL, \"Points\" = 0, \"Tier\" = NULL, \"AfterReminder\" = FALSE WHERE \"Id\" % 3 = 0");
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => LedgerExport.ReadPeriodAsync(services, Book, Year));
        int filled = await LedgerExport.BackfillColumnsAsync(services);
        int again = await LedgerExport.BackfillColumnsAsync(services);
        var (columns, repository) = ReadBoth(services);

        Assert.Contains(nameof(LedgerExport.BackfillColumnsAsync), refused.Message, StringComparison.Ordinal);
        Assert.Equal(written.All / 3, filled);
        Assert.Equal(0, again);
        Assert.Equal(Sorted(repository), Sorted(columns));
    }

    [Fact]
    public async Task TheColumnsHoldTheEntrysValues()
    {
        using var database = databases();
        using var services = Services(database);
        var entry = LedgerEntry.Declare(new LedgerEntryId(1), Book.Id, Request(Roster[0].Member, "volunteer-award", new LocalDate(2024, 3, 1), 1), Points.From(3), LedgerActor.ForSystem("t"), At);
        entry.Approve(Actor.System("review"), LedgerActor.ForSystem("review"), Points.From(4), null, At + Duration.FromHours(2));
        Save(services, [entry]);

        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>();
        var row = await context.Rows("LedgerEntries").SingleAsync();

        Assert.Equal("volunteer-award", row["ItemCode"]);
        Assert.Equal(Points.From(4).Units, row["Points"]);
        Assert.Equal(At, row["RecordedAt"]);
        Assert.Equal(At + Duration.FromHours(2), row["ReviewedAt"]);
        Assert.Equal(false, row["AfterReminder"]);
    }

    /// <summary>Seeds for the generated ledgers.</summary>
    public static class Seeds
    {
        /// <summary>A seed.</summary>
        public static Arbitrary<int> Seed() => Gen.Choose(1, 100_000).ToArbitrary();
    }

    private sealed record Written(int All, int Counted);

    private static ServiceProvider Services(TestDatabase database)
    {
        var collection = new ServiceCollection();
        database.AddStore(collection);
        var services = collection.AddGridGovernance().BuildServiceProvider();
        GridGovernanceDatabase.MigrateAsync(services).GetAwaiter().GetResult();
        return services;
    }

    // Entries of every kind the export must tell apart, from a generated year of entries.
    private static List<LedgerEntry> GenerateLedger(int seed, int count)
    {
        var random = new Random(seed);
        var generated = ScoringGenerator.Ledger(Book, Year, Roster, count, seed);
        var entries = new List<LedgerEntry>();
        long next = 1;
        foreach (var g in generated)
        {
            var item = Book.Items[g.ItemIndex];
            var version = item.Versions[0];
            var request = Request(g.Member, item.Code, random.Next(8) == 0 ? g.OccurredOn.PlusYears(random.Next(2) * 2 - 1) : g.OccurredOn, next) with
            {
                Tier = version.Kind == ItemKind.Tiered ? (random.Next(10) == 0 ? "no-such-tier" : version.Tiers[g.Tier].Code) : null,
                AfterReminder = g.AfterReminder,
            };
            var points = version.Kind == ItemKind.Discretionary ? g.Value : version.Points;
            long id = next++;
            switch (random.Next(10))
            {
                case 0:
                    entries.Add(LedgerEntry.Declare(new LedgerEntryId(id), Book.Id, request, points, LedgerActor.ForSystem("t"), At));
                    break;
                case 1:
                    var rejected = LedgerEntry.Declare(new LedgerEntryId(id), Book.Id, request, points, LedgerActor.ForSystem("t"), At);
                    rejected.Reject(Actor.System("review"), LedgerActor.ForSystem("review"), "no evidence", At);
                    entries.Add(rejected);
                    break;
                case 2:
                    var original = LedgerEntry.Record(new LedgerEntryId(id), Book.Id, LedgerSource.Automatic, request, points, LedgerActor.ForSystem("t"), At);
                    var reversal = LedgerEntry.CreateReversal(new LedgerEntryId(next++), original, $"rev-{id}", LedgerActor.ForSystem("t"), "wrong", At);
                    original.MarkReversed(reversal.Id, LedgerActor.ForSystem("t"), "wrong");
                    entries.AddRange([original, reversal]);
                    break;
                case 3:
                    entries.Add(LedgerEntry.Record(new LedgerEntryId(id), "another-book", LedgerSource.Automatic, request, points, LedgerActor.ForSystem("t"), At));
                    break;
                case 4:
                    // Approved by a reviewer who changed a discretionary value.
                    var declared = LedgerEntry.Declare(new LedgerEntryId(id), Book.Id, request, points, LedgerActor.ForSystem("t"), At);
                    declared.Approve(Actor.System("review"), LedgerActor.ForSystem("review"), version.Kind == ItemKind.Discretionary ? version.Maximum!.Value : points, null, At);
                    entries.Add(declared);
                    break;
                default:
                    entries.Add(LedgerEntry.Record(new LedgerEntryId(id), Book.Id, LedgerSource.Automatic, request, points, LedgerActor.ForSystem("t"), At));
                    break;
            }
        }
        return entries;
    }

    private static Written Write(ServiceProvider services, List<LedgerEntry> entries)
    {
        Save(services, entries);
        int counted = entries.Count(e => e.RuleBookId == Book.Id && e.CountsInAssessment && Year.Contains(e.OccurredOn));
        return new Written(entries.Count, counted);
    }

    private static void Save(ServiceProvider services, IEnumerable<LedgerEntry> entries)
    {
        using var scope = services.CreateScope();
        var repository = scope.ServiceProvider.GetRequiredService<IRepository<LedgerEntry>>();
        repository.AddRangeAsync(entries).AsTask().GetAwaiter().GetResult();
        repository.SaveChangesAsync().GetAwaiter().GetResult();
    }

    private static (AssessmentEntryColumns Columns, AssessmentEntryColumns Repository) ReadBoth(ServiceProvider services)
    {
        var columns = LedgerExport.ReadPeriodAsync(services, Book, Year).GetAwaiter().GetResult();
        using var scope = services.CreateScope();
        var repository = new LedgerExportService(scope.ServiceProvider.GetRequiredService<IReadRepository<LedgerEntry>>())
            .ExportColumnsForAssessmentAsync(Book, Year).GetAwaiter().GetResult();
        return (columns, repository);
    }

    private static LedgerEntry Recorded(long id, MemberId member, string item, LocalDate on, string? book = null) =>
        LedgerEntry.Record(new LedgerEntryId(id), book ?? Book.Id, LedgerSource.Automatic, Request(member, item, on, id), Points.From(1), LedgerActor.ForSystem("t"), At);

    private static LedgerEntryRequest Request(MemberId member, string item, LocalDate on, long key) =>
        new() { Member = member, ItemCode = item, OccurredOn = on, IdempotencyKey = $"key-{key}" };

    private static AssessmentEntry[] Sorted(AssessmentEntryColumns ledger) =>
        [.. ledger.ToArray().OrderBy(e => e.Member.Value).ThenBy(e => e.Sequence)];

    private static string[] Summary(AssessmentResult result) =>
        [.. result.Members.Select(m => $"{m.Member} {m.Awarded} {m.Deducted} {m.Clipped} {m.Score} {m.Vetoed} {m.IgnoredEntries} {string.Join(",", m.CategoryTotals)}")];
}

public sealed class SqliteLedgerExportTests() : LedgerExportTests(TestDatabase.Sqlite);

[RequiresPostgres]
public sealed class PostgresLedgerExportTests() : LedgerExportTests(TestDatabase.Postgres);
