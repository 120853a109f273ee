namespace GridGovernance.Contacts;

/// <summary>A household the plan could not link, and why (never silently dropped: 全覆盖 is checked against this list).</summary>
/// <param name="Household">The household.</param>
/// <param name="Community">Its community.</param>
/// <param name="Grid">Its grid.</param>
/// <param name="Reason">Why.</param>
[Immutable]
public readonly record struct UncoveredHousehold(HouseholdId Household, OrgUnitId Community, OrgUnitId Grid, UncoveredReason Reason);
