using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>A household not contacted in the window.</summary>
/// <param name="Household">The household.</param>
/// <param name="Grid">Its grid.</param>
/// <param name="Community">Its community.</param>
/// <param name="Contact">Its contact member, or <c>null</c> when it has none.</param>
/// <param name="LastContact">The last day anyone logged a contact with it, or <c>null</c> for never.</param>
[Immutable]
public readonly record struct UncontactedHousehold(HouseholdId Household, OrgUnitId Grid, OrgUnitId Community, MemberId? Contact, LocalDate? LastContact);
