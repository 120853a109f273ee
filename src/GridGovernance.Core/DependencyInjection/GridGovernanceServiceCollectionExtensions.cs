using GridGovernance;
using GridGovernance.Authority;
using GridGovernance.Claims;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rewards;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers GridGovernance.Core with a service collection.</summary>
[Immutable]
public static class GridGovernanceServiceCollectionExtensions
{
    /// <summary>Registers the library with default options (Asia/Shanghai, the standard schema, the in-memory store).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddGridGovernance(this IServiceCollection services) => services.AddGridGovernance(static _ => { });

    /// <summary>
    /// Registers the library. Every registration uses <c>TryAdd</c>: a store, clock or schema an integrator
    /// registered first wins, and calling this again is harmless (later calls apply their
    /// <paramref name="configure"/> to the same options).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="GridGovernanceValidationException">The options are invalid; every problem is listed and nothing was registered.</exception>
    /// <exception cref="InvalidOperationException">A store registered <c>IRepository&lt;&gt;</c> without <c>IUnitOfWork</c>, or the other way round.</exception>
    public static IServiceCollection AddGridGovernance(this IServiceCollection services, Action<GridGovernanceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(GridGovernanceOptions))?.ImplementationInstance as GridGovernanceOptions;
        var options = existing ?? new GridGovernanceOptions();
        var before = (options.TimeZone, options.Schema, options.GridHouseholdBand);
        configure(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            (options.TimeZone, options.Schema, options.GridHouseholdBand) = before;
            throw new GridGovernanceValidationException(nameof(GridGovernanceOptions), problems);
        }

        // An integrator's store replaces the in-memory one as a whole: its repositories and its unit of work.
        var repository = services.FirstOrDefault(d => d.ServiceType == typeof(IRepository<>));
        bool ownUnitOfWork = services.Any(d => d.ServiceType == typeof(IUnitOfWork));
        if (repository is not null && !ownUnitOfWork)
        {
            throw new InvalidOperationException(
                "IRepository<> is registered but IUnitOfWork is not: a store must register both (and IReadRepository<>) before AddGridGovernance, so that saves cover every repository of a scope.");
        }
        if (repository is null && ownUnitOfWork && !services.Any(d => d.ServiceType == typeof(InMemoryUnitOfWork)))
        {
            throw new InvalidOperationException(
                "IUnitOfWork is registered but IRepository<> is not: the in-memory repositories would stage changes that your unit of work never saves. Register your store's IRepository<> too.");
        }

        services.TryAddSingleton(options);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<InMemoryStore>();
        services.TryAddScoped<InMemoryUnitOfWork>();
        services.TryAddScoped<IUnitOfWork>(sp => sp.GetRequiredService<InMemoryUnitOfWork>());
        services.TryAdd(ServiceDescriptor.Scoped(typeof(IRepository<>), typeof(InMemoryRepository<>)));
        services.TryAdd(repository?.ImplementationType is Type implementation
            ? ServiceDescriptor.Describe(typeof(IReadRepository<>), implementation, repository.Lifetime)
            : ServiceDescriptor.Scoped(typeof(IReadRepository<>), typeof(InMemoryRepository<>)));
        services.TryAddScoped<IAuthorityPolicy, AuthorityPolicy>();
        services.TryAddScoped<OrganisationQueries>();
        services.TryAddScoped<OrganisationService>();
        services.TryAddScoped<PointsLedgerService>();
        services.TryAddScoped<PeriodPublicationService>();
        services.TryAddScoped<LedgerExportService>();
        services.TryAddScoped<RedemptionService>();
        services.TryAddSingleton(WorkOrderPolicy.Default);
        services.TryAddScoped<IEscalationPath, HierarchyEscalationPath>();
        services.TryAddScoped<WorkOrderService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IRestructureParticipant, WorkOrderRestructureParticipant>());
        services.TryAddScoped<ClaimService>();
        services.TryAddScoped<MicroWishService>();
        services.TryAddScoped<ContactLogService>();
        return services;
    }
}
