using GridGovernance.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GridGovernance.AspNetCore;

/// <summary>
/// Health of the store through <see cref="IStoreStatus"/>: in <see cref="StoreHealthCheck.Mode.Reachable"/> mode, whether it
/// answers; in <see cref="StoreHealthCheck.Mode.Migrated"/> mode, whether its schema has every migration (a reachable store
/// with pending migrations is Unhealthy there). The in-memory store is always both.
/// </summary>
/// <param name="status">The store's status port.</param>
/// <param name="mode">What this check asks.</param>
internal sealed class StoreHealthCheck(IStoreStatus status, StoreHealthCheck.Mode mode) : IHealthCheck
{
    /// <summary>What a store check asks.</summary>
    internal enum Mode
    {
        Reachable,
        Migrated,
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var found = await status.CheckAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["store"] = found.Store,
            ["reachable"] = found.Reachable,
            ["pendingMigrations"] = found.PendingMigrations.IsDefault ? [] : found.PendingMigrations.ToArray(),
        };
        if (!found.Reachable)
        {
            return HealthCheckResult.Unhealthy($"The {found.Store} store does not answer: {found.Error}", data: data);
        }
        if (mode == Mode.Migrated && !found.PendingMigrations.IsDefaultOrEmpty)
        {
            return HealthCheckResult.Unhealthy(
                $"The {found.Store} store has {found.PendingMigrations.Length} pending migration(s): {string.Join(", ", found.PendingMigrations)}.", data: data);
        }
        return HealthCheckResult.Healthy(mode == Mode.Reachable ? $"The {found.Store} store answers." : $"The {found.Store} store's schema is up to date.", data);
    }
}
