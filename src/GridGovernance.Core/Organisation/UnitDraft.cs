namespace GridGovernance.Organisation;

/// <summary>A unit to add (one row of a roster import, or one <see cref="OrganisationService.AddUnitAsync"/>).</summary>
/// <param name="Id">The new unit's id.</param>
/// <param name="Kind">Its kind; must be in the schema.</param>
/// <param name="Name">Its name.</param>
/// <param name="ParentId">Its parent (in the batch or already stored), or <c>null</c> for a root kind.</param>
[Immutable]
public sealed record UnitDraft(OrgUnitId Id, UnitKind Kind, string Name, OrgUnitId? ParentId)
{
    /// <summary>For the schema's grid kind: 直管型, 共建型 or 组合型.</summary>
    public GridBranchKind? GridBranchKind { get; init; }

    /// <summary>For party groups: building or merchant.</summary>
    public PartyGroupKind? PartyGroupKind { get; init; }

    /// <summary>For a co-built grid branch: the stationed unit it is built with.</summary>
    public StationedUnitId? CoBuildingPartner { get; init; }
}
