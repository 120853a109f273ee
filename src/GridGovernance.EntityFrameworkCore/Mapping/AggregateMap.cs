using System.Linq.Expressions;

namespace GridGovernance.EntityFrameworkCore.Mapping;

/// <summary>
/// How one aggregate type is kept in the database: a table with the aggregate's key, its version (the
/// concurrency token), its whole state as a JSON document, and the <em>query columns</em> that specifications
/// filter and order on. The library maps its own aggregates (<see cref="BuiltInMaps"/>); use
/// <see cref="GridGovernanceStoreOptions.Map{T}"/> to add a column a specification of yours needs, or to map an
/// aggregate of your own.
/// </summary>
/// <remarks>
/// A query column is declared by the path a specification uses, such as <c>u =&gt; u.ParentId</c> or
/// <c>e =&gt; e.Member</c>; its value is read from the aggregate when it is saved. A specification that uses a
/// path with no column is refused with <see cref="NotSupportedException"/> naming the path: the store never loads
/// a table to filter it in memory.
/// </remarks>
/// <typeparam name="T">The aggregate type.</typeparam>
public sealed class AggregateMap<T>
    where T : class, IAggregateRoot
{
    internal AggregateMap(MappedAggregate target)
    {
        Target = target;
    }

    internal MappedAggregate Target { get; }

    /// <summary>Names the table (by default the aggregate type's name).</summary>
    /// <param name="table">The table name.</param>
    /// <returns>This map, for chaining.</returns>
    public AggregateMap<T> ToTable(string table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        Target.Table = table;
        return this;
    }

    /// <summary>Declares a query column for <paramref name="path"/> (idempotent: declaring a path twice keeps one column).</summary>
    /// <typeparam name="TValue">The path's type: a number, <see cref="string"/>, <see cref="bool"/>, an enum, a NodaTime date or instant, or a struct wrapping one of those (an id); nullable or not.</typeparam>
    /// <param name="path">A chain of properties from the aggregate, as a specification writes it.</param>
    /// <param name="column">The column name; by default the path with dots replaced by underscores.</param>
    /// <returns>This map, for chaining.</returns>
    /// <exception cref="ArgumentException">The path is not a chain of properties.</exception>
    /// <exception cref="NotSupportedException">The path's type cannot be stored in a column.</exception>
    public AggregateMap<T> Column<TValue>(Expression<Func<T, TValue>> path, string? column = null)
    {
        Target.AddColumn(MappedColumn.Create(path, column, unique: false));
        return this;
    }

    /// <summary>Declares a column that is read (by bulk exports and the read model) but never filtered on, so it gets no index.</summary>
    internal AggregateMap<T> ReadColumn<TValue>(Expression<Func<T, TValue>> path, string? column = null)
    {
        Target.AddColumn(MappedColumn.Create(path, column, unique: false).Unindexed());
        return this;
    }

    /// <summary>Declares a query column with a unique index (a second aggregate with the same non-null value cannot be saved).</summary>
    /// <typeparam name="TValue">The path's type (see <see cref="Column{TValue}"/>).</typeparam>
    /// <param name="path">A chain of properties from the aggregate.</param>
    /// <param name="column">The column name; by default the path with dots replaced by underscores.</param>
    /// <returns>This map, for chaining.</returns>
    public AggregateMap<T> Unique<TValue>(Expression<Func<T, TValue>> path, string? column = null)
    {
        Target.AddColumn(MappedColumn.Create(path, column, unique: true));
        return this;
    }

    /// <summary>
    /// Declares the stored form of an aggregate of your own: the record its document holds, its version and its
    /// upgrade steps (docs/storage.md, "How an aggregate is stored"). The library's aggregates have theirs
    /// (<see cref="Persistence.StoredForms"/>) and refuse another.
    /// </summary>
    /// <typeparam name="TForm">The form's record type (public properties, serialised by System.Text.Json).</typeparam>
    /// <param name="form">The form.</param>
    /// <returns>This map, for chaining.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is one of the library's aggregates.</exception>
    public AggregateMap<T> StoredAs<TForm>(Persistence.StoredForm<T, TForm> form)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(form);
        Documents.AggregateDocument.Register(form);
        return this;
    }

    /// <summary>
    /// Declares a child table for a collection, so that specifications can use <c>Any</c>, <c>All</c> and
    /// <c>Count</c> over it, for example <c>u =&gt; u.Parents.Segments.Any(s =&gt; s.Value == unit)</c>.
    /// </summary>
    /// <typeparam name="TElement">The element type.</typeparam>
    /// <param name="path">A chain of properties from the aggregate to the collection.</param>
    /// <param name="columns">Declares the element's query columns.</param>
    /// <param name="table">The child table's name; by default the aggregate's table and the path, joined by underscores.</param>
    /// <returns>This map, for chaining.</returns>
    public AggregateMap<T> Collection<TElement>(Expression<Func<T, IEnumerable<TElement>>> path, Action<CollectionMap<TElement>> columns, string? table = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var collection = MappedCollection.Create(path, table);
        columns(new CollectionMap<TElement>(collection));
        Target.AddCollection(collection);
        return this;
    }
}
