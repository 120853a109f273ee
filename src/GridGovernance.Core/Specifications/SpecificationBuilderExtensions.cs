using System.Linq.Expressions;
using System.Reflection;

namespace GridGovernance.Specifications;

/// <summary>
/// The verbs of the specification builder: Where, Search, OrderBy, ThenBy, Skip, Take, and Select for a projecting
/// specification. Every verb but Select has an overload with a <c>condition</c>: when it is <c>false</c> the call does
/// nothing, and its other arguments are not checked, so <c>Query.Where(u =&gt; u.Kind == kind, kind is not null)</c>
/// needs no <c>if</c>.
/// </summary>
[Immutable]
public static class SpecificationBuilderExtensions
{
    private static readonly MethodInfo IsMatchMethod = typeof(LikePattern).GetMethod(nameof(LikePattern.IsMatch), [typeof(string)])!;

    /// <summary>Adds a filter; several filters must all hold.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="criteria">The filter.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISpecificationBuilder<T> Where<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, bool>> criteria) =>
        Where(builder, criteria, condition: true);

    /// <summary>Adds a filter when <paramref name="condition"/> is <c>true</c>; otherwise does nothing.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="criteria">The filter.</param>
    /// <param name="condition">Whether to add it.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISpecificationBuilder<T> Where<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, bool>> criteria, bool condition)
    {
        Preconditions.CheckNotNull(builder);
        if (condition)
        {
            builder.Specification.AddWhere(Preconditions.CheckNotNull(criteria));
        }
        return builder;
    }

    /// <summary>
    /// Adds a filter that keeps the items whose <paramref name="selector"/> matches the SQL <c>LIKE</c>
    /// <paramref name="pattern"/> (see <see cref="LikePattern"/>: <c>%</c>, <c>_</c>, <c>\</c> escapes, A–Z match a–z,
    /// a <c>null</c> value never matches). Like every filter, it must hold together with the others.
    /// </summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="selector">The text to match, such as <c>u =&gt; u.Name</c>.</param>
    /// <param name="pattern">The pattern, such as <c>"%" + LikePattern.Escape(text) + "%"</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="pattern"/> has a dangling or unknown escape.</exception>
    public static ISpecificationBuilder<T> Search<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, string?>> selector, string pattern) =>
        Search(builder, selector, pattern, condition: true);

    /// <summary>Adds a <c>LIKE</c> filter (see <see cref="Search{T}(ISpecificationBuilder{T}, Expression{Func{T, string}}, string)"/>) when <paramref name="condition"/> is <c>true</c>.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="selector">The text to match.</param>
    /// <param name="pattern">The pattern.</param>
    /// <param name="condition">Whether to add it.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="pattern"/> has a dangling or unknown escape (only checked when <paramref name="condition"/> holds).</exception>
    public static ISpecificationBuilder<T> Search<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, string?>> selector, string pattern, bool condition)
    {
        Preconditions.CheckNotNull(builder);
        if (condition)
        {
            Preconditions.CheckNotNull(selector);
            var like = new LikePattern(pattern);
            // Written as a filter, so every store reads it from WhereExpressions: pattern.IsMatch(selector(x)).
            var body = Expression.Call(Expression.Constant(like), IsMatchMethod, selector.Body);
            builder.Specification.AddWhere(Expression.Lambda<Func<T, bool>>(body, selector.Parameters));
        }
        return builder;
    }

    /// <summary>Sorts by a key, smallest first. Only one OrderBy per specification; add more keys with ThenBy.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="keySelector">The key.</param>
    /// <returns>An ordered builder, on which ThenBy is available.</returns>
    /// <exception cref="GridGovernanceException">The specification already has an OrderBy (code <c>specification.misuse</c>).</exception>
    public static IOrderedSpecificationBuilder<T> OrderBy<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderDirection.Ascending, first: true, condition: true);

    /// <summary>Sorts by a key, smallest first, when <paramref name="condition"/> is <c>true</c>; otherwise does nothing, and the ThenBy calls chained on the result are dropped too.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="keySelector">The key.</param>
    /// <param name="condition">Whether to sort by it.</param>
    /// <returns>An ordered builder, on which ThenBy is available.</returns>
    /// <exception cref="GridGovernanceException">The specification already has an OrderBy (code <c>specification.misuse</c>).</exception>
    public static IOrderedSpecificationBuilder<T> OrderBy<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, bool condition) =>
        AddOrder(builder, keySelector, OrderDirection.Ascending, first: true, condition);

    /// <summary>Sorts by a key, largest first. Only one OrderBy per specification; add more keys with ThenBy.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="keySelector">The key.</param>
    /// <returns>An ordered builder, on which ThenBy is available.</returns>
    /// <exception cref="GridGovernanceException">The specification already has an OrderBy (code <c>specification.misuse</c>).</exception>
    public static IOrderedSpecificationBuilder<T> OrderByDescending<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderDirection.Descending, first: true, condition: true);

    /// <summary>Sorts by a key, largest first, when <paramref name="condition"/> is <c>true</c>; otherwise does nothing, and the ThenBy calls chained on the result are dropped too.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="keySelector">The key.</param>
    /// <param name="condition">Whether to sort by it.</param>
    /// <returns>An ordered builder, on which ThenBy is available.</returns>
    /// <exception cref="GridGovernanceException">The specification already has an OrderBy (code <c>specification.misuse</c>).</exception>
    public static IOrderedSpecificationBuilder<T> OrderByDescending<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, bool condition) =>
        AddOrder(builder, keySelector, OrderDirection.Descending, first: true, condition);

    /// <summary>Adds a secondary key, smallest first.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">An ordered builder (after OrderBy).</param>
    /// <param name="keySelector">The key.</param>
    /// <returns>The ordered builder.</returns>
    public static IOrderedSpecificationBuilder<T> ThenBy<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderDirection.Ascending, first: false, condition: true);

    /// <summary>Adds a secondary key, smallest first, when <paramref name="condition"/> is <c>true</c>; otherwise does nothing, and the ThenBy calls chained on the result are dropped too.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">An ordered builder (after OrderBy).</param>
    /// <param name="keySelector">The key.</param>
    /// <param name="condition">Whether to add it.</param>
    /// <returns>The ordered builder.</returns>
    public static IOrderedSpecificationBuilder<T> ThenBy<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, bool condition) =>
        AddOrder(builder, keySelector, OrderDirection.Ascending, first: false, condition);

    /// <summary>Adds a secondary key, largest first.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">An ordered builder (after OrderBy).</param>
    /// <param name="keySelector">The key.</param>
    /// <returns>The ordered builder.</returns>
    public static IOrderedSpecificationBuilder<T> ThenByDescending<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderDirection.Descending, first: false, condition: true);

    /// <summary>Adds a secondary key, largest first, when <paramref name="condition"/> is <c>true</c>; otherwise does nothing, and the ThenBy calls chained on the result are dropped too.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">An ordered builder (after OrderBy).</param>
    /// <param name="keySelector">The key.</param>
    /// <param name="condition">Whether to add it.</param>
    /// <returns>The ordered builder.</returns>
    public static IOrderedSpecificationBuilder<T> ThenByDescending<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, bool condition) =>
        AddOrder(builder, keySelector, OrderDirection.Descending, first: false, condition);

    /// <summary>Skips the first <paramref name="count"/> matches. At most once per specification.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="count">Zero or more.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="GridGovernanceException">Skip was already set (code <c>specification.misuse</c>).</exception>
    public static ISpecificationBuilder<T> Skip<T>(this ISpecificationBuilder<T> builder, int count) => Skip(builder, count, condition: true);

    /// <summary>Skips the first <paramref name="count"/> matches when <paramref name="condition"/> is <c>true</c>; otherwise does nothing.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="count">Zero or more.</param>
    /// <param name="condition">Whether to skip.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="count"/> is negative (only checked when <paramref name="condition"/> holds).</exception>
    /// <exception cref="GridGovernanceException">Skip was already set (code <c>specification.misuse</c>).</exception>
    public static ISpecificationBuilder<T> Skip<T>(this ISpecificationBuilder<T> builder, int count, bool condition)
    {
        Preconditions.CheckNotNull(builder);
        if (condition)
        {
            Preconditions.CheckArgumentRange(nameof(count), count, 0, int.MaxValue);
            builder.Specification.SetSkip(count);
        }
        return builder;
    }

    /// <summary>Returns at most <paramref name="count"/> matches. At most once per specification.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="count">Zero or more.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="GridGovernanceException">Take was already set (code <c>specification.misuse</c>).</exception>
    public static ISpecificationBuilder<T> Take<T>(this ISpecificationBuilder<T> builder, int count) => Take(builder, count, condition: true);

    /// <summary>Returns at most <paramref name="count"/> matches when <paramref name="condition"/> is <c>true</c>; otherwise does nothing.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="count">Zero or more.</param>
    /// <param name="condition">Whether to limit.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="count"/> is negative (only checked when <paramref name="condition"/> holds).</exception>
    /// <exception cref="GridGovernanceException">Take was already set (code <c>specification.misuse</c>).</exception>
    public static ISpecificationBuilder<T> Take<T>(this ISpecificationBuilder<T> builder, int count, bool condition)
    {
        Preconditions.CheckNotNull(builder);
        if (condition)
        {
            Preconditions.CheckArgumentRange(nameof(count), count, 0, int.MaxValue);
            builder.Specification.SetTake(count);
        }
        return builder;
    }

    /// <summary>
    /// Sets the projection of a projecting specification: what each match becomes, after the filters, the order and
    /// the page. Exactly once per specification. Call it on <c>Query</c> itself (first in a chain, or as a statement of its own).
    /// </summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <typeparam name="TResult">What each match is projected to.</typeparam>
    /// <param name="builder">The builder of a <see cref="Specification{T, TResult}"/>.</param>
    /// <param name="selector">The projection, such as <c>u =&gt; new UnitRow(u.Id, u.Name)</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="GridGovernanceException">Select was already called (code <c>specification.misuse</c>).</exception>
    public static ISpecificationBuilder<T, TResult> Select<T, TResult>(this ISpecificationBuilder<T, TResult> builder, Expression<Func<T, TResult>> selector)
    {
        Preconditions.CheckNotNull(builder);
        builder.Specification.SetSelector(Preconditions.CheckNotNull(selector));
        return builder;
    }

    private static IOrderedSpecificationBuilder<T> AddOrder<T>(ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, OrderDirection direction, bool first, bool condition)
    {
        Preconditions.CheckNotNull(builder);
        if (!condition || (!first && builder is DiscardedOrderChain<T>))
        {
            // A dropped key drops the ThenBy keys chained on it.
            return new DiscardedOrderChain<T>(builder.Specification);
        }
        Preconditions.CheckNotNull(keySelector);
        builder.Specification.AddOrder(new OrderExpression<T>(keySelector, direction), first);
        return builder is IOrderedSpecificationBuilder<T> ordered and not DiscardedOrderChain<T> ? ordered : new SpecificationBuilder<T>(builder.Specification);
    }
}
