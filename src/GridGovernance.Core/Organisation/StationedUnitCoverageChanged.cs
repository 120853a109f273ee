namespace GridGovernance.Organisation;

/// <summary>The party organisation covering a stationed unit changed (单独组建 / 联合组建 / none).</summary>
/// <param name="StationedUnit">The stationed unit.</param>
/// <param name="Organisation">The covering organisation, or <c>null</c>.</param>
/// <param name="OwnOrganisation">Whether it is the unit's own.</param>
[Immutable]
public sealed record StationedUnitCoverageChanged(StationedUnitId StationedUnit, OrgUnitId? Organisation, bool OwnOrganisation) : IDomainEvent;
