namespace GridGovernance.Organisation;

/// <summary>
/// A roster import (花名册导入): units, members, households, resident units and roles, validated as a whole
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

    /// <summary>Resident units (驻区单位) to register.</summary>
    public IReadOnlyList<ResidentUnitDraft> ResidentUnits { get; init; } = [];

    /// <summary>Roles to give to members (in the batch or stored), starting on the import date.</summary>
    public IReadOnlyList<RoleDraft> Roles { get; init; } = [];

    /// <summary>How many rows the batch holds.</summary>
    public int RowCount => Units.Count + Members.Count + Households.Count + ResidentUnits.Count + Roles.Count;
}

/// <summary>What an import added.</summary>
/// <param name="Units">Units added.</param>
/// <param name="Members">Members added.</param>
/// <param name="Households">Households added.</param>
/// <param name="ResidentUnits">Resident units added.</param>
/// <param name="Roles">Roles assigned.</param>
[Immutable]
public sealed record ImportResult(int Units, int Members, int Households, int ResidentUnits, int Roles);

/// <summary>One new unit of a split and what it takes over from the unit being split.</summary>
/// <param name="Unit">The new unit: same kind and parent as the unit split.</param>
/// <param name="Contents">The child units, members and households it takes over; together the parts must take everything, each thing once.</param>
[Immutable]
public sealed record SplitPart(UnitDraft Unit, IReadOnlyCollection<NodeRef> Contents);

/// <summary>What a merge or a split changed.</summary>
/// <param name="Closed">The units closed (the merge sources, or the unit split).</param>
/// <param name="Created">The units created (the split parts; none for a merge).</param>
/// <param name="UnitsMoved">Child units re-parented.</param>
/// <param name="MembersMoved">Members transferred.</param>
/// <param name="HouseholdsMoved">Households moved.</param>
[Immutable]
public sealed record RestructureResult(IReadOnlyList<OrgUnitId> Closed, IReadOnlyList<OrgUnitId> Created, int UnitsMoved, int MembersMoved, int HouseholdsMoved);
