using System.Linq.Expressions;

namespace GridGovernance.Specifications;

/// <summary>
/// A query over aggregates of type <typeparamref name="T"/> described as data: filters, ordering and paging,
/// all as expressions so that an in-memory store can run them and a database store can translate them.
/// </summary>
/// <typeparam name="T">The queried type.</typeparam>
/// <remarks>
/// These four members are the whole query: every store reads them and nothing else, so a class of your own that
/// implements this interface gives the same rows in every store. Run one in memory with
/// <see cref="SpecificationExtensions.Evaluate{T}(ISpecification{T}, IEnumerable{T})"/> and
/// <see cref="SpecificationExtensions.IsSatisfiedBy{T}(ISpecification{T}, T)"/>.
/// </remarks>
public interface ISpecification<T>
{
    /// <summary>The filters; an item matches when it satisfies all of them. No element is <c>null</c>.</summary>
    IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions { get; }

    /// <summary>The sort keys in order: the first is an OrderBy, the rest ThenBy. No element is <c>null</c>.</summary>
    IReadOnlyList<OrderExpression<T>> OrderExpressions { get; }

    /// <summary>How many matches to skip (zero or more), or <c>null</c>.</summary>
    int? Skip { get; }

    /// <summary>How many matches to return at most (zero or more), or <c>null</c> for all.</summary>
    int? Take { get; }
}

/// <summary>
/// A specification that also projects each match to a <typeparamref name="TResult"/> (a read model, an export row),
/// so that a store need not load whole aggregates: <c>IReadRepository&lt;T&gt;.ListAsync&lt;TResult&gt;</c>.
/// </summary>
/// <typeparam name="T">The queried type.</typeparam>
/// <typeparam name="TResult">What each match is projected to.</typeparam>
public interface ISpecification<T, TResult> : ISpecification<T>
{
    /// <summary>The projection, applied after the filters, the order and the page.</summary>
    Expression<Func<T, TResult>> Selector { get; }
}
