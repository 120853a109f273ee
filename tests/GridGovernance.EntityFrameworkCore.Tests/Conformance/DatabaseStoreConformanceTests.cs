using GridGovernance.Testing.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.EntityFrameworkCore.Tests.Conformance;

/// <summary>The conformance suite against the EF Core store on one database: a fresh one per test, created by the migrations.</summary>
public abstract class DatabaseStoreConformanceTests(TestDatabase database) : StoreConformanceTests
{
    protected override void AddStore(IServiceCollection services) => database.AddStore(services);

    protected override Task InitialiseStoreAsync(IServiceProvider services) => GridGovernanceDatabase.MigrateAsync(services);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }
}

/// <summary>On SQLite: a temporary file per test.</summary>
public sealed class SqliteStoreConformanceTest() : DatabaseStoreConformanceTests(TestDatabase.Sqlite());

/// <summary>On PostgreSQL: a database per test on the server named by GG_POSTGRES.</summary>
[RequiresPostgres]
public sealed class PostgresStoreConformanceTest() : DatabaseStoreConformanceTests(TestDatabase.Postgres());
