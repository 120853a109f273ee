using GridGovernance.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;

namespace GridGovernance.EntityFrameworkCore;

/// <summary>
/// Configures the EF Core store: which database (<see cref="UseSqlite"/> or <see cref="UseNpgsql"/>) and, when you
/// need them, further query columns or aggregates of your own (<see cref="Map{T}"/>).
/// </summary>
public sealed class GridGovernanceStoreOptions
{
    private readonly Dictionary<Type, MappedAggregate> maps = [];

    internal GridGovernanceStoreOptions()
    {
        BuiltInMaps.Apply(this);
    }

    internal DatabaseKind Database { get; private set; }

    internal string? ConnectionString { get; private set; }

    internal Action<DbContextOptionsBuilder>? Configure { get; private set; }

    internal IReadOnlyCollection<MappedAggregate> Maps => maps.Values;

    /// <summary>Keeps the data in SQLite (the embedded default; a file such as <c>Data Source=city.db</c>).</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="configure">Further EF Core options (logging, interceptors); optional.</param>
    /// <returns>These options, for chaining.</returns>
    public GridGovernanceStoreOptions UseSqlite(string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        (Database, ConnectionString, Configure) = (DatabaseKind.Sqlite, connectionString, configure);
        return this;
    }

    /// <summary>Keeps the data in PostgreSQL, with NodaTime types mapped natively (<c>date</c>, <c>timestamp with time zone</c>).</summary>
    /// <param name="connectionString">An Npgsql connection string, such as <c>Host=127.0.0.1;Database=grid;Username=grid;Password=…</c>.</param>
    /// <param name="configure">Further EF Core options (logging, interceptors); optional.</param>
    /// <returns>These options, for chaining.</returns>
    public GridGovernanceStoreOptions UseNpgsql(string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        (Database, ConnectionString, Configure) = (DatabaseKind.Npgsql, connectionString, configure);
        return this;
    }

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

    internal StoreModel Build()
    {
        if (Database == DatabaseKind.None)
        {
            throw new InvalidOperationException("No database is configured: call UseSqlite(...) or UseNpgsql(...) in AddGridGovernanceEntityFrameworkCore.");
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
        return new StoreModel(Database, [.. maps.Values]);
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
internal sealed class StoreModel(DatabaseKind database, IReadOnlyList<MappedAggregate> aggregates)
{
    private readonly Dictionary<Type, MappedAggregate> byType = aggregates.ToDictionary(a => a.ClrType);

    public DatabaseKind Database { get; } = database;

    public IReadOnlyList<MappedAggregate> Aggregates { get; } = aggregates;

    public MappedAggregate For(Type type) =>
        byType.TryGetValue(type, out var map) ? map
        : throw new NotSupportedException($"{type.Name} is not mapped to a table: add options.Map<{type.Name}>(...) in AddGridGovernanceEntityFrameworkCore.");
}
