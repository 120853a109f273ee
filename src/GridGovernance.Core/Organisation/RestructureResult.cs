namespace GridGovernance.Organisation;

/// <summary>What a merge or a split changed.</summary>
/// <param name="Closed">The units closed (the merge sources, or the unit split).</param>
/// <param name="Created">The units created (the split parts; none for a merge).</param>
/// <param name="UnitsMoved">Child units re-parented.</param>
/// <param name="MembersMoved">Members transferred.</param>
/// <param name="HouseholdsMoved">Households moved.</param>
[Immutable]
public sealed record RestructureResult(IReadOnlyList<OrgUnitId> Closed, IReadOnlyList<OrgUnitId> Created, int UnitsMoved, int MembersMoved, int HouseholdsMoved);
