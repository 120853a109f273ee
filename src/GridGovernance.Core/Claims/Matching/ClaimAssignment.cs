namespace GridGovernance.Claims.Matching;

/// <summary>One unit matched to one place of a project, with the parts of its cost.</summary>
/// <param name="Unit">The unit that claims the place.</param>
/// <param name="DistanceMetres">Unit to project, great-circle, rounded to whole metres.</param>
/// <param name="Weight">The weight of the project's category.</param>
[Immutable]
public sealed record ClaimAssignment(OrgUnitId Unit, long DistanceMetres, int Weight)
{
    /// <summary>The cost counted by the matcher: <see cref="DistanceMetres"/> × <see cref="Weight"/>.</summary>
    public long Cost => DistanceMetres * Weight;
}
