using System.Diagnostics;
using System.Globalization;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// A roster import killed during its save (issue 15), on each database: a child process
/// (tests/GridGovernance.ImportKillHost) imports a generated street of 20,000 households in one save and is killed
/// with its process tree once the save's transaction has started; the database then holds exactly what it held
/// before (every table's count), reports itself healthy with no pending migration, and the same import run again
/// succeeds with every row.
/// </summary>
public abstract class ImportKillTests(string kind, Func<TestDatabase> create)
{
    // 8 communities of 10 grids of 250 households: the save (bulk inserts of 20,000 households and their child rows)
    // takes far longer than the moment between its transaction starting and the kill.
    private const int Communities = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AnImportKilledDuringItsSave_LeavesTheDatabaseAsItWas_AndTheSameImportThenSucceeds()
    {
        using var database = create();
        await using var services = new ServiceCollection()
            .AddGridGovernanceEntityFrameworkCore(o => database.Use(o))
            .AddGridGovernance(o => o.Schema = HierarchySchemas.Standard)
            .BuildServiceProvider();
        await GridGovernanceDatabase.MigrateAsync(services);
        await SaveLedgerAsync(services); // something stored before, which must stay as it is
        var before = await CountsAsync(services);

        var killed = await RunHostAsync(database.ConnectionString, killAfterSaveStarts: true);

        Assert.True(killed.SaveStarted, "The host was killed before its save started: " + killed.Output);
        Assert.False(killed.Imported, "The save committed before the kill landed; import a bigger street. " + killed.Output);
        Assert.Equal(before, await CountsAsync(services));
        Assert.Empty(await GridGovernanceDatabase.MigrateAsync(services));
        await using (var scope = services.CreateAsyncScope())
        {
            var status = await scope.ServiceProvider.GetRequiredService<IStoreStatus>().CheckAsync();
            Assert.True(status.Reachable, status.Error);
            Assert.True(status.IsReady, status.Error);
            Assert.Empty(status.PendingMigrations);
        }

        var again = await RunHostAsync(database.ConnectionString, killAfterSaveStarts: false);

        Assert.True(again.Imported, again.Output);
        var after = await CountsAsync(services);
        Assert.Equal(before["OrgUnits"] + again.Units, after["OrgUnits"]);
        Assert.Equal(before["Members"] + again.Members, after["Members"]);
        Assert.Equal(before["Households"] + again.Households, after["Households"]);
        Assert.Equal(Communities * 10 * 250, again.Households);
        Assert.Equal(again.Households, after["Households_Units_Segments"]);
        Assert.Equal(before["LedgerEntries"], after["LedgerEntries"]);
    }

    private sealed record HostRun(bool SaveStarted, bool Imported, int Units, int Members, int Households, string Output);

    private async Task<HostRun> RunHostAsync(string connectionString, bool killAfterSaveStarts)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { HostPath(), kind, connectionString, Communities.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        bool importing = false, saveStarted = false;
        string? imported = null;
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.Add(line);
                importing |= line == "importing";
                if (importing && line == "transaction started")
                {
                    saveStarted = true;
                    if (killAfterSaveStarts)
                    {
                        await Task.Delay(20, timeout.Token);
                        process.Kill(entireProcessTree: true);
                        break;
                    }
                }
                if (line.StartsWith("imported ", StringComparison.Ordinal))
                {
                    imported = line;
                }
            }
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        string text = string.Join("\n", output) + "\n" + await errors;
        var counts = imported?.Split(' ').Skip(1).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() ?? [0, 0, 0];
        return new HostRun(saveStarted, imported is not null && process.ExitCode == 0, counts[0], counts[1], counts[2], text);
    }

    // tests/GridGovernance.ImportKillHost/bin/<configuration>/<framework>/, next to this project's own output folder (the
    // test project references it so that it is built with it).
    private static string HostPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name, configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!;
        string path = Path.Combine(tests.FullName, "GridGovernance.ImportKillHost", "bin", configuration, framework, "GridGovernance.ImportKillHost.dll");
        Assert.True(File.Exists(path), $"{path} is missing: build tests/GridGovernance.ImportKillHost in {configuration} (the solution's build does).");
        return path;
    }

    private static async Task SaveLedgerAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<IRepository<LedgerEntry>>();
        foreach (int i in Enumerable.Range(1, 10))
        {
            await ledger.AddAsync(LedgerEntry.Record(new LedgerEntryId(i), "laiwu-2024", LedgerSource.Automatic, new LedgerEntryRequest
            {
                Member = new MemberId(i),
                ItemCode = "volunteer-award",
                OccurredOn = new LocalDate(2024, 3, i),
                IdempotencyKey = $"before-{i}",
            }, Points.From(1), LedgerActor.ForSystem("test"), Instant.FromUtc(2024, 3, 20, 8, 0)));
        }
        await ledger.SaveChangesAsync();
    }

    /// <summary>The number of rows of every table of the store's model.</summary>
    private static async Task<SortedDictionary<string, long>> CountsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (string table in context.Model.GetEntityTypes().Select(e => e.GetTableName()!))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        return counts;
    }
}

public sealed class SqliteImportKillTests() : ImportKillTests("sqlite", TestDatabase.Sqlite);

[RequiresPostgres]
public sealed class PostgresImportKillTests() : ImportKillTests("postgres", TestDatabase.Postgres);
