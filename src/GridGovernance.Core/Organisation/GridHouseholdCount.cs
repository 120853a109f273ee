namespace GridGovernance.Organisation;

/// <summary>The number of households of one grid.</summary>
/// <param name="Grid">The grid unit.</param>
/// <param name="Households">Its households.</param>
[Immutable]
public readonly record struct GridHouseholdCount(OrgUnitId Grid, int Households);
