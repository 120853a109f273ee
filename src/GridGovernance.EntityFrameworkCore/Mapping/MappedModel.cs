using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using NodaTime;

namespace GridGovernance.EntityFrameworkCore.Mapping;

/// <summary>A declared query column: the path a specification uses, the column, and how a value is stored.</summary>
internal sealed class MappedColumn
{
    private MappedColumn(string path, string name, Type pathType, FieldInfo? wrapped, Func<object, object?> getter, bool unique, bool indexed = true)
    {
        Indexed = indexed;
        Path = path;
        Name = name;
        PathType = pathType;
        Wrapped = wrapped;
        Getter = getter;
        Unique = unique;
        var underlying = Nullable.GetUnderlyingType(pathType) ?? pathType;
        bool nullable = !pathType.IsValueType || Nullable.GetUnderlyingType(pathType) is not null;
        var store = wrapped?.FieldType ?? underlying;
        StoreType = nullable && store.IsValueType ? typeof(Nullable<>).MakeGenericType(store) : store;
        IsNullable = nullable || !store.IsValueType;
    }

    /// <summary>The property path from the root, dot-separated ("Member", "Validity.Until").</summary>
    public string Path { get; }

    /// <summary>The column name.</summary>
    public string Name { get; private set; }

    /// <summary>The type of the path in C#.</summary>
    public Type PathType { get; }

    /// <summary>For a single-field struct (an id): the field whose value is stored.</summary>
    public FieldInfo? Wrapped { get; }

    /// <summary>The CLR type of the EF property (the wrapped value's type for a wrapper), nullable where the path is.</summary>
    public Type StoreType { get; }

    /// <summary>Whether the column allows null.</summary>
    public bool IsNullable { get; }

    /// <summary>Whether the column has a unique index.</summary>
    public bool Unique { get; }

    /// <summary>Whether the column gets an index (a column only read, never filtered on, such as the ledger's points, needs none).</summary>
    public bool Indexed { get; }

    /// <summary>Reads the path's value from the root object (boxed).</summary>
    public Func<object, object?> Getter { get; }

    /// <summary>The value to store for <paramref name="root"/>.</summary>
    public object? StoredValue(object root) => ToStore(Getter(root));

    /// <summary>Converts a path value (an id, a date) to the stored value.</summary>
    public object? ToStore(object? value) => value is null || Wrapped is null ? value : Wrapped.GetValue(value);

    public MappedColumn Renamed(string name) => new(Path, name, PathType, Wrapped, Getter, Unique, Indexed);

    /// <summary>The same column without an index.</summary>
    public MappedColumn Unindexed() => new(Path, Name, PathType, Wrapped, Getter, Unique, indexed: false);

    public static MappedColumn Create(LambdaExpression path, string? name, bool unique)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = PathOf(path);
        var type = path.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert && convert.Type == typeof(object) ? convert.Operand.Type : path.Body.Type;
        return ForType(text, name ?? text.Replace('.', '_'), type, Boxed(path), unique);
    }

    public static MappedColumn ForType(string path, string name, Type type, Func<object, object?> getter, bool unique)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        FieldInfo? wrapped = null;
        if (!IsStorable(underlying))
        {
            wrapped = WrappedField(underlying)
                ?? throw new NotSupportedException(
                    $"The path {path} is a {type.Name}, which cannot be a query column: use a number, string, bool, enum, LocalDate, Instant, "
                    + "LocalDateTime, LocalTime, Duration, or a struct with one field of those (an id).");
        }
        return new MappedColumn(path, name, type, wrapped, getter, unique);
    }

    /// <summary>The single field of a struct that wraps one storable value (an id, a code), or null.</summary>
    public static FieldInfo? WrappedField(Type type)
    {
        if (!type.IsValueType || type.IsPrimitive || type.IsEnum)
        {
            return null;
        }
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        return fields.Length == 1 && IsStorable(fields[0].FieldType) ? fields[0] : null;
    }

    public static bool IsStorable(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
        || type == typeof(LocalDate) || type == typeof(Instant) || type == typeof(LocalDateTime) || type == typeof(LocalTime) || type == typeof(Duration);

    /// <summary>The path as a delegate from the boxed root to the boxed value (compiled once; no reflection per call).</summary>
    public static Func<object, object?> Boxed(LambdaExpression path)
    {
        var root = Expression.Parameter(typeof(object), "root");
        var body = new ReplaceParameter(path.Parameters[0], Expression.Convert(root, path.Parameters[0].Type)).Visit(path.Body);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(body, typeof(object)), root).Compile();
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>"A.B.C" for <c>x =&gt; x.A.B.C</c>.</summary>
    public static string PathOf(LambdaExpression lambda)
    {
        var body = lambda.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : lambda.Body;
        var parts = new List<string>();
        while (body is MemberExpression member)
        {
            parts.Add(member.Member.Name);
            body = member.Expression!;
        }
        if (body != lambda.Parameters[0] || parts.Count == 0)
        {
            throw new ArgumentException($"{lambda} is not a chain of properties from its parameter, such as x => x.Member or x => x.Validity.Until.", nameof(lambda));
        }
        parts.Reverse();
        return string.Join('.', parts);
    }
}

/// <summary>A collection kept in a child table: one row per element, keyed by the owner's key and the element's position.</summary>
internal sealed class MappedCollection
{
    private readonly List<MappedColumn> columns = [];

    private MappedCollection(string path, string? table, Func<object, IEnumerable?> getter)
    {
        Path = path;
        Table = table;
        Getter = getter;
    }

    public string Path { get; }

    public string? Table { get; }

    public Func<object, IEnumerable?> Getter { get; }

    public IReadOnlyList<MappedColumn> Columns => columns;

    public MappedColumn? Find(string path) => columns.FirstOrDefault(c => c.Path == path);

    public void AddColumn(MappedColumn column)
    {
        if (Find(column.Path) is null)
        {
            columns.Add(column);
        }
    }

    public static MappedCollection Create<TRoot, TElement>(Expression<Func<TRoot, IEnumerable<TElement>>> path, string? table)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = MappedColumn.PathOf(path);
        var compiled = path.Compile();
        return new MappedCollection(text, table, root => compiled((TRoot)root));
    }
}

/// <summary>One aggregate type's table: key, version, document, query columns and child tables.</summary>
internal sealed class MappedAggregate
{
    public const string DocumentColumn = "Document";
    public const string VersionColumn = "Version";
    public const string OrdinalColumn = "Ordinal";
    public const string OwnerPrefix = "Owner_";

    private readonly List<MappedColumn> columns = [];
    private readonly List<MappedCollection> collections = [];

    public MappedAggregate(Type clrType)
    {
        ClrType = clrType;
        Table = clrType.Name;
        IdType = Persistence.AggregateStoreSupport.IdTypeOf(clrType)
            ?? throw new NotSupportedException($"{clrType.Name} does not derive from AggregateRoot<TId>, so it cannot be stored.");
        Func<object, object?> id = root => ((IAggregateRoot)root).Id;
        if (MappedColumn.WrappedField(IdType) is not null || MappedColumn.IsStorable(IdType))
        {
            KeyColumns = [MappedColumn.ForType("Id", "Id", IdType, id, unique: false)];
        }
        else
        {
            // A composite id (a record struct of several values): one key column per value.
            KeyColumns = [.. IdType.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.GetMethod is not null && BackingField(IdType, p) is not null)
                .Select(p =>
                {
                    var field = BackingField(IdType, p)!;
                    return MappedColumn.ForType("Id." + p.Name, "Id_" + p.Name, p.PropertyType, root => field.GetValue(id(root)), unique: false);
                })];
            if (KeyColumns.Count == 0)
            {
                throw new NotSupportedException($"{clrType.Name}'s id type {IdType.Name} has no values to key a table by.");
            }
        }
    }

    public Type ClrType { get; }

    public Type IdType { get; }

    /// <summary>How each projection selector seen so far is read (built once per selector; see ProjectionPlan).</summary>
    public System.Runtime.CompilerServices.ConditionalWeakTable<LambdaExpression, object> Projections { get; } = new();

    public string Table { get; set; }

    public IReadOnlyList<MappedColumn> KeyColumns { get; }

    public IReadOnlyList<MappedColumn> Columns => columns;

    public IReadOnlyList<MappedCollection> Collections => collections;

    /// <summary>The stored key values of an id (one per key column).</summary>
    public object?[] KeyOf(object id) => KeyColumns.Count == 1 && KeyColumns[0].Path == "Id"
        ? [KeyColumns[0].ToStore(id)]
        : [.. KeyColumns.Select(c => c.ToStore(BackingField(IdType, IdType.GetProperty(c.Path[3..])!)!.GetValue(id)))];

    public MappedColumn? FindColumn(string path) =>
        KeyColumns.FirstOrDefault(c => c.Path == path) ?? columns.FirstOrDefault(c => c.Path == path);

    public MappedCollection? FindCollection(string path) => collections.FirstOrDefault(c => c.Path == path);

    public void AddColumn(MappedColumn column)
    {
        if (FindColumn(column.Path) is null)
        {
            columns.Add(column);
        }
    }

    public void AddCollection(MappedCollection collection)
    {
        if (FindCollection(collection.Path) is { } existing)
        {
            foreach (var column in collection.Columns)
            {
                existing.AddColumn(column);
            }
            return;
        }
        collections.Add(collection);
    }

    public string ChildTable(MappedCollection collection) => collection.Table ?? Table + "_" + collection.Path.Replace('.', '_');

    private static FieldInfo? BackingField(Type type, PropertyInfo property) =>
        type.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
}
