using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using GridGovernance.EntityFrameworkCore.Mapping;
using NodaTime;

namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>
/// How a projection is read. When every path the selector reads from the aggregate has an exact query column, the
/// database returns only those columns and the selector runs on them in .NET (so its arithmetic, string and null
/// semantics are .NET's, as in memory). Otherwise (a path only the document holds, the aggregate itself, a method of
/// the aggregate, a column whose values the database rounds) the documents are read and the selector runs on the
/// materialised aggregates: slower, never different.
/// </summary>
internal sealed class ProjectionPlan<T, TResult>
{
    private static readonly MethodInfo WrapMethod = typeof(ProjectionPlan<T, TResult>).GetMethod(nameof(Wrap), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Lazy<Func<T, TResult>> fromAggregate;

    private ProjectionPlan(Expression<Func<Dictionary<string, object>, object?[]>>? columns, Func<object?[], TResult>? fromColumns, IReadOnlyList<string> columnNames, Expression<Func<T, TResult>> selector)
    {
        Columns = columns;
        FromColumns = fromColumns;
        ColumnNames = columnNames;
        fromAggregate = new Lazy<Func<T, TResult>>(selector.Compile);
    }

    /// <summary>The columns to select, or null when the selector needs the documents.</summary>
    public Expression<Func<Dictionary<string, object>, object?[]>>? Columns { get; }

    /// <summary>The selector over the selected columns' values (set when <see cref="Columns"/> is).</summary>
    public Func<object?[], TResult>? FromColumns { get; }

    /// <summary>The names of the selected columns (empty when the documents are read).</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The selector over a materialised aggregate (compiled on first use: a plan over columns never needs it).</summary>
    public Func<T, TResult> FromAggregate => fromAggregate.Value;

    public static ProjectionPlan<T, TResult> For(MappedAggregate map, DatabaseKind database, Expression<Func<T, TResult>> selector) =>
        (ProjectionPlan<T, TResult>)map.Projections.GetValue(selector, s => Build(map, database, (Expression<Func<T, TResult>>)s));

    private static ProjectionPlan<T, TResult> Build(MappedAggregate map, DatabaseKind database, Expression<Func<T, TResult>> selector)
    {
        var values = Expression.Parameter(typeof(object?[]), "values");
        var leaves = new List<MappedColumn>();
        var body = new Leaves(selector.Parameters[0], map, database, values, leaves).Visit(selector.Body);
        if (new References(selector.Parameters[0]).In(body))
        {
            return new ProjectionPlan<T, TResult>(null, null, [], selector);
        }
        if (leaves.Count == 0)
        {
            // Nothing read from the row (a constant, a captured value): select the key, one value per row.
            leaves.Add(map.KeyColumns[0]);
        }
        var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
        var columns = Expression.Lambda<Func<Dictionary<string, object>, object?[]>>(
            Expression.NewArrayInit(typeof(object), leaves.Select(c =>
                Expression.Convert(SpecificationTranslator.Column(row, c.Name, c.StoreType), typeof(object)))),
            row);
        var fromColumns = Expression.Lambda<Func<object?[], TResult>>(body, values).Compile();
        return new ProjectionPlan<T, TResult>(columns, fromColumns, [.. leaves.Select(c => c.Name)], selector);
    }

    /// <summary>Whether the database returns a column's values exactly as the aggregate holds them.</summary>
    private static bool IsExact(MappedColumn column, DatabaseKind database)
    {
        var type = Nullable.GetUnderlyingType(column.StoreType) ?? column.StoreType;
        // Instants are kept in 100 ns ticks (SQLite) or microseconds (PostgreSQL); PostgreSQL keeps local date-times,
        // times and durations in microseconds too. The document has the nanoseconds.
        return type != typeof(Instant)
            && (database == DatabaseKind.Sqlite || (type != typeof(LocalDateTime) && type != typeof(LocalTime) && type != typeof(Duration)));
    }

    // A stored value back to the wrapper it was taken from (an id, a code): the wrapper's one field set to it.
    private static object? Wrap(Type wrapper, FieldInfo field, object? stored)
    {
        if (stored is null)
        {
            return null;
        }
        var boxed = RuntimeHelpers.GetUninitializedObject(wrapper);
        field.SetValue(boxed, stored);
        return boxed;
    }

    /// <summary>Replaces each path with an exact column by the column's value, read from the values array.</summary>
    private sealed class Leaves(ParameterExpression parameter, MappedAggregate map, DatabaseKind database, ParameterExpression values, List<MappedColumn> leaves)
        : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (PathOf(node) is { } path && map.FindColumn(path) is { } column && IsExact(column, database) && column.PathType == node.Type)
            {
                int index = leaves.IndexOf(column);
                if (index < 0)
                {
                    index = leaves.Count;
                    leaves.Add(column);
                }
                Expression value = Expression.ArrayIndex(values, Expression.Constant(index));
                if (column.Wrapped is { } field)
                {
                    var wrapper = Nullable.GetUnderlyingType(column.PathType) ?? column.PathType;
                    value = Expression.Call(WrapMethod, Expression.Constant(wrapper), Expression.Constant(field, typeof(FieldInfo)), value);
                }
                return Expression.Convert(value, column.PathType);
            }
            return base.VisitMember(node);
        }

        private string? PathOf(MemberExpression node)
        {
            var parts = new List<string>();
            Expression? current = node;
            while (current is MemberExpression member)
            {
                parts.Add(member.Member.Name);
                current = member.Expression;
            }
            if (current != parameter)
            {
                return null;
            }
            parts.Reverse();
            return string.Join('.', parts);
        }
    }

    private sealed class References(ParameterExpression parameter) : ExpressionVisitor
    {
        private bool found;

        public bool In(Expression expression)
        {
            Visit(expression);
            return found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            found |= node == parameter;
            return node;
        }
    }
}
