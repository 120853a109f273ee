using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GridGovernance.EntityFrameworkCore;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using NpgsqlTypes;

namespace GridGovernance.Benchmarks.Storage;

/// <summary>
/// The measured step of docs/scaling.md (issue 15): one year's ledger read from a ledger of several years, partitioned by
/// period (PostgreSQL declarative partitioning, one partition a year) against the store's plain table, in the same run.
/// All read the column query <see cref="LedgerExport"/> runs on PostgreSQL (a binary <c>COPY (SELECT …) TO STDOUT</c> of
/// the year's approved entries of the rule book): <see cref="Plain"/> (the baseline) and <see cref="Partitioned"/> read
/// its rows and drop them, <see cref="Export_Plain"/> is <see cref="LedgerExport.ReadPeriodAsync(IServiceProvider, RuleBook, AssessmentPeriod, CancellationToken)"/>
/// itself on the plain table (the export's own cost on top of the COPY).
/// </summary>
/// <remarks>
/// The set-up loads <see cref="Entries"/> generated entries spread evenly over <see cref="Years"/> years (2024 and the
/// years before it) into the store's <c>LedgerEntries</c> with binary COPY (a placeholder document, as in
/// <see cref="LedgerExportBenchmarks"/>), then copies them server-side into <c>LedgerEntriesByYear</c>, partitioned by
/// range on <c>OccurredOn</c>, with its key (<c>Id</c>, <c>OccurredOn</c>) and an index on <c>OccurredOn</c>.
/// PostgreSQL only: partitioning is its feature.
/// </remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class PartitionedLedgerBenchmarks
{
    private const int Years = 5;
    private const string PartitionedTable = "LedgerEntriesByYear";

    private readonly RuleBook ruleBook = ScoringGenerator.Laiwu();
    private readonly AssessmentPeriod year = AssessmentPeriod.Year(2024);
    private ServiceProvider services = null!;
    private string connectionString = null!;
    private Action drop = () => { };
    private int expected;

    /// <summary>Entries in the whole ledger (all years); a year holds a fifth of them.</summary>
    [ParamsSource(nameof(Counts))]
    public int Entries { get; set; }

    // GG_LEDGER_ENTRIES sets the size by hand (10M by default, the size); CI's smoke run uses 10,000.
    public static IEnumerable<int> Counts => CitySizes.Names.Contains("community") ? [10_000]
        : [int.TryParse(Environment.GetEnvironmentVariable("GG_LEDGER_ENTRIES"), System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 10_000_000];

    [GlobalSetup]
    public void Setup()
    {
        if (!BenchDatabases.Names.Contains("postgres"))
        {
            throw new InvalidOperationException("PartitionedLedgerBenchmarks needs PostgreSQL: set GG_POSTGRES (bash .ci/postgres.sh prints it).");
        }
        (services, connectionString, drop) = BenchDatabases.Migrated("postgres");
        var roster = ScoringGenerator.Roster(Math.Max(100, Entries / 100), branches: 10, seed: 3);
        long nextId = 1;
        for (int y = 0; y < Years; y++)
        {
            // One year at a time, so that memory holds a fifth of the ledger.
            var period = AssessmentPeriod.Year(year.Start.Year - y);
            var generated = ScoringGenerator.Ledger(ruleBook, period, roster, Entries / Years, seed: 3 + y);
            nextId = Load(generated, nextId);
            if (y == 0)
            {
                expected = generated.Length;
            }
        }
        Execute(PartitionSql());
        if (Plain().GetAwaiter().GetResult() != expected || Partitioned().GetAwaiter().GetResult() != expected
            || Export_Plain().GetAwaiter().GetResult() != expected)
        {
            throw new InvalidOperationException("The plain table, the partitioned one and the export did not all read the year's entries.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services.Dispose();
        drop();
    }

    /// <summary>The export's column query on the store's plain table, rows read and dropped.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> Plain() => ReadAsync("LedgerEntries");

    /// <summary>The same query on the table partitioned by year: the plan scans the year's partition only.</summary>
    [Benchmark]
    public Task<int> Partitioned() => ReadAsync(PartitionedTable);

    /// <summary><see cref="LedgerExport.ReadPeriodAsync(IServiceProvider, RuleBook, AssessmentPeriod, CancellationToken)"/> on the plain table.</summary>
    [Benchmark]
    public async Task<int> Export_Plain() => (await LedgerExport.ReadPeriodAsync(services, ruleBook, year)).Count;

    // The SQL LedgerExport runs on PostgreSQL (NpgsqlStoreProvider.ReadLedgerAsync), on another table.
    private string ExportSql(string table)
    {
        string start = $"DATE '{Iso(year.Start)}'";
        return $"COPY (SELECT \"Member\", \"ItemCode\", \"OccurredOn\" - {start}, \"Id\", \"Points\", \"Tier\", \"AfterReminder\" "
            + $"FROM \"{table}\" WHERE \"RuleBookId\" = '{ruleBook.Id}' AND \"Status\" = {(int)LedgerEntryStatus.Approved} AND \"ReversalOf\" IS NULL "
            + $"AND \"OccurredOn\" BETWEEN {start} AND DATE '{Iso(year.End)}') TO STDOUT (FORMAT binary)";
    }

    private async Task<int> ReadAsync(string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var export = await connection.BeginBinaryExportAsync(ExportSql(table));
        return await LedgerBenchRows.DrainAsync(export, NpgsqlDbType.Integer);
    }

    private string PartitionSql()
    {
        var sql = new System.Text.StringBuilder();
        sql.Append(Inv, $"CREATE TABLE \"{PartitionedTable}\" (LIKE \"LedgerEntries\" INCLUDING DEFAULTS) PARTITION BY RANGE (\"OccurredOn\");");
        for (int y = year.Start.Year - Years + 1; y <= year.Start.Year; y++)
        {
            sql.Append(Inv, $"CREATE TABLE \"{PartitionedTable}_{y}\" PARTITION OF \"{PartitionedTable}\" FOR VALUES FROM ('{y}-01-01') TO ('{y + 1}-01-01');");
        }
        sql.Append(Inv, $"INSERT INTO \"{PartitionedTable}\" SELECT * FROM \"LedgerEntries\";");
        // A partitioned table's key includes the partition key (docs/scaling.md); indexes are made per partition.
        sql.Append(Inv, $"ALTER TABLE \"{PartitionedTable}\" ADD PRIMARY KEY (\"Id\", \"OccurredOn\");");
        sql.Append(Inv, $"CREATE INDEX ON \"{PartitionedTable}\" (\"OccurredOn\");");
        sql.Append(Inv, $"ANALYZE \"{PartitionedTable}\"; ANALYZE \"LedgerEntries\";");
        return sql.ToString();
    }

    private long Load(AssessmentEntry[] generated, long nextId)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        LedgerBenchRows.Copy(connection, ruleBook.Id, LedgerBenchRows.Of(ruleBook, generated, nextId));
        return nextId + generated.Length;
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
