using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace GridGovernance.Scoring.Stars;

/// <summary>
/// Organisation stars from organisation points (Yibin: organ branches are scored every quarter on the projects they
/// claimed, and their points decide their stars).
/// </summary>
/// <remarks>
/// The points of each unit come from the caller (a quarter's claimed-project points, or a sum of members' scores
/// from <see cref="AssessmentResult.ScoresByUnit"/>); the bands are the organisation's own, independent of the
/// member bands of a rule book. A unit gets the stars of the highest band its points reach, as
/// <see cref="StarCalculator.BandStarsFor"/> does.
/// </remarks>
[Immutable]
public static class OrganisationStars
{
    /// <summary>The stars of each unit.</summary>
    /// <param name="points">Each unit's points over the period.</param>
    /// <param name="bands">The bands: each gives at least one star, and more stars need a strictly higher minimum.</param>
    /// <returns>One entry per unit, in unit id order.</returns>
    /// <exception cref="GridGovernanceValidationException">A unit id is <c>default</c> (code <c>value.invalid</c>). A band is null or gives fewer than one star, or the bands overlap.</exception>
    public static ImmutableArray<UnitStars> For(IReadOnlyDictionary<OrgUnitId, Points> points, IReadOnlyList<StarBand> bands)
    {
        Preconditions.CheckNotNull(points);
        var ordered = StarCalculator.CheckBands(bands, nameof(bands));
        var result = new UnitStars[points.Count];
        int i = 0;
        foreach (var (unit, unitPoints) in points)
        {
            Preconditions.CheckSpecified(unit.IsSpecified, nameof(points), "points must not hold a default unit id.");
            result[i++] = new UnitStars(unit, unitPoints, StarCalculator.BandStars(unitPoints, ordered));
        }
        Array.Sort(result, static (x, y) => x.Unit.CompareTo(y.Unit));
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }
}
