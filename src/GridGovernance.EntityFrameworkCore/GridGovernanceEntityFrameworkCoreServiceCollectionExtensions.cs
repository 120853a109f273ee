using GridGovernance.EntityFrameworkCore;
using GridGovernance.EntityFrameworkCore.Storage;
using GridGovernance.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the EF Core store of GridGovernance.Core.</summary>
public static class GridGovernanceEntityFrameworkCoreServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the in-memory store with the EF Core store: <c>IRepository&lt;T&gt;</c>, <c>IReadRepository&lt;T&gt;</c>
    /// and <c>IUnitOfWork</c> then read and write the configured database, one transaction per save. Call it
    /// before or after <c>AddGridGovernance</c>; the order does not matter. Create the schema once with
    /// <see cref="GridGovernanceDatabase.MigrateAsync"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddGridGovernanceEntityFrameworkCore(o =&gt; o.UseSqlite("Data Source=city.db"));
    /// services.AddGridGovernance();
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Chooses the database (<c>UseSqlite</c> from GridGovernance.EntityFrameworkCore.Sqlite, or <c>UseNpgsql</c> from GridGovernance.EntityFrameworkCore.PostgreSQL) and adds maps.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">No database was chosen, or two aggregates map to one table.</exception>
    public static IServiceCollection AddGridGovernanceEntityFrameworkCore(this IServiceCollection services, Action<GridGovernanceStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new GridGovernanceStoreOptions();
        configure(options);
        var model = options.Build();
        var more = options.Configure;

        services.Replace(ServiceDescriptor.Singleton(model));
        model.Provider.AddDbContext(services, model, options.ConnectionString!, builder => Common(builder, model, more));
        services.Replace(ServiceDescriptor.Scoped<EfUnitOfWork, EfUnitOfWork>());
        services.Replace(ServiceDescriptor.Scoped<IUnitOfWork>(sp => sp.GetRequiredService<EfUnitOfWork>()));
        services.Replace(ServiceDescriptor.Scoped(typeof(IRepository<>), typeof(EfRepository<>)));
        services.Replace(ServiceDescriptor.Scoped(typeof(IReadRepository<>), typeof(EfRepository<>)));
        services.Replace(ServiceDescriptor.Scoped<IStoreStatus, EfStoreStatus>());
        return services;
    }

    private static void Common(DbContextOptionsBuilder builder, StoreModel model, Action<DbContextOptionsBuilder>? more)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new StoreModelExtension(model));
        builder.ReplaceService<IModelCacheKeyFactory, StoreModelCacheKeyFactory>();
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        more?.Invoke(builder);
    }
}
