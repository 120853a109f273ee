using GridGovernance.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ASP.NET Core integration of GridGovernance.Core.</summary>
public static class GridGovernanceAspNetCoreServiceCollectionExtensions
{
    /// <summary>The tag of every health check this package adds.</summary>
    public const string HealthCheckTag = "gridgovernance";

    /// <summary>
    /// Registers the web integration: the minimal-API JSON options (<see cref="GridGovernanceJson.ConfigureForGridGovernance"/>),
    /// problem details with <see cref="GridGovernanceExceptionHandler"/> (the app calls <c>app.UseExceptionHandler()</c>),
    /// and the options of this package bound from <c>GridGovernanceWeb:Http</c>, <c>GridGovernanceWeb:Health</c> and
    /// <c>GridGovernanceWeb:Scheduler</c> of <paramref name="configuration"/> when given (a section of its own: the core's
    /// <c>GridGovernance</c> section refuses keys it does not know). Call <c>AddGridGovernance</c> too;
    /// health checks and the scheduler are opt-in (<see cref="AddGridGovernanceChecks"/>, <see cref="AddGridGovernanceWorkOrderScheduler"/>).
    /// Repeat calls are harmless.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The app's configuration, or null to keep the defaults.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddGridGovernanceAspNetCore(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return services;
        }
        services.AddSingleton<Marker>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.ConfigureForGridGovernance());
        services.AddProblemDetails();
        services.AddExceptionHandler<GridGovernanceExceptionHandler>();
        var http = services.AddOptions<GridGovernanceHttpOptions>();
        var health = services.AddOptions<GridGovernanceHealthOptions>();
        var scheduler = services.AddOptions<WorkOrderSchedulerOptions>();
        if (configuration is not null)
        {
            http.Bind(configuration.GetSection("GridGovernanceWeb:Http"));
            health.Bind(configuration.GetSection("GridGovernanceWeb:Health"));
            scheduler.Configure(o => BindScheduler(o, configuration.GetSection("GridGovernanceWeb:Scheduler")));
        }
        http.Validate(o => o.InvalidStatusCode is 400 or 422, "GridGovernanceWeb:Http:InvalidStatusCode must be 400 or 422.")
            .Validate(o => o.PreconditionStatusCode is 409 or 412, "GridGovernanceWeb:Http:PreconditionStatusCode must be 409 or 412.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ProblemTypePrefix), "GridGovernanceWeb:Http:ProblemTypePrefix must not be blank.")
            .ValidateOnStart();
        scheduler.Validate(o => o.Interval >= NodaTime.Duration.FromSeconds(1), "GridGovernanceWeb:Scheduler:Interval must be at least one second.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "GridGovernanceWeb:Scheduler:PollInterval must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ActorName), "GridGovernanceWeb:Scheduler:ActorName must not be blank.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Adds the scheduler (<see cref="WorkOrderScheduler"/>) as a hosted service, after <see cref="AddGridGovernanceAspNetCore"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the schedule after configuration binding, or null.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddGridGovernanceWorkOrderScheduler(this IServiceCollection services, Action<WorkOrderSchedulerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddGridGovernanceAspNetCore();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(d => d.ServiceType == typeof(WorkOrderScheduler)))
        {
            services.AddSingleton<WorkOrderScheduler>();
            services.AddHostedService(sp => sp.GetRequiredService<WorkOrderScheduler>());
        }
        return services;
    }

    /// <summary>
    /// Adds three checks tagged <see cref="HealthCheckTag"/>: <c>gridgovernance-store</c> (the store answers),
    /// <c>gridgovernance-schema</c> (its schema has every migration), both through <see cref="GridGovernance.Persistence.IStoreStatus"/>,
    /// and <c>gridgovernance-overdue</c> (the overdue work-order backlog; Degraded from <see cref="GridGovernanceHealthOptions.OverdueDegradedAt"/>).
    /// </summary>
    /// <param name="builder">The app's <c>services.AddHealthChecks()</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddGridGovernanceChecks(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GridGovernanceHealthOptions>();
        string[] tags = [HealthCheckTag];
        builder.Add(new HealthCheckRegistration("gridgovernance-store",
            sp => ActivatorUtilities.CreateInstance<StoreHealthCheck>(sp, StoreHealthCheck.Mode.Reachable), HealthStatus.Unhealthy, tags));
        builder.Add(new HealthCheckRegistration("gridgovernance-schema",
            sp => ActivatorUtilities.CreateInstance<StoreHealthCheck>(sp, StoreHealthCheck.Mode.Migrated), HealthStatus.Unhealthy, tags));
        builder.Add(new HealthCheckRegistration("gridgovernance-overdue",
            sp => ActivatorUtilities.CreateInstance<OverdueBacklogHealthCheck>(sp), HealthStatus.Degraded, tags));
        return builder;
    }

    // Duration is a NodaTime struct that configuration binding cannot read: it is bound from text ("00:15:00", or
    // NodaTime's roundtrip pattern "0:00:15:00"), the rest by the binder.
    private static void BindScheduler(WorkOrderSchedulerOptions options, IConfigurationSection section)
    {
        options.Enabled = section.GetValue(nameof(options.Enabled), options.Enabled);
        options.PollInterval = section.GetValue(nameof(options.PollInterval), options.PollInterval);
        options.ActorName = section.GetValue(nameof(options.ActorName), options.ActorName) ?? options.ActorName;
        options.SendReminders = section.GetValue(nameof(options.SendReminders), options.SendReminders);
        options.EscalateOverdue = section.GetValue(nameof(options.EscalateOverdue), options.EscalateOverdue);
        if (section[nameof(options.Interval)] is { } text)
        {
            options.Interval = TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span)
                ? NodaTime.Duration.FromTimeSpan(span)
                : NodaTime.Text.DurationPattern.Roundtrip.Parse(text).GetValueOrThrow();
        }
    }

    private sealed class Marker;
}
