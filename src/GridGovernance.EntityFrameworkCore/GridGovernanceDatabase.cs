using GridGovernance.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.EntityFrameworkCore;

/// <summary>Creates and upgrades the schema of the EF Core store.</summary>
public static class GridGovernanceDatabase
{
    /// <summary>
    /// Applies the package's migrations that the database has not had yet (EF Core's <c>__EFMigrationsHistory</c>
    /// table records which), creating the database file or tables as needed. Safe to call on every start-up.
    /// On SQLite it also turns on write-ahead logging, so reads do not wait for a write.
    /// </summary>
    /// <param name="services">A provider built from a collection on which <c>AddGridGovernanceEntityFrameworkCore</c> was called.</param>
    /// <param name="cancellationToken">Cancels the upgrade (a migration already applied stays applied).</param>
    /// <returns>The migrations applied by this call, oldest first.</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>();
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToArray();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (context.Store.Database == DatabaseKind.Sqlite)
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
        return pending;
    }

    /// <summary>
    /// Creates the tables of the configured model, including aggregates and columns you mapped yourself, when the
    /// database has none; does nothing if it has any. For tests and throwaway databases: a database created this way
    /// cannot be upgraded by <see cref="MigrateAsync"/> later.
    /// </summary>
    /// <param name="services">A provider built from a collection on which <c>AddGridGovernanceEntityFrameworkCore</c> was called.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the tables were created.</returns>
    public static async Task<bool> EnsureCreatedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>();
        return await context.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
    }
}
