namespace GridGovernance.Specifications;

/// <summary>
/// The builder a specification uses in its constructor (<c>Query.Where(...).OrderBy(...)</c>). It exposes
/// only the specification it builds; the verbs are extension methods in <see cref="SpecificationBuilderExtensions"/>.
/// </summary>
/// <typeparam name="T">The queried type.</typeparam>
public interface ISpecificationBuilder<T>
{
    /// <summary>The specification being built.</summary>
    Specification<T> Specification { get; }
}

/// <summary>A builder after an OrderBy: only here can <c>ThenBy</c> follow.</summary>
/// <typeparam name="T">The queried type.</typeparam>
public interface IOrderedSpecificationBuilder<T> : ISpecificationBuilder<T>
{
}
