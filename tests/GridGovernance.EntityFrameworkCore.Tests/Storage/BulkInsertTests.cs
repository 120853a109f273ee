using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using GridGovernance.EntityFrameworkCore.Documents;
using GridGovernance.EntityFrameworkCore.Storage;
using GridGovernance.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// The bulk insert (binary COPY on PostgreSQL, positional multi-row inserts on SQLite) against the row-by-row
/// INSERT statements, on each database: the same rows in every table, the same aggregates read back, the same
/// exception and nothing written on a duplicate id or idempotency key, and the same result below, at and above
/// <see cref="DocumentWriter.BulkThreshold"/>.
/// </summary>
public abstract class BulkInsertTests(Func<TestDatabase> create)
{
    private const int Threshold = DocumentWriter.BulkThreshold;
    private static readonly Instant At = Instant.FromUtc(2025, 1, 2, 3, 4, 5).PlusNanoseconds(123_456_789);

    /// <summary>A store on a fresh database with a bulk threshold (1: every add in bulk; int.MaxValue: never).</summary>
    private sealed class Store : IAsyncDisposable
    {
        private readonly TestDatabase database;

        private Store(TestDatabase database, ServiceProvider services)
        {
            this.database = database;
            Services = services;
        }

        public ServiceProvider Services { get; }

        public static async Task<Store> CreateAsync(Func<TestDatabase> create, int threshold)
        {
            var database = create();
            var services = new ServiceCollection()
                .AddGridGovernanceEntityFrameworkCore(o =>
                {
                    database.Use(o);
                    o.BulkInsertThreshold = threshold;
                })
                .AddGridGovernance(o => o.Schema = HierarchySchemas.Standard)
                .BuildServiceProvider();
            await GridGovernanceDatabase.MigrateAsync(services);
            return new Store(database, services);
        }

        public async Task<int> SaveAsync<T>(IEnumerable<T> aggregates)
            where T : class, IAggregateRoot
        {
            await using var scope = Services.CreateAsyncScope();
            var repository = scope.ServiceProvider.GetRequiredService<IRepository<T>>();
            await repository.AddRangeAsync(aggregates);
            return await repository.SaveChangesAsync();
        }

        public async Task ImportAsync(GeneratedCity city)
        {
            await using var scope = Services.CreateAsyncScope();
            await city.ImportAsync(scope.ServiceProvider.GetRequiredService<OrganisationService>());
        }

        /// <summary>Every row of every table of the model, in key order, as text: table by table.</summary>
        public async Task<SortedDictionary<string, List<string>>> RowsAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>();
            var connection = context.Database.GetDbConnection();
            await connection.OpenAsync();
            var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var entity in context.Model.GetEntityTypes())
            {
                string table = entity.GetTableName()!;
                var key = entity.FindPrimaryKey()!.Properties.Select(p => Q(p.GetColumnName()));
                var columns = entity.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal).ToArray();
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", columns.Select(Q))} FROM {Q(table)} ORDER BY {string.Join(", ", key)}";
                var rows = new List<string>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join(" | ", Enumerable.Range(0, columns.Length).Select(i => columns[i] + "=" + Text(reader.GetValue(i)))));
                }
                tables[table] = rows;
            }
            return tables;
        }

        /// <summary>Every stored aggregate of the roster and the ledger, as its document and version, in id order.</summary>
        public async Task<List<string>> AggregatesAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var all = new List<IAggregateRoot>();
            all.AddRange(await scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync());
            all.AddRange(await scope.ServiceProvider.GetRequiredService<IReadRepository<Member>>().ListAsync());
            all.AddRange(await scope.ServiceProvider.GetRequiredService<IReadRepository<Household>>().ListAsync());
            all.AddRange(await scope.ServiceProvider.GetRequiredService<IReadRepository<StationedUnit>>().ListAsync());
            all.AddRange(await scope.ServiceProvider.GetRequiredService<IReadRepository<LedgerEntry>>().ListAsync());
            return [.. all.Select(a => $"{a.GetType().Name} v{a.Version} {AggregateDocument.Serialize(a)}")];
        }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            database.Dispose();
        }

        private static string Text(object? value) => value switch
        {
            null or DBNull => "null",
            byte[] bytes => Convert.ToBase64String(bytes),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };

        private static string Q(string name) => "\"" + name + "\"";
    }

    /// <summary>Ledger entries of every shape the columns hold: tiers or none, evidence, reminders, reversals, odd text.</summary>
    private static Gen<LedgerEntry[]> Ledger(int first) =>
        Gen.Choose(0, 40).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), i =>
            from member in Gen.Choose(1, 50)
            from day in Gen.Choose(0, 365)
            from tier in Gen.Elements<string?>(null, "city", "省级")
            from evidence in Gen.Elements<string?>(null, "", "照片 'quoted' \"double\" \\ back", "\u00e9\U0001F600")
            from reminder in Gen.Elements(false, true)
            from points in Gen.Choose(-30_000, 30_000)
            from reversal in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            select Entry(first + i, member, day, tier, evidence, reminder, points, reversal)));

    private static LedgerEntry Entry(long id, int member, int day, string? tier, string? evidence, bool reminder, int units, bool reversal)
    {
        var entry = LedgerEntry.Record(new LedgerEntryId(id), "laiwu-2024", LedgerSource.Automatic, new LedgerEntryRequest
        {
            Member = new MemberId(member),
            ItemCode = "volunteer-award",
            OccurredOn = new LocalDate(2024, 1, 1).PlusDays(day),
            IdempotencyKey = $"key-{id}",
            Tier = tier,
            Evidence = evidence,
            AfterReminder = reminder,
        }, Points.FromUnits(units), LedgerActor.ForSystem("test"), At.PlusTicks(id));
        return reversal ? LedgerEntry.CreateReversal(new LedgerEntryId(id), entry, $"key-{id}", LedgerActor.ForSystem("test"), "wrong member", At) : entry;
    }

    [Fact]
    public async Task EveryAggregateOfTheLibrary_CanGoInBulk()
    {
        await using var store = await Store.CreateAsync(create, Threshold);
        await using var scope = store.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>();

        var refused = context.Store.Aggregates.Where(a => !DocumentWriter.CanBulkInsert(context, a.ClrType)).Select(a => a.Table).ToList();

        Assert.True(context.Store.Aggregates.Count >= 17);
        Assert.Empty(refused);
    }

    [Property(MaxTest = 5)]
    public Property ABulkSave_StoresExactlyWhatTheRowByRowSaveStores() =>
        Prop.ForAll(HierarchyArbitraries.City(), Ledger(1).ToArbitrary(), (city, ledger) =>
        {
            var (bulk, rows, bulkAggregates, rowAggregates) = BothWaysAsync(async store =>
            {
                await store.ImportAsync(city);
                await store.SaveAsync(ledger.Select(Copy));
            }).GetAwaiter().GetResult();
            return (bulk.Keys.SequenceEqual(rows.Keys) && bulk.All(t => t.Value.SequenceEqual(rows[t.Key])) && bulkAggregates.SequenceEqual(rowAggregates))
                .Label($"{city.Roster.Households.Count} households, {ledger.Length} ledger entries: tables differ: "
                    + string.Join(", ", bulk.Where(t => !t.Value.SequenceEqual(rows[t.Key])).Select(t => t.Key)));
        });

    [Theory]
    [InlineData(Threshold - 1)]
    [InlineData(Threshold)]
    [InlineData(Threshold + 1)]
    public async Task BelowAtAndAboveTheThreshold_TheDefaultStoreWritesWhatTheRowByRowSaveWrites(int entries)
    {
        var ledger = Enumerable.Range(1, entries).Select(i => Entry(i, 1 + i % 17, i % 300, i % 3 == 0 ? "city" : null, i % 5 == 0 ? "证据" : null, i % 2 == 0, i * 7, i % 11 == 0)).ToArray();
        await using var standard = await Store.CreateAsync(create, Threshold);
        await using var rowByRow = await Store.CreateAsync(create, int.MaxValue);

        Assert.Equal(entries, await standard.SaveAsync(ledger.Select(Copy)));
        Assert.Equal(entries, await rowByRow.SaveAsync(ledger.Select(Copy)));

        var expected = await rowByRow.RowsAsync();
        var actual = await standard.RowsAsync();
        Assert.Equal(entries, actual["LedgerEntries"].Count);
        Assert.Equal(expected, actual);
        Assert.Equal(await rowByRow.AggregatesAsync(), await standard.AggregatesAsync());
    }

    [Fact]
    public async Task AnImportAboveTheThreshold_GoesInBulk_AndReadsBackAsTheRowByRowImport()
    {
        // A community of ~2,500 households: the households and their child rows go in bulk with the default threshold.
        var city = CityGenerator.Generate(CitySize.Community, seed: 7);
        Assert.True(city.Roster.Households.Count > Threshold);
        await using var standard = await Store.CreateAsync(create, Threshold);
        await using var rowByRow = await Store.CreateAsync(create, int.MaxValue);

        await standard.ImportAsync(city);
        await rowByRow.ImportAsync(city);

        var actual = await standard.RowsAsync();
        Assert.Equal(city.Roster.Households.Count, actual["Households"].Count);
        Assert.Equal(await rowByRow.RowsAsync(), actual);
        Assert.Equal(await rowByRow.AggregatesAsync(), await standard.AggregatesAsync());
    }

    [Theory]
    [InlineData("id")]
    [InlineData("idempotency key")]
    [InlineData("id twice in the save")]
    public async Task ABulkSaveWithOneDuplicate_ChangesNothing_AndThrowsWhatTheRowByRowSaveThrows(string duplicate)
    {
        var stored = Enumerable.Range(1, 10).Select(i => Entry(i, 1, i, null, null, false, 100, false)).ToArray();
        var batch = Enumerable.Range(100, Threshold + 100).Select(i => Entry(i, 2, i % 300, null, null, false, 100, false)).ToArray();
        int at = Threshold / 2 + 37;
        batch[at] = duplicate switch
        {
            "id" => Entry(7, 2, 5, null, null, false, 100, false),
            "idempotency key" => Respell(Entry(batch[at].Id.Value, 2, 5, null, null, false, 100, false), "key-3"),
            _ => Entry(batch[at - 200].Id.Value, 2, 5, null, null, false, 100, false),
        };

        var errors = new List<GridGovernanceException>();
        foreach (int threshold in new[] { Threshold, int.MaxValue })
        {
            await using var store = await Store.CreateAsync(create, threshold);
            await store.SaveAsync(stored.Select(Copy));
            var before = await store.RowsAsync();

            errors.Add(await Assert.ThrowsAsync<GridGovernanceException>(() => store.SaveAsync(batch.Select(Copy))));

            Assert.Equal(before, await store.RowsAsync());
        }
        Assert.All(errors, e => Assert.Equal(ErrorCodes.DuplicateKey, e.Code));
        Assert.Equal(errors[1].Message, errors[0].Message);
        if (duplicate == "id")
        {
            Assert.Contains("LedgerEntry ledger:7 is already stored", errors[0].Message, StringComparison.Ordinal);
        }
    }

    // A fresh instance of an entry (a save sets the version of the instances it wrote).
    private static LedgerEntry Copy(LedgerEntry entry) =>
        (LedgerEntry)StoredForms.LedgerEntry.Restore(StoredForms.LedgerEntry.ToForm(entry), version: 0);

    private static LedgerEntry Respell(LedgerEntry entry, string key)
    {
        var form = StoredForms.LedgerEntry.ToForm(entry);
        return (LedgerEntry)StoredForms.LedgerEntry.Restore(form with { IdempotencyKey = key }, version: 0);
    }

    private async Task<(SortedDictionary<string, List<string>> Bulk, SortedDictionary<string, List<string>> Rows, List<string> BulkAggregates, List<string> RowAggregates)>
        BothWaysAsync(Func<Store, Task> write)
    {
        await using var bulk = await Store.CreateAsync(create, 1);
        await using var rows = await Store.CreateAsync(create, int.MaxValue);
        await write(bulk);
        await write(rows);
        return (await bulk.RowsAsync(), await rows.RowsAsync(), await bulk.AggregatesAsync(), await rows.AggregatesAsync());
    }
}

public sealed class SqliteBulkInsertTests() : BulkInsertTests(TestDatabase.Sqlite);

[RequiresPostgres]
public sealed class PostgresBulkInsertTests() : BulkInsertTests(TestDatabase.Postgres);
