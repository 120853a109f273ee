using System.Linq.Expressions;

namespace GridGovernance.Specifications;

/// <summary>The verbs of the specification builder: Where, OrderBy, ThenBy, Skip, Take.</summary>
[Immutable]
public static class SpecificationBuilderExtensions
{
    /// <summary>Adds a filter; several filters must all hold.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="criteria">The filter.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISpecificationBuilder<T> Where<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, bool>> criteria)
    {
        Preconditions.CheckNotNull(builder);
        builder.Specification.AddWhere(Preconditions.CheckNotNull(criteria));
        return builder;
    }

    /// <summary>Sorts by a key, smallest first. Only one OrderBy per specification; add more keys with ThenBy.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="keySelector">The key.</param>
    /// <returns>An ordered builder, on which ThenBy is available.</returns>
    /// <exception cref="GridGovernanceException">The specification already has an OrderBy (code <c>specification.misuse</c>).</exception>
    public static IOrderedSpecificationBuilder<T> OrderBy<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderDirection.Ascending, first: true);

    /// <summary>Sorts by a key, largest first. Only one OrderBy per specification; add more keys with ThenBy.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="keySelector">The key.</param>
    /// <returns>An ordered builder, on which ThenBy is available.</returns>
    /// <exception cref="GridGovernanceException">The specification already has an OrderBy (code <c>specification.misuse</c>).</exception>
    public static IOrderedSpecificationBuilder<T> OrderByDescending<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderDirection.Descending, first: true);

    /// <summary>Adds a secondary key, smallest first.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">An ordered builder (after OrderBy).</param>
    /// <param name="keySelector">The key.</param>
    /// <returns>The ordered builder.</returns>
    public static IOrderedSpecificationBuilder<T> ThenBy<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderDirection.Ascending, first: false);

    /// <summary>Adds a secondary key, largest first.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">An ordered builder (after OrderBy).</param>
    /// <param name="keySelector">The key.</param>
    /// <returns>The ordered builder.</returns>
    public static IOrderedSpecificationBuilder<T> ThenByDescending<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderDirection.Descending, first: false);

    /// <summary>Skips the first <paramref name="count"/> matches. At most once per specification.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="count">Zero or more.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="GridGovernanceException">Skip was already set (code <c>specification.misuse</c>).</exception>
    public static ISpecificationBuilder<T> Skip<T>(this ISpecificationBuilder<T> builder, int count)
    {
        Preconditions.CheckNotNull(builder);
        Preconditions.CheckArgumentRange(nameof(count), count, 0, int.MaxValue);
        builder.Specification.SetSkip(count);
        return builder;
    }

    /// <summary>Returns at most <paramref name="count"/> matches. At most once per specification.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="count">Zero or more.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="GridGovernanceException">Take was already set (code <c>specification.misuse</c>).</exception>
    public static ISpecificationBuilder<T> Take<T>(this ISpecificationBuilder<T> builder, int count)
    {
        Preconditions.CheckNotNull(builder);
        Preconditions.CheckArgumentRange(nameof(count), count, 0, int.MaxValue);
        builder.Specification.SetTake(count);
        return builder;
    }

    private static IOrderedSpecificationBuilder<T> AddOrder<T>(ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, OrderDirection direction, bool first)
    {
        Preconditions.CheckNotNull(builder);
        Preconditions.CheckNotNull(keySelector);
        builder.Specification.AddOrder(new OrderExpression<T>(keySelector, direction), first);
        return (IOrderedSpecificationBuilder<T>)builder;
    }
}
