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

    /// <inheritdoc />
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

    /// <inheritdoc />
    public IEnumerable<T> Evaluate(IEnumerable<T> source) => InMemorySpecificationEvaluator.Evaluate(source, this);

    internal Func<T, bool>[] CompiledWhere => compiledWhere ??= whereExpressions.Select(e => e.Compile()).ToArray();

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
/// A specification meant to match at most one item (for <c>SingleOrDefaultAsync</c>). Describe it in the
/// constructor like any <see cref="Specification{T}"/>.
/// </summary>
/// <typeparam name="T">The queried type.</typeparam>
[Immutable]
public abstract class SingleResultSpecification<T> : Specification<T>, ISingleResultSpecification<T>
{
}
