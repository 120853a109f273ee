using System.Linq.Expressions;

namespace GridGovernance.Specifications;

/// <summary>
/// Base class of specifications. Write one by deriving and describing the query in the constructor:
/// <code>
/// public sealed class OpenUnitsOfKind : Specification&lt;OrgUnit&gt;
/// {
///     public OpenUnitsOfKind(UnitKind kind) =>
///         Query.Where(u => u.Kind == kind &amp;&amp; !u.IsClosed).OrderBy(u => u.Name);
/// }
/// </code>
/// </summary>
/// <typeparam name="T">The queried type.</typeparam>
/// <remarks>
/// Once constructed a specification does not change; it is safe to share between threads. Misuse of the
/// builder (two OrderBy, two Skip, two Take) throws <see cref="GridGovernanceException"/> with code
/// <see cref="ErrorCodes.SpecificationMisuse"/> at construction.
/// </remarks>
[Immutable]
public abstract class Specification<T> : ISpecification<T>
{
    private readonly List<Expression<Func<T, bool>>> whereExpressions = [];
    private readonly List<OrderExpression<T>> orderExpressions = [];
    private Func<T, bool>[]? compiledWhere;

    /// <summary>Creates an empty specification (matches everything) and its builder.</summary>
    protected Specification()
    {
        Query = new SpecificationBuilder<T>(this);
    }

    /// <summary>The builder to describe the query with, in the derived constructor.</summary>
    protected ISpecificationBuilder<T> Query { get; }

    /// <inheritdoc />
    public IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions => whereExpressions;

    /// <inheritdoc />
    public IReadOnlyList<OrderExpression<T>> OrderExpressions => orderExpressions;

    /// <inheritdoc />
    public int? Skip { get; private set; }

    /// <inheritdoc />
    public int? Take { get; private set; }

    /// <summary>Whether one item satisfies every filter (ordering and paging do not apply).</summary>
    /// <param name="item">The item to test.</param>
    /// <returns><c>true</c> when every filter holds.</returns>
    public bool IsSatisfiedBy(T item)
    {
        foreach (var predicate in CompiledWhere)
        {
            if (!predicate(item))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Runs the specification over items in memory: where, then order, then skip and take.</summary>
    /// <param name="source">The items.</param>
    /// <returns>The matching items, lazily.</returns>
    public IEnumerable<T> Evaluate(IEnumerable<T> source) => InMemorySpecificationEvaluator.Evaluate(source, this);

    /// <summary>The filters compiled once (rebuilt only while the constructor is still adding filters).</summary>
    internal Func<T, bool>[] CompiledWhere => compiledWhere ??= whereExpressions.Select(e => InMemorySpecificationEvaluator.Compiled(e)).ToArray();

    internal void AddWhere(Expression<Func<T, bool>> criteria)
    {
        whereExpressions.Add(criteria);
        compiledWhere = null;
    }

    internal void AddOrder(OrderExpression<T> order, bool first)
    {
        if (first && orderExpressions.Count > 0)
        {
            throw new GridGovernanceException(ErrorCodes.SpecificationMisuse,
                $"{GetType().Name} already has an OrderBy; add further sort keys with ThenBy or ThenByDescending.");
        }
        if (!first && orderExpressions.Count == 0)
        {
            throw new GridGovernanceException(ErrorCodes.SpecificationMisuse,
                $"{GetType().Name} calls ThenBy before any OrderBy; start with OrderBy or OrderByDescending.");
        }
        orderExpressions.Add(order);
    }

    internal void SetSkip(int count)
    {
        Preconditions.CheckState(Skip is null, ErrorCodes.SpecificationMisuse, $"{GetType().Name} calls Skip twice; a specification skips once.");
        Skip = count;
    }

    internal void SetTake(int count)
    {
        Preconditions.CheckState(Take is null, ErrorCodes.SpecificationMisuse, $"{GetType().Name} calls Take twice; a specification takes once.");
        Take = count;
    }
}

/// <summary>
/// A specification that projects each match to a <typeparamref name="TResult"/>. Describe the query in the
/// constructor like any <see cref="Specification{T}"/>, and the projection with <c>Query.Select</c>:
/// <code>
/// public sealed class UnitNamesOfKind : Specification&lt;OrgUnit, UnitName&gt;
/// {
///     public UnitNamesOfKind(UnitKind kind)
///     {
///         Query.Select(u => new UnitName(u.Id, u.Name));
///         Query.Where(u => u.Kind == kind).OrderBy(u => u.Id);
///     }
/// }
/// </code>
/// </summary>
/// <typeparam name="T">The queried type.</typeparam>
/// <typeparam name="TResult">What each match is projected to.</typeparam>
/// <remarks>
/// A specification needs exactly one <c>Select</c>: a second one throws <see cref="GridGovernanceException"/> with
/// code <see cref="ErrorCodes.SpecificationMisuse"/> at construction, and reading <see cref="Selector"/> of one without
/// any throws the same. As a <see cref="Specification{T}"/> it can also be used where aggregates are wanted
/// (<c>ListAsync(spec)</c> of an <see cref="ISpecification{T}"/>, <c>CountAsync</c>): the selector is then not applied.
/// </remarks>
[Immutable]
public abstract class Specification<T, TResult> : Specification<T>, ISpecification<T, TResult>
{
    private Expression<Func<T, TResult>>? selector;
    private Func<T, TResult>? compiledSelector;

    /// <summary>Creates an empty projecting specification and its builder.</summary>
    protected Specification()
    {
        Query = new SpecificationBuilder<T, TResult>(this);
    }

    /// <summary>The builder to describe the query and the projection with, in the derived constructor.</summary>
    protected new ISpecificationBuilder<T, TResult> Query { get; }

    /// <inheritdoc />
    /// <exception cref="GridGovernanceException">The specification has no <c>Select</c> (code <c>specification.misuse</c>).</exception>
    public Expression<Func<T, TResult>> Selector => selector
        ?? throw new GridGovernanceException(ErrorCodes.SpecificationMisuse, $"{GetType().Name} has no Select; a projecting specification calls Query.Select once.");

    /// <summary>Runs the specification over items in memory and projects each match: where, order, skip, take, then select.</summary>
    /// <param name="source">The items.</param>
    /// <returns>The projected matches, lazily.</returns>
    /// <exception cref="GridGovernanceException">The specification has no <c>Select</c> (code <c>specification.misuse</c>).</exception>
    public new IEnumerable<TResult> Evaluate(IEnumerable<T> source) => InMemorySpecificationEvaluator.Evaluate(source, this);

    /// <summary>The selector compiled once.</summary>
    internal Func<T, TResult> CompiledSelector => compiledSelector ??= Selector.Compile();

    internal void SetSelector(Expression<Func<T, TResult>> projection)
    {
        Preconditions.CheckState(selector is null, ErrorCodes.SpecificationMisuse, $"{GetType().Name} calls Select twice; a specification projects once.");
        selector = projection;
    }
}

/// <summary>
/// A specification meant to match at most one item (for <c>SingleOrDefaultAsync</c>). Describe it in the
/// constructor like any <see cref="Specification{T}"/>.
/// </summary>
/// <typeparam name="T">The queried type.</typeparam>
[Immutable]
public abstract class SingleResultSpecification<T> : Specification<T>, ISingleResultSpecification<T>
{
}
