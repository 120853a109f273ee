using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A member to add.</summary>
/// <param name="Id">The new member's id.</param>
/// <param name="Name">Full name (masked in public outputs by later modules).</param>
/// <param name="Kind">Long-resident, in-service or mobile.</param>
/// <param name="JoinedPartyOn">The day they joined the Party (入党日期, for 政治生日); not after the import date.</param>
/// <param name="BranchId">Their primary branch (组织关系); a kind the schema allows members in.</param>
[Immutable]
public sealed record MemberDraft(MemberId Id, string Name, MemberKind Kind, LocalDate JoinedPartyOn, OrgUnitId BranchId)
{
    /// <summary>A contact phone number (digits, 5–15), or <c>null</c>.</summary>
    public string? Phone { get; init; }

    /// <summary>Where the member lives, for nearby assignment, or <c>null</c>.</summary>
    public GeoPoint? Location { get; init; }
}
