#if POSTGRES
using GridGovernance.Testing.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.EntityFrameworkCore.Tests.Conformance;

/// <summary>The conformance suite against the EF Core store on PostgreSQL: a fresh database per test, created by the migrations.</summary>
public sealed class PostgresStoreConformanceTest : StoreConformanceTests
{
    private readonly TestDatabase database = TestDatabase.Postgres();

    protected override void AddStore(IServiceCollection services) => database.AddStore(services);

    protected override Task InitialiseStoreAsync(IServiceProvider services) => GridGovernanceDatabase.MigrateAsync(services);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }
}
#endif
