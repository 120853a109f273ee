namespace GridGovernance.Specifications;

/// <summary>Makes specifications without declaring a class, for one-off queries and tests.</summary>
[Immutable]
public static class Specification
{
    /// <summary>Builds a specification from a builder callback: <c>Specification.Create&lt;OrgUnit&gt;(q =&gt; q.Where(u =&gt; u.IsClosed))</c>.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <param name="build">Describes the query.</param>
    /// <returns>The specification.</returns>
    public static Specification<T> Create<T>(Action<ISpecificationBuilder<T>> build) => new Inline<T>(Preconditions.CheckNotNull(build));

    /// <summary>
    /// Builds a projecting specification from a builder callback:
    /// <c>Specification.Create&lt;OrgUnit, string&gt;(q =&gt; q.Select(u =&gt; u.Name).Where(u =&gt; !u.IsClosed))</c>.
    /// </summary>
    /// <typeparam name="T">The queried type.</typeparam>
    /// <typeparam name="TResult">What each match is projected to.</typeparam>
    /// <param name="build">Describes the query and calls <c>Select</c> once.</param>
    /// <returns>The specification.</returns>
    /// <exception cref="GridGovernanceException"><paramref name="build"/> did not call <c>Select</c>, or called it twice (code <c>specification.misuse</c>).</exception>
    public static Specification<T, TResult> Create<T, TResult>(Action<ISpecificationBuilder<T, TResult>> build)
    {
        var specification = new Inline<T, TResult>(Preconditions.CheckNotNull(build));
        _ = specification.Selector;
        return specification;
    }

    /// <summary>A specification that matches every item.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    public static Specification<T> All<T>() => new Inline<T>(static _ => { });

    private sealed class Inline<T> : Specification<T>
    {
        public Inline(Action<ISpecificationBuilder<T>> build) => build(Query);
    }

    private sealed class Inline<T, TResult> : Specification<T, TResult>
    {
        public Inline(Action<ISpecificationBuilder<T, TResult>> build) => build(Query);
    }
}
