using System.Globalization;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GridGovernance.Benchmarks.Storage;

/// <summary>
/// The bytes a row of each table takes on PostgreSQL (heap, TOAST and indexes: <c>pg_total_relation_size</c>), for
/// docs/scaling.md: the import city's roster imported and a ledger of the Laiwu book appended through the store, as
/// the benchmarks write them, then vacuumed and analysed. Not a benchmark: run it by hand
/// (<c>row-sizes [ledger entries]</c>, <c>GG_POSTGRES</c> set); it drops its database at the end.
/// </summary>
internal static class RowSizes
{
    public static void Run(int ledgerEntries, TextWriter output)
    {
        if (!BenchDatabases.Names.Contains("postgres"))
        {
            throw new InvalidOperationException("row-sizes needs PostgreSQL: set GG_POSTGRES (see .ci/postgres.sh).");
        }
        var (services, connectionString, drop) = BenchDatabases.Migrated("postgres");
        try
        {
            using (services)
            {
                var city = CityGenerator.Generate(RosterImportBenchmarks.ImportCity, seed: 42);
                using (var scope = services.CreateScope())
                {
                    scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(GeneratedCity.Importer, city.Roster, city.Date).GetAwaiter().GetResult();
                }
                var book = ScoringGenerator.Laiwu();
                var generated = ScoringGenerator.Ledger(book, AssessmentPeriod.Year(2024), ScoringGenerator.Roster(Math.Max(100, ledgerEntries / 100), branches: 10, seed: 3), ledgerEntries, seed: 3);
                foreach (var chunk in LedgerAppendBenchmarks.Aggregates(book, generated, withTiers: true).Chunk(100_000))
                {
                    using var scope = services.CreateScope();
                    var repository = scope.ServiceProvider.GetRequiredService<IRepository<LedgerEntry>>();
                    repository.AddRangeAsync(chunk).AsTask().GetAwaiter().GetResult();
                    repository.SaveChangesAsync().GetAwaiter().GetResult();
                }
            }
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using (var vacuum = connection.CreateCommand())
            {
                vacuum.CommandText = "VACUUM ANALYZE";
                vacuum.CommandTimeout = 0;
                vacuum.ExecuteNonQuery();
            }
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            output.WriteLine("| Table | Rows | Heap + TOAST | Indexes | Total | Bytes a row (total) | Document (average) |");
            output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (string table in tables)
            {
                using var size = connection.CreateCommand();
                bool hasDocument = HasColumn(connection, table, "Document");
                size.CommandText = $"SELECT count(*), pg_table_size('\"{table}\"'), pg_indexes_size('\"{table}\"'), pg_total_relation_size('\"{table}\"'), "
                    + (hasDocument ? "coalesce(avg(pg_column_size(\"Document\")), 0)" : "0") + $" FROM \"{table}\"";
                using var reader = size.ExecuteReader();
                reader.Read();
                long rows = reader.GetInt64(0);
                if (rows == 0)
                {
                    continue;
                }
                long heap = reader.GetInt64(1), indexes = reader.GetInt64(2), total = reader.GetInt64(3);
                double document = Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| `{table}` | {rows:N0} | {heap / 1048576.0:N1} MB | {indexes / 1048576.0:N1} MB | {total / 1048576.0:N1} MB | {(double)total / rows:N0} | {(hasDocument ? document.ToString("N0", CultureInfo.InvariantCulture) : "—")} |"));
            }
        }
        finally
        {
            drop();
        }
    }

    private static bool HasColumn(NpgsqlConnection connection, string table, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t AND column_name = @c)";
        command.Parameters.AddWithValue("t", table);
        command.Parameters.AddWithValue("c", column);
        return (bool)command.ExecuteScalar()!;
    }
}
