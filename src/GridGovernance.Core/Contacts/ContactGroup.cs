using System.Collections.Immutable;

namespace GridGovernance.Contacts;

/// <summary>A member's contact group (党群联系群), the "1 group" of 3+N: the member and the households they look after.</summary>
/// <param name="Id">The group's id (<see cref="ContactCards.ContactGroupIdOf"/>).</param>
/// <param name="Member">The member.</param>
/// <param name="Households">The households, by id.</param>
[Immutable]
public sealed record ContactGroup(string Id, MemberId Member, ImmutableArray<HouseholdId> Households);
