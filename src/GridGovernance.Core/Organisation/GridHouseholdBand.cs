namespace GridGovernance.Organisation;

/// <summary>The band of households a grid is expected to hold (Wanshan: 200–300 per grid).</summary>
/// <param name="Min">The fewest households.</param>
/// <param name="Max">The most households.</param>
[Immutable]
public readonly record struct GridHouseholdBand(int Min, int Max)
{
    /// <summary>Whether a count lies inside the band.</summary>
    /// <param name="households">The count.</param>
    public bool Contains(int households) => households >= Min && households <= Max;
}
