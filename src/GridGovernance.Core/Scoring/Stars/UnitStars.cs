namespace GridGovernance.Scoring.Stars;

/// <summary>The stars of an organisation unit for a period (organisation 星级, e.g. Yibin's quarterly organ stars).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Points">The unit's points over the period.</param>
/// <param name="Stars">The stars of the highest band the points reach; zero below every band.</param>
[Immutable]
public readonly record struct UnitStars(OrgUnitId Unit, Points Points, int Stars);
