using System.Collections.Immutable;

namespace GridGovernance.Contacts;

/// <summary>
/// A Party–resident contact card (党群联心卡), the "1 card" of 3+N: the household's member, their group and contact
/// group, and who to turn to next up the chain.
/// </summary>
/// <param name="Household">The household.</param>
/// <param name="Member">The contact member.</param>
/// <param name="MemberName">Their name, masked.</param>
/// <param name="MemberPhone">Their phone, masked, or <c>null</c>.</param>
/// <param name="Group">Their party group (党小组) when the chain has one, else <c>null</c>.</param>
/// <param name="ContactGroupId">The member's contact group (党群联系群).</param>
/// <param name="Escalation">Who answers at each level above the member, lowest first (levels nobody answers are left out).</param>
[Immutable]
public sealed record ContactCard(HouseholdId Household, MemberId Member, string MemberName, string? MemberPhone, OrgUnitId? Group, string ContactGroupId, ImmutableArray<CardContact> Escalation);
