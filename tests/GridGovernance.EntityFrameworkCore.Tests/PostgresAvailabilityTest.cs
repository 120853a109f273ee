using Npgsql;

namespace GridGovernance.EntityFrameworkCore.Tests;

/// <summary>
/// Says whether the PostgreSQL suites ran. Without <c>GG_POSTGRES</c> they are not compiled and this test is
/// skipped with the reason; with it (as in CI) the server must answer, or this fails.
/// </summary>
public sealed class PostgresAvailabilityTest
{
    [PostgresFact]
    public async Task TheConfiguredServer_Answers()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int", connection);
        int version = (int)(await command.ExecuteScalarAsync())!;
        Assert.True(version >= 150000, $"PostgreSQL 15 or later is expected; the server is {version}.");
#if !POSTGRES
        Assert.Fail("GG_POSTGRES is set now but was not when the tests were built, so the PostgreSQL suites were not compiled: rebuild.");
#endif
    }
}

/// <summary>A fact that needs the PostgreSQL server named by <c>GG_POSTGRES</c>; skipped, with the reason, where none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null)
        {
            Skip = "No PostgreSQL server: set GG_POSTGRES to an Npgsql connection string of a user that may create databases "
                   + "(bash .ci/postgres.sh starts one and prints it) and rebuild, to run the PostgreSQL suites.";
        }
    }
}
