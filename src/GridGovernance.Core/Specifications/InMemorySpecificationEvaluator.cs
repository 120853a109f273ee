using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace GridGovernance.Specifications;

/// <summary>
/// Runs a specification over objects in memory with the fixed pipeline where → order → skip → take (→ select). The
/// in-memory store uses it; integrators can use it to test their specifications without a store.
/// </summary>
/// <remarks>
/// It reads only what <see cref="ISpecification{T}"/> exposes, as a database store does: <see cref="ISpecification{T}.WhereExpressions"/>
/// (each compiled once and cached), <see cref="ISpecification{T}.OrderExpressions"/>, <see cref="ISpecification{T}.Skip"/>
/// and <see cref="ISpecification{T}.Take"/>, so a specification of your own gives the same rows here as in any store.
/// </remarks>
[Immutable]
public static class InMemorySpecificationEvaluator
{
    /// <summary>Filters, orders and pages <paramref name="source"/> by <paramref name="specification"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items.</param>
    /// <param name="specification">The specification.</param>
    /// <param name="applyPaging"><c>false</c> to ignore Skip and Take (used for counts).</param>
    /// <returns>The matching items, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="specification"/> is null.</exception>
    /// <exception cref="ArgumentException">The specification has a null filter or sort key, or a negative Skip or Take.</exception>
    public static IEnumerable<T> Evaluate<T>(IEnumerable<T> source, ISpecification<T> specification, bool applyPaging = true)
    {
        Preconditions.CheckNotNull(source);
        Preconditions.CheckNotNull(specification);
        var filters = Filters(specification);
        var orders = Orders(specification);
        var (skip, take) = Page(specification);
        IEnumerable<T> query = filters.Length switch
        {
            0 => source,
            1 => source.Where(filters[0]),
            _ => source.Where(item => Array.TrueForAll(filters, f => f(item))),
        };

        IOrderedEnumerable<T>? ordered = null;
        foreach (var order in orders)
        {
            var key = order.CompiledKeySelector;
            var comparer = Comparer<object?>.Default;
            ordered = (ordered, order.Direction) switch
            {
                (null, OrderDirection.Ascending) => query.OrderBy(key, comparer),
                (null, OrderDirection.Descending) => query.OrderByDescending(key, comparer),
                (_, OrderDirection.Ascending) => ordered.ThenBy(key, comparer),
                _ => ordered!.ThenByDescending(key, comparer),
            };
        }
        query = ordered ?? query;

        if (applyPaging)
        {
            if (skip is int s)
            {
                query = query.Skip(s);
            }
            if (take is int t)
            {
                query = query.Take(t);
            }
        }
        return query;
    }

    /// <summary>Filters, orders and pages <paramref name="source"/> by <paramref name="specification"/>, then projects each match by its selector.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">What each match is projected to.</typeparam>
    /// <param name="source">The items.</param>
    /// <param name="specification">The projecting specification.</param>
    /// <returns>The projected matches, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="specification"/> is null, or its selector is.</exception>
    /// <exception cref="ArgumentException">The specification has a null filter or sort key, or a negative Skip or Take.</exception>
    public static IEnumerable<TResult> Evaluate<T, TResult>(IEnumerable<T> source, ISpecification<T, TResult> specification)
    {
        Preconditions.CheckNotNull(source);
        Preconditions.CheckNotNull(specification);
        var selector = CompiledSelector(specification);
        return Evaluate(source, (ISpecification<T>)specification).Select(selector);
    }

    /// <summary>Whether one item satisfies every filter of <paramref name="specification"/> (ordering and paging do not apply).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="specification">The specification.</param>
    /// <param name="item">The item.</param>
    /// <returns><c>true</c> when every filter holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="specification"/> is null.</exception>
    /// <exception cref="ArgumentException">The specification has a null filter.</exception>
    public static bool IsSatisfiedBy<T>(ISpecification<T> specification, T item)
    {
        Preconditions.CheckNotNull(specification);
        foreach (var filter in Filters(specification))
        {
            if (!filter(item))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The compiled selector of a projecting specification (compiled once per selector).</summary>
    internal static Func<T, TResult> CompiledSelector<T, TResult>(ISpecification<T, TResult> specification)
    {
        if (specification is Specification<T, TResult> own)
        {
            return own.CompiledSelector;
        }
        var selector = specification.Selector
            ?? throw new ArgumentNullException(nameof(specification), $"{specification.GetType().Name}.Selector is null.");
        return Cache<Func<T, TResult>>.Compiled.GetValue(selector, static e => ((Expression<Func<T, TResult>>)e).Compile());
    }

    /// <summary>A filter compiled once per expression instance, shared by every specification that holds it.</summary>
    internal static Func<T, bool> Compiled<T>(Expression<Func<T, bool>> filter) =>
        Cache<Func<T, bool>>.Compiled.GetValue(filter, static e => ((Expression<Func<T, bool>>)e).Compile());

    private static Func<T, bool>[] Filters<T>(ISpecification<T> specification)
    {
        if (specification is Specification<T> own)
        {
            return own.CompiledWhere;
        }
        var expressions = specification.WhereExpressions
            ?? throw new ArgumentException($"{specification.GetType().Name}.WhereExpressions is null; return an empty list for no filters.", nameof(specification));
        var filters = new Func<T, bool>[expressions.Count];
        for (int i = 0; i < filters.Length; i++)
        {
            filters[i] = Compiled(expressions[i]
                ?? throw new ArgumentException($"{specification.GetType().Name}.WhereExpressions[{i}] is null.", nameof(specification)));
        }
        return filters;
    }

    private static IReadOnlyList<OrderExpression<T>> Orders<T>(ISpecification<T> specification)
    {
        var orders = specification.OrderExpressions
            ?? throw new ArgumentException($"{specification.GetType().Name}.OrderExpressions is null; return an empty list for no order.", nameof(specification));
        for (int i = 0; i < orders.Count; i++)
        {
            if (orders[i] is null)
            {
                throw new ArgumentException($"{specification.GetType().Name}.OrderExpressions[{i}] is null.", nameof(specification));
            }
        }
        return orders;
    }

    private static (int? Skip, int? Take) Page<T>(ISpecification<T> specification)
    {
        int? skip = specification.Skip, take = specification.Take;
        if (skip < 0 || take < 0)
        {
            throw new ArgumentException($"{specification.GetType().Name} has Skip {skip} and Take {take}; neither may be negative.", nameof(specification));
        }
        return (skip, take);
    }

    private static class Cache<TDelegate>
        where TDelegate : class
    {
        public static readonly ConditionalWeakTable<LambdaExpression, TDelegate> Compiled = new();
    }
}
