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

    /// <summary>A specification that matches every item.</summary>
    /// <typeparam name="T">The queried type.</typeparam>
    public static Specification<T> All<T>() => new Inline<T>(static _ => { });

    private sealed class Inline<T> : Specification<T>
    {
        public Inline(Action<ISpecificationBuilder<T>> build) => build(Query);
    }
}
