namespace GridGovernance.Organisation;

/// <summary>Which party organisation covers a stationed unit over a span of days (组织覆盖), as kept in <see cref="StationedUnit.CoverageHistory"/>.</summary>
/// <param name="PartyOrganisationId">The covering organisation, or <c>null</c>.</param>
/// <param name="HasOwnOrganisation">Whether it is the unit's own (单独组建).</param>
[Immutable]
public sealed record StationedUnitCoverage(OrgUnitId? PartyOrganisationId, bool HasOwnOrganisation)
{
    /// <summary>Whether a party organisation covers it (counts towards 党组织覆盖率).</summary>
    public bool IsCovered => PartyOrganisationId is not null;
}
