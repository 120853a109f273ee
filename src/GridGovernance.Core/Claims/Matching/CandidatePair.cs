namespace GridGovernance.Claims.Matching;

/// <summary>A unit that may claim a project: it qualifies by category, area, availability and range.</summary>
/// <param name="Project">Index of the project in <see cref="ClaimNetwork.Projects"/>.</param>
/// <param name="Unit">Index of the resource in <see cref="ClaimNetwork.Resources"/>.</param>
/// <param name="DistanceMetres">Distance in whole metres.</param>
/// <param name="Weight">The weight of the project's category.</param>
[Immutable]
public readonly record struct CandidatePair(int Project, int Unit, long DistanceMetres, int Weight)
{
    /// <summary>The pair's cost: <see cref="DistanceMetres"/> × <see cref="Weight"/>.</summary>
    public long Cost => DistanceMetres * Weight;
}
