namespace GridGovernance.Specifications;

/// <summary>Runs any <see cref="ISpecification{T}"/> in memory, through <see cref="InMemorySpecificationEvaluator"/>.</summary>
[Immutable]
public static class SpecificationExtensions
{
    /// <summary>Whether one item satisfies every filter of the specification (ordering and paging do not apply).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="specification">The specification.</param>
    /// <param name="item">The item.</param>
    /// <returns><c>true</c> when every filter holds.</returns>
    public static bool IsSatisfiedBy<T>(this ISpecification<T> specification, T item) =>
        InMemorySpecificationEvaluator.IsSatisfiedBy(specification, item);

    /// <summary>Runs the specification over items in memory: where, then order, then skip and take.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="specification">The specification.</param>
    /// <param name="source">The items.</param>
    /// <returns>The matching items, lazily.</returns>
    public static IEnumerable<T> Evaluate<T>(this ISpecification<T> specification, IEnumerable<T> source) =>
        InMemorySpecificationEvaluator.Evaluate(source, specification);

    /// <summary>Runs the projecting specification over items in memory: where, order, skip, take, then select.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">What each match is projected to.</typeparam>
    /// <param name="specification">The specification.</param>
    /// <param name="source">The items.</param>
    /// <returns>The projected matches, lazily.</returns>
    public static IEnumerable<TResult> Evaluate<T, TResult>(this ISpecification<T, TResult> specification, IEnumerable<T> source) =>
        InMemorySpecificationEvaluator.Evaluate(source, specification);
}
