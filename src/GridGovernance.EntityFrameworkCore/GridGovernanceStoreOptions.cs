using GridGovernance.EntityFrameworkCore.Storage;
using GridGovernance.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;

namespace GridGovernance.EntityFrameworkCore;

/// <summary>
/// Configures the EF Core store: which database (<c>UseSqlite</c> from GridGovernance.EntityFrameworkCore.Sqlite, or
/// <c>UseNpgsql</c> from GridGovernance.EntityFrameworkCore.PostgreSQL) and, when you need them, further query columns
/// or aggregates of your own (<see cref="Map{T}"/>).
/// </summary>
public sealed class GridGovernanceStoreOptions
{
    private readonly Dictionary<Type, MappedAggregate> maps = [];

    /// <summary>Makes options with the library's own maps and no database chosen yet.</summary>
    public GridGovernanceStoreOptions()
    {
        BuiltInMaps.Apply(this);
    }

    internal StoreProvider? Provider { get; private set; }

    internal string? ConnectionString { get; private set; }

    internal Action<DbContextOptionsBuilder>? Configure { get; private set; }

    internal IReadOnlyCollection<MappedAggregate> Maps => maps.Values;

    /// <summary>
    /// Chooses the database; called by the database packages' <c>UseSqlite</c> and <c>UseNpgsql</c>.
    /// </summary>
    internal GridGovernanceStoreOptions UseProvider(StoreProvider provider, string connectionString, Action<DbContextOptionsBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        (Provider, ConnectionString, Configure) = (provider, connectionString, configure);
        return this;
    }

    /// <summary>
    /// Takes the migrations from your application's assembly instead of the database package's: for an application
    /// that maps columns or aggregates of its own and creates the whole schema with its own migrations
    /// (<c>dotnet ef migrations add … --context SqliteGridGovernanceDbContext</c>, see docs/storage.md).
    /// </summary>
    /// <param name="assemblyName">The name of the assembly that holds the migrations, such as <c>"MyCity.App"</c>.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="assemblyName"/> is empty or white space.</exception>
    public GridGovernanceStoreOptions UseMigrationsAssembly(string assemblyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyName);
        MigrationsAssembly = assemblyName;
        return this;
    }

    internal string? MigrationsAssembly { get; private set; }

    /// <summary>
    /// Maps an aggregate, or adds to a map: a table name, query columns, child tables. The library's aggregates are
    /// mapped already; call this for a column a specification of yours needs, or for an aggregate of your own.
    /// The built-in migrations create the library's tables only: a model with aggregates or columns of your own
    /// needs your own migrations (or <c>EnsureCreatedAsync</c> for a throwaway database).
    /// </summary>
    /// <typeparam name="T">
    /// The aggregate type; it must derive from <see cref="AggregateRoot{TId}"/>. An aggregate of your own must declare
    /// its stored form with <see cref="AggregateMap{T}.StoredAs{TForm}"/> (docs/storage.md); the library's have theirs
    /// (<see cref="Persistence.StoredForms"/>).
    /// </typeparam>
    /// <param name="configure">Changes the map.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="NotSupportedException">The aggregate or a column cannot be stored; the message names it. An aggregate without a stored form is refused when the store is built (its first use).</exception>
    public GridGovernanceStoreOptions Map<T>(Action<AggregateMap<T>> configure)
        where T : class, IAggregateRoot
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (!maps.TryGetValue(typeof(T), out var map))
        {
            map = new MappedAggregate(typeof(T));
        }
        configure(new AggregateMap<T>(map));
        maps[typeof(T)] = map;
        return this;
    }

    /// <summary>
    /// How many consecutive adds of one type a save hands to the database's bulk insert (binary COPY, prepared
    /// multi-row inserts bound by position) instead of multi-row INSERT statements; tests set it to compare the two.
    /// </summary>
    internal int BulkInsertThreshold { get; set; } = Storage.DocumentWriter.BulkThreshold;

    internal StoreModel Build()
    {
        if (Provider is null)
        {
            throw new InvalidOperationException(
                "No database is configured: call UseSqlite(...) (package GridGovernance.EntityFrameworkCore.Sqlite) or UseNpgsql(...) "
                + "(package GridGovernance.EntityFrameworkCore.PostgreSQL) in AddGridGovernanceEntityFrameworkCore.");
        }
        var tables = maps.Values.GroupBy(m => m.Table, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (tables is not null)
        {
            throw new InvalidOperationException($"Two aggregates are mapped to the table {tables.Key}: {string.Join(", ", tables.Select(m => m.ClrType.Name))}.");
        }
        foreach (var map in maps.Values)
        {
            // Every mapped aggregate is written and read through its stored form only.
            Documents.AggregateDocument.Form(map.ClrType);
        }
        return new StoreModel(Provider, [.. maps.Values], MigrationsAssembly) { BulkInsertThreshold = BulkInsertThreshold };
    }
}

/// <summary>The database a store talks to.</summary>
internal enum DatabaseKind
{
    None,
    Sqlite,
    Npgsql,
}

/// <summary>The mapped aggregates of one configured store.</summary>
internal sealed class StoreModel(StoreProvider provider, IReadOnlyList<MappedAggregate> aggregates, string? migrationsAssembly = null)
{
    private readonly Dictionary<Type, MappedAggregate> byType = aggregates.ToDictionary(a => a.ClrType);

    public StoreProvider Provider { get; } = provider;

    public DatabaseKind Database => Provider.Kind;

    /// <summary>The assembly of the migrations, or <c>null</c> for the database package's own.</summary>
    public string? MigrationsAssembly { get; } = migrationsAssembly;

    public IReadOnlyList<MappedAggregate> Aggregates { get; } = aggregates;

    /// <summary>How many consecutive adds of one type go through the provider's bulk insert (see <see cref="Storage.DocumentWriter.BulkThreshold"/>).</summary>
    public int BulkInsertThreshold { get; init; } = Storage.DocumentWriter.BulkThreshold;

    public MappedAggregate For(Type type) =>
        byType.TryGetValue(type, out var map) ? map
        : throw new NotSupportedException($"{type.Name} is not mapped to a table: add options.Map<{type.Name}>(...) in AddGridGovernanceEntityFrameworkCore.");
}
