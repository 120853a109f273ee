using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using GridGovernance.EntityFrameworkCore.Mapping;
using GridGovernance.Specifications;
using Microsoft.EntityFrameworkCore;

namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>
/// Rewrites a specification over an aggregate type into a query over its table: every property path becomes
/// its query column, ids compare by their stored values, and <c>Any</c>/<c>All</c>/<c>Count</c> over a mapped
/// collection become correlated subqueries on its child table. EF Core then translates the query to SQL, so
/// filtering, ordering and paging run on the server. A path without a column is refused, never evaluated in memory.
/// </summary>
internal sealed class SpecificationTranslator(GridGovernanceDbContext context, MappedAggregate map)
{
    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;
    private static readonly MethodInfo IsMatchMethod = typeof(LikePattern).GetMethod(nameof(LikePattern.IsMatch), [typeof(string)])!;
    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
    private static readonly MethodInfo CollateMethod = typeof(RelationalDbFunctionsExtensions).GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!
        .MakeGenericMethod(typeof(string));
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly Expression Functions = Expression.Property(null, typeof(EF), nameof(EF.Functions));

    /// <summary>The rows a specification selects: filters, then its order (then the key, so results are deterministic), then paging.</summary>
    public IQueryable<Dictionary<string, object>> Apply<T>(IQueryable<Dictionary<string, object>> rows, ISpecification<T> specification, bool paging)
    {
        Check(specification);
        foreach (var where in specification.WhereExpressions)
        {
            rows = rows.Where(Predicate(where));
        }
        bool ordered = false;
        foreach (var order in specification.OrderExpressions)
        {
            rows = OrderBy(rows, order.KeySelector, order.Direction == OrderDirection.Descending, ordered);
            ordered = true;
        }
        rows = OrderByKey(rows, ordered);
        if (paging)
        {
            if (specification.Skip is int skip)
            {
                rows = rows.Skip(skip);
            }
            if (specification.Take is int take)
            {
                rows = rows.Take(take);
            }
        }
        return rows;
    }

    // A specification of the caller's own is held to what Specification<T> guarantees, as the in-memory evaluator holds it.
    private static void Check<T>(ISpecification<T> specification)
    {
        string name = specification.GetType().Name;
        var wheres = specification.WhereExpressions
            ?? throw new ArgumentException($"{name}.WhereExpressions is null; return an empty list for no filters.", nameof(specification));
        var orders = specification.OrderExpressions
            ?? throw new ArgumentException($"{name}.OrderExpressions is null; return an empty list for no order.", nameof(specification));
        for (int i = 0; i < wheres.Count; i++)
        {
            if (wheres[i] is null)
            {
                throw new ArgumentException($"{name}.WhereExpressions[{i}] is null.", nameof(specification));
            }
        }
        for (int i = 0; i < orders.Count; i++)
        {
            if (orders[i] is null)
            {
                throw new ArgumentException($"{name}.OrderExpressions[{i}] is null.", nameof(specification));
            }
        }
        if (specification.Skip < 0 || specification.Take < 0)
        {
            throw new ArgumentException($"{name} has Skip {specification.Skip} and Take {specification.Take}; neither may be negative.", nameof(specification));
        }
    }

    /// <summary>The rows whose key equals <paramref name="id"/>'s.</summary>
    public IQueryable<Dictionary<string, object>> ById(IQueryable<Dictionary<string, object>> rows, object id)
    {
        var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
        var values = map.KeyOf(id);
        Expression? body = null;
        for (int i = 0; i < map.KeyColumns.Count; i++)
        {
            var column = map.KeyColumns[i];
            var equal = Expression.Equal(Column(row, column.Name, column.StoreType), Parameter(values[i], column.StoreType));
            body = body is null ? equal : Expression.AndAlso(body, equal);
        }
        return rows.Where(Expression.Lambda<Func<Dictionary<string, object>, bool>>(body!, row));
    }

    private IQueryable<Dictionary<string, object>> OrderByKey(IQueryable<Dictionary<string, object>> rows, bool ordered)
    {
        foreach (var key in map.KeyColumns)
        {
            var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
            rows = Order(rows, Expression.Lambda(Column(row, key.Name, key.StoreType), row), descending: false, ordered);
            ordered = true;
        }
        return rows;
    }

    private Expression<Func<Dictionary<string, object>, bool>> Predicate<T>(Expression<Func<T, bool>> predicate)
    {
        var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
        var rewriter = new Rewriter(context, map, predicate.Parameters[0], row);
        var body = Rewriter.Finish(rewriter.Visit(predicate.Body));
        return Expression.Lambda<Func<Dictionary<string, object>, bool>>(body, row);
    }

    private IQueryable<Dictionary<string, object>> OrderBy<T>(IQueryable<Dictionary<string, object>> rows, Expression<Func<T, object?>> key, bool descending, bool ordered)
    {
        var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
        var rewriter = new Rewriter(context, map, key.Parameters[0], row);
        var body = key.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert && convert.Type == typeof(object) ? convert.Operand : key.Body;
        var visited = rewriter.Visit(body);
        if (visited is WrappedColumn wrapped)
        {
            // An id orders as its value does.
            visited = wrapped.Inner;
        }
        visited = Rewriter.Finish(visited);
        if (!visited.Type.IsValueType || Nullable.GetUnderlyingType(visited.Type) is not null)
        {
            // The in-memory evaluator orders null before any value (after, descending); SQLite does too, PostgreSQL
            // the other way round: order by "has a value" first, so every store agrees.
            var hasValue = Expression.Condition(Expression.Equal(visited, Expression.Constant(null, visited.Type)), Expression.Constant(0), Expression.Constant(1));
            rows = Order(rows, Expression.Lambda(hasValue, row), descending, ordered);
            ordered = true;
        }
        return Order(rows, Expression.Lambda(visited, row), descending, ordered);
    }

    private static IQueryable<Dictionary<string, object>> Order(IQueryable<Dictionary<string, object>> rows, LambdaExpression key, bool descending, bool ordered)
    {
        string name = (ordered, descending) switch
        {
            (false, false) => nameof(Queryable.OrderBy),
            (false, true) => nameof(Queryable.OrderByDescending),
            (true, false) => nameof(Queryable.ThenBy),
            _ => nameof(Queryable.ThenByDescending),
        };
        var method = typeof(Queryable).GetMethods()
            .Single(m => m.Name == name && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(Dictionary<string, object>), key.ReturnType);
        return rows.Provider.CreateQuery<Dictionary<string, object>>(Expression.Call(method, rows.Expression, Expression.Quote(key)));
    }

    internal static Expression Column(Expression row, string name, Type type) =>
        Expression.Call(PropertyMethod.MakeGenericMethod(type), row, Expression.Constant(name));

    // A value held in a closure becomes a query parameter (not a constant baked into the SQL and the query cache).
    private static Expression Parameter(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    /// <summary>A path from a mapped parameter that is not (yet) a column: an intermediate property or a collection.</summary>
    private sealed class PathStub(Scope scope, string path, Type type) : Expression
    {
        public Scope Scope { get; } = scope;

        public string Path { get; } = path;

        public override ExpressionType NodeType => ExpressionType.Extension;

        public override Type Type { get; } = type;

        public string Describe() => Scope.Describe(Path);
    }

    /// <summary>A column holding a wrapped value (an id, a code): it can be compared with values of its type and ordered by.</summary>
    private sealed class WrappedColumn(Expression inner, MappedColumn column, string description, Type type) : Expression
    {
        public Expression Inner { get; } = inner;

        public MappedColumn Column { get; } = column;

        public string Description { get; } = description;

        public override ExpressionType NodeType => ExpressionType.Extension;

        public override Type Type { get; } = type;
    }

    private sealed record Scope(ParameterExpression Row, string Owner, Func<string, MappedColumn?> Column, Func<string, MappedCollection?> Collection, string Hint)
    {
        public string Describe(string path) => $"{Owner}.{path}";
    }

    private sealed class Rewriter : ExpressionVisitor
    {
        private readonly GridGovernanceDbContext context;
        private readonly MappedAggregate map;
        private readonly Dictionary<ParameterExpression, Scope> scopes = [];

        public Rewriter(GridGovernanceDbContext context, MappedAggregate map, ParameterExpression parameter, ParameterExpression row)
        {
            this.context = context;
            this.map = map;
            string type = map.ClrType.Name;
            scopes[parameter] = new Scope(row, type, map.FindColumn, map.FindCollection,
                $"declare it with options.Map<{type}>(m => m.Column(x => x.PATH)) in AddGridGovernanceEntityFrameworkCore");
        }

        /// <summary>Refuses a rewritten expression that still holds a path with no column.</summary>
        public static Expression Finish(Expression expression)
        {
            new Leftovers().Visit(expression);
            return expression;
        }

        protected override Expression VisitParameter(ParameterExpression node) =>
            scopes.TryGetValue(node, out var scope) ? new PathStub(scope, "", node.Type) : node;

        protected override Expression VisitExtension(Expression node) => node;

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is null)
            {
                return node;
            }
            var target = Visit(node.Expression);
            string name = node.Member.Name;
            switch (target)
            {
                case PathStub stub:
                    string path = stub.Path.Length == 0 ? name : stub.Path + "." + name;
                    if (stub.Scope.Column(path) is { } column)
                    {
                        var access = Column(stub.Scope.Row, column.Name, column.StoreType);
                        return column.Wrapped is null ? access : new WrappedColumn(access, column, stub.Scope.Describe(path), column.PathType);
                    }
                    return new PathStub(stub.Scope, path, node.Type);
                case WrappedColumn wrapped when Nullable.GetUnderlyingType(wrapped.Type) is not null:
                    return name == nameof(Nullable<int>.HasValue)
                        ? Expression.NotEqual(wrapped.Inner, Expression.Constant(null, wrapped.Inner.Type))
                        : new WrappedColumn(wrapped.Inner, wrapped.Column, wrapped.Description, node.Type);
                case WrappedColumn wrapped when IsWrappedMember(node.Member, wrapped.Column.Wrapped!):
                    return wrapped.Inner.Type == node.Type ? wrapped.Inner : Expression.Convert(wrapped.Inner, node.Type);
                case WrappedColumn wrapped:
                    throw new NotSupportedException(
                        $"The specification reads {wrapped.Description}.{name}; {wrapped.Description} is stored as its {wrapped.Column.Wrapped!.FieldType.Name} value, so it can be compared with a value of its type, ordered by, or read through the property that holds that value, nothing else.");
                case MethodCallExpression { Method.Name: nameof(EF.Property) } when Nullable.GetUnderlyingType(target.Type) is not null:
                    return name == nameof(Nullable<int>.HasValue)
                        ? Expression.NotEqual(target, Expression.Constant(null, target.Type))
                        : Expression.Convert(target, node.Type);
                default:
                    return node.Update(target);
            }
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            var operand = Visit(node.Operand);
            if (operand is WrappedColumn wrapped && node.NodeType == ExpressionType.Convert)
            {
                // Lifting an id to a nullable id (u.ParentId == parent): the stored value lifts the same way.
                var inner = Nullable.GetUnderlyingType(node.Type) is not null && Nullable.GetUnderlyingType(wrapped.Inner.Type) is null && wrapped.Inner.Type.IsValueType
                    ? Expression.Convert(wrapped.Inner, typeof(Nullable<>).MakeGenericType(wrapped.Inner.Type))
                    : wrapped.Inner;
                return new WrappedColumn(inner, wrapped.Column, wrapped.Description, node.Type);
            }
            return node.Update(operand);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            var left = Visit(node.Left);
            var right = Visit(node.Right);
            var wrapped = left as WrappedColumn ?? right as WrappedColumn;
            if (wrapped is null)
            {
                return node.Update(left, node.Conversion, right);
            }
            if (node.NodeType is not (ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual))
            {
                throw new NotSupportedException($"The specification applies {node.NodeType} to {wrapped.Description}, which can only be compared.");
            }
            var l = StoredValue(left, wrapped);
            var r = StoredValue(right, wrapped);
            if (l.Type != r.Type)
            {
                // One side nullable, the other not: compare both as nullable.
                var nullable = Nullable.GetUnderlyingType(l.Type) is not null ? l.Type : r.Type;
                l = l.Type == nullable ? l : Expression.Convert(l, nullable);
                r = r.Type == nullable ? r : Expression.Convert(r, nullable);
            }
            return Expression.MakeBinary(node.NodeType, l, r);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name is nameof(Enumerable.Any) or nameof(Enumerable.All) or nameof(Enumerable.Count)
                && (node.Method.DeclaringType == typeof(Enumerable) || node.Method.DeclaringType == typeof(ImmutableArrayExtensions))
                && node.Arguments.Count is 1 or 2
                && Visit(node.Arguments[0]) is PathStub stub && stub.Scope.Collection(stub.Path) is { } collection)
            {
                return Subquery(node, stub, collection);
            }
            if (node.Method == IsMatchMethod)
            {
                return Like(node);
            }
            if (node.Method.Name == nameof(Enumerable.Contains) && node.Method.DeclaringType == typeof(Enumerable) && node.Arguments.Count == 2
                && Visit(node.Arguments[1]) is WrappedColumn column)
            {
                return ContainsWrapped(node.Arguments[0], column);
            }
            // C# 14 binds ids.Contains(x.Id) on an array to MemoryExtensions.Contains(ReadOnlySpan<T>, T), through an
            // implicit conversion of the array to a span: the same question, so the same translation.
            if (node.Method.Name == nameof(MemoryExtensions.Contains) && node.Method.DeclaringType == typeof(MemoryExtensions)
                && node.Arguments.Count == 2 && SpanSource(node.Arguments[0]) is { } values
                && Visit(node.Arguments[1]) is WrappedColumn spanColumn)
            {
                return ContainsWrapped(values, spanColumn);
            }
            return base.VisitMethodCall(node);
        }

        // pattern.IsMatch(x.Name) (what Search writes): LIKE with the escape '\\', ASCII letters in either case, as LikePattern
        // matches. SQLite's LIKE is ASCII-case-insensitive already; PostgreSQL's is case-sensitive, so both sides are
        // folded there, under the "C" collation, whose lower() folds A-Z only. A null value matches nothing, also under NOT.
        private Expression Like(MethodCallExpression node)
        {
            if (new Leftovers(throwOnFind: false).Finds(node.Object!))
            {
                throw new NotSupportedException("The specification calls IsMatch on a LikePattern read from the aggregate; use a pattern held in a variable.");
            }
            var pattern = Evaluate(node.Object!) as LikePattern
                ?? throw new ArgumentNullException(nameof(node), "The specification calls IsMatch on a null LikePattern.");
            var value = Visit(node.Arguments[0]);
            bool sqlite = context.Store.Database == DatabaseKind.Sqlite;
            var matched = sqlite ? value : Expression.Call(Expression.Call(CollateMethod, Functions, value, Expression.Constant("C")), ToLowerMethod);
            var like = Expression.Call(LikeMethod, Functions, matched, Parameter(sqlite ? pattern.Pattern : pattern.FoldedPattern, typeof(string)),
                Expression.Constant(LikePattern.EscapeCharacter.ToString()));
            return Expression.AndAlso(Expression.NotEqual(value, Expression.Constant(null, typeof(string))), like);
        }

        private static object? Evaluate(Expression expression) => expression switch
        {
            ConstantExpression constant => constant.Value,
            MemberExpression { Member: FieldInfo field } member => field.GetValue(member.Expression is null ? null : Evaluate(member.Expression)),
            MemberExpression { Member: PropertyInfo property } member => property.GetValue(member.Expression is null ? null : Evaluate(member.Expression)),
            _ => Expression.Lambda(expression).Compile().DynamicInvoke(),
        };

        // ids.Contains(x.Id): the ids' stored values, as one collection parameter (SQL: IN / json_each / = ANY).
        // The array under a span conversion (op_Implicit or a Convert node), or null for any other span.
        private static Expression? SpanSource(Expression span) => span switch
        {
            MethodCallExpression { Method.Name: "op_Implicit", Arguments: [var array] } when array.Type.IsArray => array,
            UnaryExpression { NodeType: ExpressionType.Convert, Operand: var array } when array.Type.IsArray => array,
            _ => null,
        };

        private static Expression ContainsWrapped(Expression values, WrappedColumn column)
        {
            if (new Leftovers(throwOnFind: false).Finds(values))
            {
                throw new NotSupportedException($"The specification tests {column.Description} against a collection read from the aggregate; use a collection of values.");
            }
            var evaluated = (System.Collections.IEnumerable?)Expression.Lambda(values).Compile().DynamicInvoke()
                ?? throw new ArgumentNullException(nameof(values), $"The collection tested against {column.Description} is null.");
            var storedType = column.Inner.Type;
            var stored = Array.CreateInstance(storedType, evaluated.Cast<object?>().Count());
            int i = 0;
            foreach (var value in evaluated)
            {
                stored.SetValue(column.Column.ToStore(value), i++);
            }
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [storedType], Parameter(stored, storedType.MakeArrayType()), column.Inner);
        }

        private Expression Subquery(MethodCallExpression node, PathStub stub, MappedCollection collection)
        {
            var owner = stub.Scope.Row;
            var child = Expression.Parameter(typeof(Dictionary<string, object>), "c");
            Expression? match = null;
            foreach (var key in map.KeyColumns)
            {
                var equal = Expression.Equal(
                    Column(child, MappedAggregate.OwnerPrefix + key.Name, key.StoreType),
                    Column(owner, key.Name, key.StoreType));
                match = match is null ? equal : Expression.AndAlso(match, equal);
            }
            var rows = context.Set<Dictionary<string, object>>(map.ChildTable(collection));
            var source = Expression.Call(QueryableMethod(nameof(Queryable.Where), 2), rows.AsQueryable().Expression,
                Expression.Quote(Expression.Lambda<Func<Dictionary<string, object>, bool>>(match!, child)));
            if (node.Arguments.Count == 1)
            {
                return Expression.Call(QueryableMethod(node.Method.Name, 1), source);
            }
            var predicate = node.Arguments[1] as LambdaExpression
                ?? throw new NotSupportedException($"The specification passes {node.Arguments[1]} to {node.Method.Name} over {stub.Describe()}; write the condition inline as a lambda.");
            var element = predicate.Parameters[0];
            scopes[element] = new Scope(child, $"{stub.Describe()}[]", collection.Find, _ => null,
                $"declare it in the collection's columns: m.Collection(x => x.{collection.Path}, c => c.Column(e => e.PATH))");
            try
            {
                var body = Finish(Visit(predicate.Body));
                return Expression.Call(QueryableMethod(node.Method.Name, 2), source,
                    Expression.Quote(Expression.Lambda<Func<Dictionary<string, object>, bool>>(body, child)));
            }
            finally
            {
                scopes.Remove(element);
            }
        }

        private static MethodInfo QueryableMethod(string name, int parameters) =>
            typeof(Queryable).GetMethods()
                .Single(m => m.Name == name && m.GetParameters().Length == parameters
                             && (parameters == 1 || m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2))
                .MakeGenericMethod(typeof(Dictionary<string, object>));

        // The stored value of one side of a comparison with a wrapped column.
        private static Expression StoredValue(Expression side, WrappedColumn column)
        {
            if (side is WrappedColumn wrapped)
            {
                return wrapped.Inner;
            }
            var field = column.Column.Wrapped!;
            var stored = field.FieldType.IsValueType ? typeof(Nullable<>).MakeGenericType(field.FieldType) : field.FieldType;
            if (side is ConstantExpression { Value: null } || (side is UnaryExpression { NodeType: ExpressionType.Convert, Operand: ConstantExpression { Value: null } }))
            {
                return Expression.Constant(null, stored);
            }
            if (new Leftovers(throwOnFind: false).Finds(side))
            {
                throw new NotSupportedException($"The specification compares {column.Description} with an expression over the aggregate; compare it with a value.");
            }
            if (Nullable.GetUnderlyingType(side.Type) is { } underlying)
            {
                var value = Expression.Field(Expression.Convert(side, underlying), field);
                return Expression.Condition(Expression.Equal(side, Expression.Constant(null, side.Type)),
                    Expression.Constant(null, stored),
                    field.FieldType.IsValueType ? Expression.Convert(value, stored) : value);
            }
            return Expression.Field(side, field);
        }

        private static bool IsWrappedMember(MemberInfo member, FieldInfo field) =>
            member == field || (member is PropertyInfo property && field.Name == $"<{property.Name}>k__BackingField");
    }

    /// <summary>Finds what a rewrite left over: a path with no column, or an id used other than in a comparison.</summary>
    private sealed class Leftovers(bool throwOnFind = true) : ExpressionVisitor
    {
        private bool found;

        public bool Finds(Expression expression)
        {
            Visit(expression);
            return found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            // Looking for references to the aggregate: any parameter counts (a closure value has none).
            found |= !throwOnFind;
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            if (node is not (PathStub or WrappedColumn))
            {
                // EF Core's own nodes (the query root of a subquery).
                return node;
            }
            found = true;
            if (!throwOnFind)
            {
                return node;
            }
            throw node switch
            {
                PathStub stub when stub.Scope.Collection(stub.Path) is not null => new NotSupportedException(
                    $"The specification uses the collection {stub.Describe()} other than through Any, All or Count; only those run in the database."),
                PathStub stub => new NotSupportedException(
                    $"The specification uses {stub.Describe()}, which has no query column, so the database cannot filter or order on it; "
                    + stub.Scope.Hint.Replace("PATH", stub.Path, StringComparison.Ordinal) + "."),
                WrappedColumn wrapped => new NotSupportedException(
                    $"The specification uses {wrapped.Description} other than in a comparison with a value of its type or as an order key."),
                _ => throw new InvalidOperationException($"Unexpected {node.GetType().Name} in a rewritten specification."),
            };
        }
    }
}
