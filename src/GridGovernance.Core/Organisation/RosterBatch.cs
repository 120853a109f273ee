namespace GridGovernance.Organisation;

/// <summary>
/// A roster import (花名册导入): units, members, households, stationed units and roles, validated as a whole
/// by <see cref="OrganisationService.ImportAsync"/>. Rows may reference each other and what is already stored,
/// in any order. If any row is bad, every problem is reported and nothing is applied.
/// </summary>
[Immutable]
public sealed record RosterBatch
{
    /// <summary>Units to add.</summary>
    public IReadOnlyList<UnitDraft> Units { get; init; } = [];

    /// <summary>Members to add.</summary>
    public IReadOnlyList<MemberDraft> Members { get; init; } = [];

    /// <summary>Households to add.</summary>
    public IReadOnlyList<HouseholdDraft> Households { get; init; } = [];

    /// <summary>Stationed units (驻区单位) to register.</summary>
    public IReadOnlyList<StationedUnitDraft> StationedUnits { get; init; } = [];

    /// <summary>Roles to give to members (in the batch or stored), starting on the import date.</summary>
    public IReadOnlyList<RoleDraft> Roles { get; init; } = [];

    /// <summary>How many rows the batch holds.</summary>
    public int RowCount => Units.Count + Members.Count + Households.Count + StationedUnits.Count + Roles.Count;
}
