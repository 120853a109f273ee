using System.Data.Common;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GridGovernance.EntityFrameworkCore;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using NpgsqlTypes;

namespace GridGovernance.Benchmarks.Storage;

/// <summary>
/// A year's ledger from the database to an assessed result (issue 15: 10M entries ≤ 10 s from PostgreSQL and ≤ 1.5×
/// the anchor, ≤ 20 s from SQLite): <see cref="LedgerExport.ReadPeriodAsync(IServiceProvider, RuleBook, AssessmentPeriod, CancellationToken)"/>
/// and <see cref="AssessmentEngine"/>. The anchor (baseline) reads the same columns of the same rows and does nothing
/// with them: on PostgreSQL a plain <c>COPY … TO STDOUT (FORMAT binary)</c>, on SQLite a plain reader.
/// </summary>
/// <remarks>
/// The set-up writes the ledger's columns in bulk (binary COPY, or one SQLite transaction of prepared inserts) with a
/// placeholder document, which the export never reads: writing 10M real documents through the repository would take
/// longer than every measurement together.
/// </remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class LedgerExportBenchmarks
{
    private const string Columns = "\"Member\", \"ItemCode\", \"OccurredOn\", \"Id\", \"Points\", \"Tier\", \"AfterReminder\"";

    private readonly RuleBook ruleBook = ScoringGenerator.Laiwu();
    private readonly AssessmentPeriod year = AssessmentPeriod.Year(2024);
    private IReadOnlyList<AssessmentSubject> roster = null!;
    private ServiceProvider services = null!;
    private string connectionString = null!;
    private Action drop = () => { };

    [ParamsSource(nameof(Counts))]
    public int Entries { get; set; }

    // GG_LEDGER_ENTRIES sets another size by hand (the in-process toolchain gives up on a set-up longer than five minutes,
    // which loading 10M rows takes on a loaded machine).
    public static IEnumerable<int> Counts => CitySizes.Names.Contains("community") ? [10_000]
        : [int.TryParse(Environment.GetEnvironmentVariable("GG_LEDGER_ENTRIES"), System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 10_000_000];

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    public static IEnumerable<string> Databases => BenchDatabases.Names;

    [GlobalSetup]
    public void Setup()
    {
        roster = ScoringGenerator.Roster(Math.Max(100, Entries / 100), branches: 10, seed: 3);
        (services, connectionString, drop) = BenchDatabases.Migrated(Database);
        var generated = ScoringGenerator.Ledger(ruleBook, year, roster, Entries, seed: 3);
        if (Database == "sqlite")
        {
            LoadSqlite(generated);
        }
        else
        {
            LoadPostgres(generated);
        }
        if (ExportAndAssess().GetAwaiter().GetResult() != Entries || Anchor().GetAwaiter().GetResult() != Entries)
        {
            throw new InvalidOperationException("The export and the anchor did not both read every entry.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services.Dispose();
        drop();
    }

    /// <summary>The same columns of the same rows, read and dropped.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Anchor()
    {
        string where = $"WHERE \"RuleBookId\" = '{ruleBook.Id}' AND \"Status\" = {(int)LedgerEntryStatus.Approved} AND \"ReversalOf\" IS NULL "
            + $"AND \"OccurredOn\" >= '{Iso(year.Start)}' AND \"OccurredOn\" <= '{Iso(year.End)}'";
        int count = 0;
        if (Database == "sqlite")
        {
            await using var sqlite = new SqliteConnection(connectionString);
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM \"LedgerEntries\" {where}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = reader.GetInt32(0);
                _ = reader.GetString(1);
                _ = reader.GetString(2);
                _ = reader.GetInt64(3);
                _ = reader.GetInt64(4);
                _ = reader.IsDBNull(5) ? null : reader.GetString(5);
                _ = reader.GetBoolean(6);
                count++;
            }
            return count;
        }
        await using var postgres = new NpgsqlConnection(connectionString);
        await postgres.OpenAsync();
        await using var export = await postgres.BeginBinaryExportAsync($"COPY (SELECT {Columns} FROM \"LedgerEntries\" {where}) TO STDOUT (FORMAT binary)");
        return await LedgerBenchRows.DrainAsync(export, NpgsqlDbType.Date);
    }

    /// <summary>The period's ledger out of the database's columns and assessed.</summary>
    [Benchmark]
    public async Task<int> ExportAndAssess()
    {
        var ledger = await LedgerExport.ReadPeriodAsync(services, ruleBook, year);
        var result = AssessmentEngine.Assess(ruleBook, year, roster, ledger);
        return result.Count > 0 ? ledger.Count : -1;
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private void LoadPostgres(AssessmentEntry[] generated)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        LedgerBenchRows.Copy(connection, ruleBook.Id, LedgerBenchRows.Of(ruleBook, generated, firstId: 1));
        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE \"LedgerEntries\"";
        analyze.ExecuteNonQuery();
    }

    private void LoadSqlite(AssessmentEntry[] generated)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"LedgerEntries\" ({LedgerBenchRows.Columns}) VALUES ($id, 1, '{{}}', $book, $member, $status, $on, $item, $points, $tier, $reminder, $at)";
        var parameters = new[] { "$id", "$book", "$member", "$status", "$on", "$item", "$points", "$tier", "$reminder", "$at" }
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        command.Prepare();
        foreach (var row in LedgerBenchRows.Of(ruleBook, generated, firstId: 1))
        {
            Set(parameters, row.Id, ruleBook.Id, row.Member, (int)LedgerEntryStatus.Approved, Iso(row.OccurredOn), row.ItemCode, row.Points,
                (object?)row.Tier ?? DBNull.Value, row.AfterReminder, row.RecordedAt.ToUnixTimeTicks());
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static void Set(DbParameter[] parameters, params object[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i];
        }
    }

}
