using GridGovernance;
using GridGovernance.Authority;
using GridGovernance.Claims;
using GridGovernance.Contacts;
using GridGovernance.Scoring.Units;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rewards;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
    /// <remarks>
    /// After <see cref="AddGridGovernance(IServiceCollection, IConfiguration)"/>, <paramref name="configure"/> is applied
    /// on top of the bound configuration and checked with it when the host starts.
    /// </remarks>
    /// <exception cref="GridGovernanceValidationException">The options are invalid; every problem is listed and nothing was registered.</exception>
    /// <exception cref="InvalidOperationException">A store registered <c>IRepository&lt;&gt;</c> without <c>IUnitOfWork</c>, or the other way round.</exception>
    public static IServiceCollection AddGridGovernance(this IServiceCollection services, Action<GridGovernanceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        if (services.Any(d => d.ServiceType == typeof(GridGovernanceOptions) && d.ImplementationInstance is null))
        {
            // Bound from configuration: the options are built and checked when the host starts, so this step joins them.
            CheckStore(services);
            services.Configure(configure);
            return AddServices(services);
        }

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
        CheckStore(services);
        services.TryAddSingleton(options);
        return AddServices(services);
    }

    /// <summary>
    /// Registers the library with options bound from a configuration section, such as <c>"GridGovernance"</c> of
    /// appsettings.json: <c>services.AddGridGovernance(builder.Configuration.GetSection("GridGovernance"))</c>. The
    /// options are <see cref="IOptions{TOptions}"/> of <see cref="GridGovernanceOptions"/>, checked when the host starts
    /// (<c>ValidateOnStart</c>): a value that cannot be read, a key no option reads or a rule
    /// <see cref="GridGovernanceOptions.Validate"/> refuses stops the start with an <see cref="OptionsValidationException"/>
    /// naming each configuration key. The shape: <c>"TimeZone": "Asia/Shanghai"</c> (a tzdb id), <c>"Schema": "Laiwu"</c>
    /// (a preset of <see cref="HierarchySchemas"/>), <c>"GridHouseholdBand": { "Min": 200, "Max": 300 }</c>,
    /// and <c>"Authority": { "workorders.rate": { "Roles": [ "secretary" ] } }</c> to change rules of
    /// <see cref="AuthorityTable.Default"/>; see docs/configuration.md.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options (keys are read without regard to case).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">A store registered <c>IRepository&lt;&gt;</c> without <c>IUnitOfWork</c>, or the other way round.</exception>
    public static IServiceCollection AddGridGovernance(this IServiceCollection services, IConfiguration configuration) =>
        services.AddGridGovernance(configuration, static _ => { });

    /// <summary>
    /// Registers the library with options bound from a configuration section, then changed by
    /// <paramref name="configure"/> (for what configuration cannot say: a schema or an authority table built in code);
    /// the result is checked when the host starts. See
    /// <see cref="AddGridGovernance(IServiceCollection, IConfiguration)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <param name="configure">Changes the bound options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">A store registered <c>IRepository&lt;&gt;</c> without <c>IUnitOfWork</c>, or the other way round.</exception>
    public static IServiceCollection AddGridGovernance(this IServiceCollection services, IConfiguration configuration, Action<GridGovernanceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        CheckStore(services);

        var builder = services.AddOptions<GridGovernanceOptions>();
        var fromCode = services.FirstOrDefault(d => d.ServiceType == typeof(GridGovernanceOptions) && d.ImplementationInstance is not null);
        if (fromCode?.ImplementationInstance is GridGovernanceOptions earlier)
        {
            // An earlier AddGridGovernance(o => …) set options in code: they are the start, and configuration overrides them.
            services.Remove(fromCode);
            builder.Configure(o => (o.TimeZone, o.Schema, o.GridHouseholdBand, o.Authority) = (earlier.TimeZone, earlier.Schema, earlier.GridHouseholdBand, earlier.Authority));
        }
        builder.Configure(o => GridGovernanceOptionsBinder.Bind(configuration, o))
            .Configure(configure)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GridGovernanceOptions>, GridGovernanceOptionsValidator>());
        services.TryAddSingleton(static sp => sp.GetRequiredService<IOptions<GridGovernanceOptions>>().Value);
        return AddServices(services);
    }

    private static void CheckStore(IServiceCollection services)
    {
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
    }

    private static IServiceCollection AddServices(IServiceCollection services)
    {
        var repository = services.FirstOrDefault(d => d.ServiceType == typeof(IRepository<>));
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<InMemoryStore>();
        services.TryAddScoped<InMemoryUnitOfWork>();
        services.TryAddScoped<IUnitOfWork>(sp => sp.GetRequiredService<InMemoryUnitOfWork>());
        services.TryAddSingleton<IStoreStatus, InMemoryStoreStatus>();
        services.TryAdd(ServiceDescriptor.Scoped(typeof(IRepository<>), typeof(InMemoryRepository<>)));
        services.TryAdd(repository?.ImplementationType is Type implementation
            ? ServiceDescriptor.Describe(typeof(IReadRepository<>), implementation, repository.Lifetime)
            : ServiceDescriptor.Scoped(typeof(IReadRepository<>), typeof(InMemoryRepository<>)));
        services.TryAddScoped<IAuthorityPolicy, AuthorityPolicy>();
        services.TryAddScoped<OrganisationQueries>();
        services.TryAddScoped<OrganisationService>();
        services.TryAddScoped<RuleBookCatalogue>();
        services.TryAddScoped<PointsLedgerService>();
        services.TryAddScoped<PeriodPublicationService>();
        services.TryAddScoped<UnitPointsService>();
        services.TryAddScoped<LedgerExportService>();
        services.TryAddScoped<RedemptionService>();
        services.TryAddSingleton(WorkOrderPolicy.Default);
        services.TryAddScoped<IEscalationPath, HierarchyEscalationPath>();
        services.TryAddScoped<WorkOrderService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IRestructureParticipant, WorkOrderRestructureParticipant>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IRestructureParticipant, ClaimRestructureParticipant>());
        services.TryAddScoped<ClaimService>();
        services.TryAddScoped<MicroWishService>();
        services.TryAddScoped<ContactLogService>();
        services.TryAddScoped<WorkCoverageQueries>();
        return services;
    }
}
