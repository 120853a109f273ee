namespace GridGovernance.Specifications;

/// <summary>The direction of one sort key.</summary>
public enum OrderDirection
{
    /// <summary>Smallest first.</summary>
    Ascending,

    /// <summary>Largest first.</summary>
    Descending,
}
