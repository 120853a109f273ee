namespace GridGovernance.Specifications;

/// <summary>
/// Runs a specification over objects in memory with the fixed pipeline where → order → skip → take. The
/// in-memory store uses it; integrators can use it to test their specifications without a store.
/// </summary>
[Immutable]
public static class InMemorySpecificationEvaluator
{
    /// <summary>Filters, orders and pages <paramref name="source"/> by <paramref name="specification"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items.</param>
    /// <param name="specification">The specification.</param>
    /// <param name="applyPaging"><c>false</c> to ignore Skip and Take (used for counts).</param>
    /// <returns>The matching items, lazily.</returns>
    public static IEnumerable<T> Evaluate<T>(IEnumerable<T> source, ISpecification<T> specification, bool applyPaging = true)
    {
        Preconditions.CheckNotNull(source);
        Preconditions.CheckNotNull(specification);
        IEnumerable<T> query = source.Where(specification.IsSatisfiedBy);

        IOrderedEnumerable<T>? ordered = null;
        foreach (var order in specification.OrderExpressions)
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
            if (specification.Skip is int skip)
            {
                query = query.Skip(skip);
            }
            if (specification.Take is int take)
            {
                query = query.Take(take);
            }
        }
        return query;
    }
}
