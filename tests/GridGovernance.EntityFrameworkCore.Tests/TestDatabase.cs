using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GridGovernance.EntityFrameworkCore.Tests;

/// <summary>
/// A database for one test: a temporary SQLite file, or a fresh PostgreSQL database on the server named by
/// <c>GG_POSTGRES</c> (an Npgsql connection string to a user that may create databases; <c>.ci/run</c> sets it).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly Func<GridGovernanceStoreOptions, Action<DbContextOptionsBuilder>?, GridGovernanceStoreOptions> use;
    private readonly Action cleanUp;
    private readonly Func<TestDatabase> fresh;

    private TestDatabase(Func<GridGovernanceStoreOptions, Action<DbContextOptionsBuilder>?, GridGovernanceStoreOptions> use, Action cleanUp, string connectionString, Func<TestDatabase> fresh)
    {
        this.use = use;
        this.cleanUp = cleanUp;
        this.fresh = fresh;
        ConnectionString = connectionString;
    }

    /// <summary>Another empty database of the same kind.</summary>
    public TestDatabase Fresh() => fresh();

    /// <summary>Points the options at this database.</summary>
    public GridGovernanceStoreOptions Use(GridGovernanceStoreOptions options) => use(options, null);

    /// <summary>Points the options at this database, with more EF Core configuration (logging, for one).</summary>
    public GridGovernanceStoreOptions Use(GridGovernanceStoreOptions options, Action<DbContextOptionsBuilder> configure) => use(options, configure);

    public string ConnectionString { get; }

    /// <summary>The server connection string from <c>GG_POSTGRES</c>, or null when none is configured.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("GG_POSTGRES") is { Length: > 0 } value ? value : null;

    public static TestDatabase Sqlite()
    {
        string file = Path.Combine(Path.GetTempPath(), $"gg-test-{Guid.NewGuid():N}.db");
        string connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        return new TestDatabase((o, configure) => o.UseSqlite(connection, configure), () =>
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }, connection, Sqlite);
    }

    public static TestDatabase Postgres()
    {
        var server = PostgresServer ?? throw new InvalidOperationException("GG_POSTGRES is not set (with CI=true the PostgreSQL suites must run: see PostgresTestFramework).");
        string name = $"gg_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'";
            command.ExecuteNonQuery();
        }
        string database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase((o, configure) => o.UseNpgsql(database, configure), () =>
        {
            // A session can outlive ClearAllPools for a moment; FORCE ends it where the role may (pg_signal_backend,
            // granted by .ci/postgres.sh), and a short retry covers a server where it may not.
            for (int attempt = 1; ; attempt++)
            {
                NpgsqlConnection.ClearAllPools();
                try
                {
                    using var connection = new NpgsqlConnection(server);
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                    command.ExecuteNonQuery();
                    return;
                }
                catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
                {
                    Thread.Sleep(200 * attempt);
                }
            }
        }, database, Postgres);
    }

    public void AddStore(IServiceCollection services) => services.AddGridGovernanceEntityFrameworkCore(o => use(o, null));

    public void Dispose() => cleanUp();
}
