namespace GridGovernance.Contacts;

/// <summary>A household to be linked (联系户): where it is and which community and grid it belongs to.</summary>
/// <param name="Id">The household.</param>
/// <param name="Community">Its community (社区); links never cross communities.</param>
/// <param name="Grid">Its grid (网格); a member of the same grid is preferred.</param>
/// <param name="Location">Where it is.</param>
[Immutable]
public readonly record struct ContactHousehold(HouseholdId Id, OrgUnitId Community, OrgUnitId Grid, GeoPoint Location);
