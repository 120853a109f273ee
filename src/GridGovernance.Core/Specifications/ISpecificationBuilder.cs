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

/// <summary>
/// The builder of a projecting specification (<see cref="Specification{T, TResult}"/>): every verb of
/// <see cref="ISpecificationBuilder{T}"/>, and <c>Select</c>. Call <c>Select</c> on <c>Query</c> itself, first in a
/// chain or as a statement of its own (<c>Query.Select(...)</c>): the other verbs return the plain builder.
/// </summary>
/// <typeparam name="T">The queried type.</typeparam>
/// <typeparam name="TResult">What each match is projected to.</typeparam>
public interface ISpecificationBuilder<T, TResult> : ISpecificationBuilder<T>
{
    /// <summary>The projecting specification being built.</summary>
    new Specification<T, TResult> Specification { get; }
}
