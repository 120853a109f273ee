using System.Linq.Expressions;

namespace GridGovernance.Specifications;

/// <summary>
/// A query over aggregates of type <typeparamref name="T"/> described as data: filters, ordering and paging,
/// all as expressions so that an in-memory store can run them and a database store can translate them.
/// </summary>
/// <typeparam name="T">The queried type.</typeparam>
public interface ISpecification<T>
{
    /// <summary>The filters; an item matches when it satisfies all of them.</summary>
    IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions { get; }

    /// <summary>The sort keys in order: the first is an OrderBy, the rest ThenBy.</summary>
    IReadOnlyList<OrderExpression<T>> OrderExpressions { get; }

    /// <summary>How many matches to skip, or <c>null</c>.</summary>
    int? Skip { get; }

    /// <summary>How many matches to return at most, or <c>null</c> for all.</summary>
    int? Take { get; }

    /// <summary>Whether one item satisfies every filter (ordering and paging do not apply).</summary>
    /// <param name="item">The item to test.</param>
    bool IsSatisfiedBy(T item);

    /// <summary>Runs the specification over items in memory: where, then order, then skip and take.</summary>
    /// <param name="source">The items.</param>
    IEnumerable<T> Evaluate(IEnumerable<T> source);
}
