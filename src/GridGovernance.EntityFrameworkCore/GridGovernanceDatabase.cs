using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.EntityFrameworkCore;

/// <summary>Creates and upgrades the schema of the EF Core store.</summary>
public static class GridGovernanceDatabase
{
    /// <summary>
    /// Applies the migrations that the database has not had yet (EF Core's <c>__EFMigrationsHistory</c> table records
    /// which), creating the database file or tables as needed. Safe to call on every start-up, also from several
    /// instances at once: EF Core's migration lock lets one apply them, and each call reports only the migrations it
    /// applied itself. The migrations are the database package's own, or your application's when you chose
    /// <see cref="GridGovernanceStoreOptions.UseMigrationsAssembly"/>. On SQLite it also turns on write-ahead logging,
    /// so reads do not wait for a write.
    /// </summary>
    /// <param name="services">A provider built from a collection on which <c>AddGridGovernanceEntityFrameworkCore</c> was called.</param>
    /// <param name="cancellationToken">Cancels the upgrade (a migration already applied stays applied).</param>
    /// <returns>The migrations applied by this call, oldest first (empty when another instance applied them).</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>();
        var applied = new List<string>();
        using (new MigrationRecorder(context.GetService<IMigrator>(), applied))
        {
            await context.Store.Provider.MigrateExclusivelyAsync(context, () => context.Database.MigrateAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        if (context.Store.Database == DatabaseKind.Sqlite)
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
        return [.. applied];
    }

    /// <summary>
    /// Makes a context of the configured store outside an application's service provider: for an
    /// <c>IDesignTimeDbContextFactory&lt;TContext&gt;</c>, so that <c>dotnet ef migrations add</c> sees the same model
    /// (your <see cref="GridGovernanceStoreOptions.Map{T}"/> columns included) as the application.
    /// </summary>
    /// <example>
    /// <code>
    /// public sealed class DesignTimeContext : IDesignTimeDbContextFactory&lt;SqliteGridGovernanceDbContext&gt;
    /// {
    ///     public SqliteGridGovernanceDbContext CreateDbContext(string[] args) =&gt;
    ///         GridGovernanceDatabase.CreateDbContext&lt;SqliteGridGovernanceDbContext&gt;(o =&gt; o
    ///             .UseSqlite("Data Source=design.db")
    ///             .UseMigrationsAssembly(typeof(DesignTimeContext).Assembly.GetName().Name!)
    ///             .Map&lt;OrgUnit&gt;(m =&gt; m.Column(u =&gt; u.OpenedOn)));
    /// }
    /// </code>
    /// </example>
    /// <typeparam name="TContext">The database package's context: <c>SqliteGridGovernanceDbContext</c> or <c>NpgsqlGridGovernanceDbContext</c>.</typeparam>
    /// <param name="configure">The same configuration as the application passes to <c>AddGridGovernanceEntityFrameworkCore</c>.</param>
    /// <returns>A new context; the caller disposes it.</returns>
    /// <exception cref="InvalidOperationException">No database was chosen, or <typeparamref name="TContext"/> is not the chosen database's context.</exception>
    public static TContext CreateDbContext<TContext>(Action<GridGovernanceStoreOptions> configure)
        where TContext : GridGovernanceDbContext
    {
        ArgumentNullException.ThrowIfNull(configure);
        var services = new ServiceCollection().AddGridGovernanceEntityFrameworkCore(configure).BuildServiceProvider();
        var context = services.CreateScope().ServiceProvider.GetRequiredService<GridGovernanceDbContext>();
        return context as TContext
            ?? throw new InvalidOperationException($"The configured database's context is {context.GetType().Name}, not {typeof(TContext).Name}.");
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

/// <summary>
/// Records the migrations one migrator applies, from EF Core's diagnostic events: under EF Core's migration lock only
/// the instance that applies a migration raises <c>MigrationApplying</c> for it, so two instances started together
/// never both report it (asking for the pending migrations before migrating would).
/// </summary>
internal sealed class MigrationRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IMigrator migrator;
    private readonly List<string> applied;
    private readonly List<IDisposable> subscriptions = [];
    private readonly IDisposable listeners;

    public MigrationRecorder(IMigrator migrator, List<string> applied)
    {
        this.migrator = migrator;
        this.applied = applied;
        listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.MigrationApplying.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is MigrationEventData data && ReferenceEquals(data.Migrator, migrator))
        {
            lock (applied)
            {
                applied.Add(data.Migration.GetType().GetCustomAttribute<MigrationAttribute>()?.Id ?? data.Migration.GetType().Name);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        listeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
