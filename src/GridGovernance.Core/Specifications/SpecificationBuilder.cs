namespace GridGovernance.Specifications;

internal sealed class SpecificationBuilder<T>(Specification<T> specification) : IOrderedSpecificationBuilder<T>
{
    public Specification<T> Specification { get; } = specification;
}

internal sealed class SpecificationBuilder<T, TResult>(Specification<T, TResult> specification) : ISpecificationBuilder<T, TResult>, IOrderedSpecificationBuilder<T>
{
    public Specification<T, TResult> Specification { get; } = specification;

    Specification<T> ISpecificationBuilder<T>.Specification => Specification;
}

/// <summary>
/// What a conditional OrderBy or ThenBy whose condition was false returns: the ThenBy calls chained on it are
/// dropped with it (a sort key without the keys before it would mean something else).
/// </summary>
internal sealed class DiscardedOrderChain<T>(Specification<T> specification) : IOrderedSpecificationBuilder<T>
{
    public Specification<T> Specification { get; } = specification;
}
