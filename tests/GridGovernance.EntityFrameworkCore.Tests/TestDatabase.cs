using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GridGovernance.EntityFrameworkCore.Tests;

/// <summary>
/// A database for one test: a temporary SQLite file, or a fresh PostgreSQL database on the server named by
/// <c>GG_POSTGRES</c> (an Npgsql connection string to a user that may create databases; <c>.ci/run</c> sets it).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly Action<GridGovernanceStoreOptions> use;
    private readonly Action cleanUp;

    private TestDatabase(Action<GridGovernanceStoreOptions> use, Action cleanUp, string connectionString)
    {
        this.use = use;
        this.cleanUp = cleanUp;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The server connection string from <c>GG_POSTGRES</c>, or null when none is configured.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("GG_POSTGRES") is { Length: > 0 } value ? value : null;

    public static TestDatabase Sqlite()
    {
        string file = Path.Combine(Path.GetTempPath(), $"gg-test-{Guid.NewGuid():N}.db");
        string connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        return new TestDatabase(o => o.UseSqlite(connection), () =>
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }, connection);
    }

    public static TestDatabase Postgres()
    {
        var server = PostgresServer ?? throw new InvalidOperationException("GG_POSTGRES is not set.");
        string name = $"gg_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'";
            command.ExecuteNonQuery();
        }
        string database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(o => o.UseNpgsql(database), () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }, database);
    }

    public void AddStore(IServiceCollection services) => services.AddGridGovernanceEntityFrameworkCore(use);

    public void Dispose() => cleanUp();
}
