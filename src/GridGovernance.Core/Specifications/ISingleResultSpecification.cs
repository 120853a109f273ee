namespace GridGovernance.Specifications;

/// <summary>
/// A specification meant to match at most one item; repositories accept it in
/// <c>SingleOrDefaultAsync</c>, which throws when more than one item matches.
/// </summary>
/// <typeparam name="T">The queried type.</typeparam>
public interface ISingleResultSpecification<T> : ISpecification<T>
{
}
