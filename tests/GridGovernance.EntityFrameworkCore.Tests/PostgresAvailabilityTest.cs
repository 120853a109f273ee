using Npgsql;

namespace GridGovernance.EntityFrameworkCore.Tests;

/// <summary>
/// Says whether the PostgreSQL suites ran. Without <c>GG_POSTGRES</c> this test and the suites are skipped with the
/// reason; with it, or in CI (<c>CI=true</c>), the server must answer, or this fails.
/// </summary>
[RequiresPostgres]
public sealed class PostgresAvailabilityTest
{
    [Fact]
    public async Task TheConfiguredServer_Answers()
    {
        Assert.True(TestDatabase.PostgresServer is not null, "CI=true but GG_POSTGRES is not set: in CI the PostgreSQL suites must run (.ci/run sets it).");
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int", connection);
        int version = (int)(await command.ExecuteScalarAsync())!;
        Assert.True(version >= 150000, $"PostgreSQL 15 or later is expected; the server is {version}.");
    }
}
