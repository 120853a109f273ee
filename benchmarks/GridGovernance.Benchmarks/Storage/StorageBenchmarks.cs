using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GridGovernance.EntityFrameworkCore;
using GridGovernance.EntityFrameworkCore.Documents;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Specifications;
using GridGovernance.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace GridGovernance.Benchmarks.Storage;

/// <summary>
/// The database a storage benchmark runs on: SQLite always, PostgreSQL where <c>GG_POSTGRES</c> names a server;
/// <c>GG_BENCH_DATABASES</c> (<c>sqlite</c>, <c>postgres</c>, comma-separated) keeps only those.
/// </summary>
internal static class BenchDatabases
{
    public static IEnumerable<string> Names
    {
        get
        {
            string[] all = Environment.GetEnvironmentVariable("GG_POSTGRES") is { Length: > 0 } ? ["sqlite", "postgres"] : ["sqlite"];
            return Environment.GetEnvironmentVariable("GG_BENCH_DATABASES") is { Length: > 0 } only
                ? all.Where(n => only.Split(',', StringSplitOptions.TrimEntries).Contains(n, StringComparer.OrdinalIgnoreCase)).ToArray()
                : all;
        }
    }

    /// <summary>A fresh, empty database; returns how to point the store at it and how to drop it.</summary>
    public static (Action<GridGovernanceStoreOptions> Use, string ConnectionString, Action Drop) Fresh(string kind)
    {
        if (kind == "sqlite")
        {
            string file = Path.Combine(Path.GetTempPath(), $"gg-bench-{Guid.NewGuid():N}.db");
            string connection = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
            return (o => o.UseSqlite(connection), connection, () =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(path);
                }
            });
        }
        string server = Environment.GetEnvironmentVariable("GG_POSTGRES")!;
        string name = $"gg_bench_{Guid.NewGuid():N}";
        Execute(server, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        string database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return (o => o.UseNpgsql(database), database, () =>
        {
            NpgsqlConnection.ClearAllPools();
            Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    /// <summary>A fresh database, migrated, with services pointed at it; returns them, its connection string and how to drop it.</summary>
    public static (ServiceProvider Services, string ConnectionString, Action Drop) Migrated(string kind)
    {
        var (use, connectionString, drop) = Fresh(kind);
        var services = Services(use);
        GridGovernanceDatabase.MigrateAsync(services).GetAwaiter().GetResult();
        return (services, connectionString, drop);
    }

    public static ServiceProvider Services(Action<GridGovernanceStoreOptions>? use, CitySize? size = null)
    {
        var services = new ServiceCollection();
        if (use is not null)
        {
            services.AddGridGovernanceEntityFrameworkCore(use);
        }
        services.AddGridGovernance(o =>
        {
            if (size is not null)
            {
                o.Schema = HierarchySchemas.Standard;
            }
        });
        return services.BuildServiceProvider();
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// Importing a city roster (issue 7: 100k members and 1M households, ≤ 60 s into SQLite and into PostgreSQL) through
/// <see cref="OrganisationService.ImportAsync"/>, the integrator's path: validation, aggregates, one all-or-nothing
/// save. The anchor is the same import into the in-memory store. One cold iteration per database, each into a fresh one.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class RosterImportBenchmarks
{
    // 178 communities of 20–25 grids, 20–30 members and 200–300 households a grid: ~100k members, ~1M households.
    internal static readonly CitySize ImportCity = new("import", 12, 178, new(20, 25), new(2, 4), new(20, 30), new(200, 300), new(0, 2));

    private GeneratedCity city = null!;
    private ServiceProvider services = null!;
    private Action drop = () => { };

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "import";

    public static IEnumerable<string> Sizes => CitySizes.Names.Select(n => n == "community" ? "community" : "import").Distinct();

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    public static IEnumerable<string> Databases => ["memory", .. BenchDatabases.Names];

    [GlobalSetup]
    public void Setup()
    {
        city = CityGenerator.Generate(Size == "community" ? CitySize.Community : ImportCity, seed: 42);
        Console.WriteLine($"// roster: {city.Roster.Units.Count:N0} units, {city.Roster.Members.Count:N0} members, {city.Roster.Households.Count:N0} households");
    }

    [IterationSetup]
    public void FreshDatabase()
    {
        if (Database == "memory")
        {
            services = BenchDatabases.Services(null);
            return;
        }
        (services, _, drop) = BenchDatabases.Migrated(Database);
    }

    [IterationCleanup]
    public void DropDatabase()
    {
        services.Dispose();
        drop();
        drop = () => { };
    }

    [Benchmark]
    public async Task<int> ImportRoster()
    {
        await using var scope = services.CreateAsyncScope();
        var imported = await scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(GeneratedCity.Importer, city.Roster, city.Date);
        return imported.Households;
    }
}

/// <summary>
/// Streaming a year's ledger out of the database into assessment entries, without tracking (issue 7): through the
/// repository (a translated specification, documents materialised into <see cref="LedgerEntry"/> aggregates) against
/// plain ADO.NET reading the same rows with the same SQL order and the same document reader. Reported per run of
/// <see cref="Entries"/> entries; entries per second = Entries / time.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class LedgerStreamingBenchmarks
{
    private RuleBook ruleBook = null!;
    private AssessmentPeriod year = null!;
    private Specification<LedgerEntry, (int Member, LocalDate OccurredOn)> assessmentRows = null!;
    private ServiceProvider services = null!;
    private string connectionString = null!;
    private Action drop = () => { };

    [ParamsSource(nameof(Counts))]
    public int Entries { get; set; }

    public static IEnumerable<int> Counts => CitySizes.Names.Contains("community") ? [10_000] : [1_000_000];

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    public static IEnumerable<string> Databases => BenchDatabases.Names;

    [GlobalSetup]
    public void Setup()
    {
        ruleBook = ScoringGenerator.Laiwu();
        year = AssessmentPeriod.Year(2024);
        string book = ruleBook.Id;
        LocalDate start = year.Start, end = year.End;
        assessmentRows = Specification.Create<LedgerEntry, (int Member, LocalDate OccurredOn)>(q => q
            .Select(e => ValueTuple.Create(e.Member.Value, e.OccurredOn))
            .Where(e => e.RuleBookId == book && e.Status == LedgerEntryStatus.Approved && e.ReversalOf == null && e.OccurredOn >= start && e.OccurredOn <= end)
            .OrderBy(e => e.Member.Value).ThenBy(e => e.Id.Value));
        (services, connectionString, drop) = BenchDatabases.Migrated(Database);

        var roster = ScoringGenerator.Roster(Math.Max(100, Entries / 100), branches: 10, seed: 3);
        var generated = ScoringGenerator.Ledger(ruleBook, year, roster, Entries, seed: 3);
        var at = Instant.FromUtc(2025, 1, 2, 0, 0);
        foreach (var chunk in generated.Chunk(100_000))
        {
            using var scope = services.CreateScope();
            var entries = scope.ServiceProvider.GetRequiredService<IRepository<LedgerEntry>>();
            foreach (var e in chunk)
            {
                var request = new LedgerEntryRequest
                {
                    Member = e.Member,
                    ItemCode = ruleBook.Items[e.ItemIndex].Code,
                    OccurredOn = e.OccurredOn,
                    IdempotencyKey = $"bench-{e.Sequence + 1}",
                };
                entries.AddAsync(LedgerEntry.Record(new LedgerEntryId(e.Sequence + 1), ruleBook.Id, LedgerSource.Automatic, request,
                    Points.From(1), LedgerActor.ForSystem("benchmark"), at)).AsTask().GetAwaiter().GetResult();
            }
            entries.SaveChangesAsync().GetAwaiter().GetResult();
        }
        if (Repository().GetAwaiter().GetResult() != Entries || AdoNet().GetAwaiter().GetResult() != Entries)
        {
            throw new InvalidOperationException("The repository and ADO.NET did not both read every entry.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services.Dispose();
        drop();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> AdoNet()
    {
        await using var connection = Database == "sqlite" ? (System.Data.Common.DbConnection)new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Document\" FROM \"LedgerEntries\" ORDER BY \"Member\", \"Id\"";
        await using var reader = await command.ExecuteReaderAsync();
        int count = 0;
        while (await reader.ReadAsync())
        {
            var entry = (LedgerEntry)AggregateDocument.Deserialize(typeof(LedgerEntry), reader.GetString(0));
            count += ToAssessment(entry);
        }
        return count;
    }

    [Benchmark]
    public async Task<int> Repository()
    {
        await using var scope = services.CreateAsyncScope();
        var entries = scope.ServiceProvider.GetRequiredService<IReadRepository<LedgerEntry>>();
        int count = 0;
        await foreach (var entry in entries.AsAsyncEnumerable(new LedgerEntriesForAssessment(ruleBook.Id, year.Start, year.End)))
        {
            count += ToAssessment(entry);
        }
        return count;
    }

    /// <summary>The same rows as <see cref="Repository"/>, projected: only the member and date columns are read (issue 15).</summary>
    [Benchmark]
    public async Task<int> Projection()
    {
        await using var scope = services.CreateAsyncScope();
        var entries = scope.ServiceProvider.GetRequiredService<IReadRepository<LedgerEntry>>();
        var rows = await entries.ListAsync(assessmentRows);
        return rows.Count;
    }

    private int ToAssessment(LedgerEntry entry)
    {
        var assessed = new AssessmentEntry(entry.Member, ruleBook.IndexOfItem(entry.ItemCode), entry.OccurredOn, entry.Id.Value);
        return assessed.ItemIndex >= 0 ? 1 : 0;
    }
}
