using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>A person on a contact card: who answers at one level, with name and phone masked.</summary>
/// <param name="Unit">The unit they answer for.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Role">Their role there.</param>
/// <param name="Member">The member.</param>
/// <param name="Name">Their name, masked (<see cref="PersonalDataMasking.MaskName"/>).</param>
/// <param name="Phone">Their phone, masked, or <c>null</c>.</param>
[Immutable]
public sealed record CardContact(OrgUnitId Unit, UnitKind Kind, RoleKind Role, MemberId Member, string Name, string? Phone);
