namespace GridGovernance.Claims.Matching;

/// <summary>A service area (服务片区) that units can be given: a community or part of one.</summary>
/// <param name="Id">The area's id.</param>
/// <param name="Centre">Its centre; distances are measured to here.</param>
/// <param name="Capacity">How many units it can host.</param>
[Immutable]
public sealed record ServiceArea(AreaId Id, GeoPoint Centre, int Capacity);
