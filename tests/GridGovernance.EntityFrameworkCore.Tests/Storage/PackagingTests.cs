using GridGovernance.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// The store as an application uses it through the database packages: the public context (health checks, design
/// time, migrations of its own) and migrations started by several instances at once (issue 15).
/// </summary>
public abstract class PackagingTests(Func<TestDatabase> create) : IDisposable
{
    private readonly TestDatabase database = create();

    protected abstract Type ContextType { get; }

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task InstancesStartedTogether_ReportEachMigrationOnce()
    {
        const int instances = 3;
        var providers = Enumerable.Range(0, instances).Select(_ => Build()).ToArray();
        try
        {
            using var start = new Barrier(instances);
            var reports = await Task.WhenAll(providers.Select(p => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await GridGovernanceDatabase.MigrateAsync(p);
            })));

            IReadOnlyList<string> all;
            await using (var scope = providers[0].CreateAsyncScope())
            {
                var context = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>();
                all = [.. context.Database.GetMigrations()];
                Assert.Empty(await context.Database.GetPendingMigrationsAsync());
                Assert.Equal(all, await context.Database.GetAppliedMigrationsAsync());
            }
            Assert.NotEmpty(all);
            // Every migration reported by exactly one instance, in order.
            Assert.Equal(all, reports.SelectMany(r => r).Order(StringComparer.Ordinal));
            Assert.All(reports, r => Assert.Equal(r.Order(StringComparer.Ordinal), r));
            // A later start has nothing to report.
            Assert.Empty(await GridGovernanceDatabase.MigrateAsync(providers[1]));
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ThePublicContext_IsRegisteredAndServesAHealthCheck()
    {
        var services = new ServiceCollection();
        database.AddStore(services);
        var check = typeof(PackagingTests).GetMethod(nameof(AddCheck), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(ContextType);
        check.Invoke(null, [services.AddHealthChecks()]);
        services.AddLogging();
        await using var provider = services.BuildServiceProvider();
        await GridGovernanceDatabase.MigrateAsync(provider);

        await using (var scope = provider.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService(ContextType);
            Assert.Same(context, scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>());
        }
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Single(report.Entries);
    }

    private static void AddCheck<TContext>(IHealthChecksBuilder builder)
        where TContext : DbContext => builder.AddDbContextCheck<TContext>();

    [Fact]
    public void TheDesignTimePath_SeesTheApplicationsOwnColumns()
    {
        using var plain = Create(o => database.Use(o));
        using var own = Create(o => database.Use(o).Map<OrgUnit>(m => m.Column(u => u.OpenedOn, "OpenedOn")));

        Assert.Null(plain.Model.FindEntityType("OrgUnits")!.FindProperty("OpenedOn"));
        Assert.NotNull(own.Model.FindEntityType("OrgUnits")!.FindProperty("OpenedOn"));
        // The package's migrations by default; an application's own when it takes them over.
        Assert.NotEmpty(plain.Database.GetMigrations());
        using var app = Create(o => database.Use(o).UseMigrationsAssembly(typeof(PackagingTests).Assembly.GetName().Name!));
        Assert.Empty(app.Database.GetMigrations());
        Assert.Equal(typeof(PackagingTests).Assembly, app.GetService<IMigrationsAssembly>().Assembly);
    }

    [Fact]
    public void TheDesignTimePath_RefusesTheOtherDatabasesContext()
    {
        var other = ContextType == typeof(SqliteGridGovernanceDbContext)
            ? (Action)(() => GridGovernanceDatabase.CreateDbContext<NpgsqlGridGovernanceDbContext>(o => database.Use(o)))
            : () => GridGovernanceDatabase.CreateDbContext<SqliteGridGovernanceDbContext>(o => database.Use(o));
        var error = Assert.Throws<InvalidOperationException>(other);
        Assert.Contains(ContextType.Name, error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => GridGovernanceDatabase.CreateDbContext<SqliteGridGovernanceDbContext>(_ => { }));
    }

    [Fact]
    public void AContextMadeWithoutTheStoresOptions_IsRefusedWithTheFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ContextType == typeof(SqliteGridGovernanceDbContext)
            ? new SqliteGridGovernanceDbContext(new DbContextOptionsBuilder<SqliteGridGovernanceDbContext>().UseSqlite("Data Source=x.db").Options)
            : (GridGovernanceDbContext)new NpgsqlGridGovernanceDbContext(new DbContextOptionsBuilder<NpgsqlGridGovernanceDbContext>().UseNpgsql("Host=127.0.0.1").Options));
        Assert.Contains("AddGridGovernanceEntityFrameworkCore", error.Message, StringComparison.Ordinal);
    }

    private GridGovernanceDbContext Create(Action<GridGovernanceStoreOptions> configure) =>
        ContextType == typeof(SqliteGridGovernanceDbContext)
            ? GridGovernanceDatabase.CreateDbContext<SqliteGridGovernanceDbContext>(configure)
            : GridGovernanceDatabase.CreateDbContext<NpgsqlGridGovernanceDbContext>(configure);

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        database.AddStore(services);
        return services.BuildServiceProvider();
    }
}

public sealed class SqlitePackagingTests() : PackagingTests(TestDatabase.Sqlite)
{
    protected override Type ContextType => typeof(SqliteGridGovernanceDbContext);
}

[RequiresPostgres]
public sealed class PostgresPackagingTests() : PackagingTests(TestDatabase.Postgres)
{
    protected override Type ContextType => typeof(NpgsqlGridGovernanceDbContext);
}
