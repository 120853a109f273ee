using NodaTime;

namespace GridGovernance.Organisation;

// The rows of a roster import. Each is a plain record an integrator fills from a spreadsheet or a form; the
// service validates a whole batch before anything is applied.

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

    /// <summary>For a co-built grid branch: the resident unit it is built with.</summary>
    public ResidentUnitId? CoBuildingPartner { get; init; }
}

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

/// <summary>A household to add.</summary>
/// <param name="Id">The new household's id.</param>
/// <param name="UnitId">The grid branch (or group) it is placed in; a kind the schema allows households in.</param>
/// <param name="Address">Building and door (never published: later modules mask it).</param>
[Immutable]
public sealed record HouseholdDraft(HouseholdId Id, OrgUnitId UnitId, string Address)
{
    /// <summary>Where it is, for nearby assignment, or <c>null</c>.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>How many people live there; zero or more.</summary>
    public int Residents { get; init; } = 1;

    /// <summary>The head of the household's name, or <c>null</c>.</summary>
    public string? HeadName { get; init; }

    /// <summary>A contact phone number, or <c>null</c>.</summary>
    public string? Phone { get; init; }
}

/// <summary>A resident unit (驻区单位) to register.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Organ, institution, state firm, private firm or social organisation.</param>
/// <param name="CommunityId">The community (or other unit) it is located in.</param>
/// <param name="Headcount">Staff; zero or more.</param>
/// <param name="MemberCount">Party members on its staff; zero to <paramref name="Headcount"/>.</param>
[Immutable]
public sealed record ResidentUnitDraft(ResidentUnitId Id, string Name, ResidentUnitKind Kind, OrgUnitId CommunityId, int Headcount, int MemberCount)
{
    /// <summary>The party organisation that covers it (its own or a joint one), or <c>null</c> when none does.</summary>
    public OrgUnitId? PartyOrganisationId { get; init; }

    /// <summary>Whether that organisation is its own (单独组建) rather than joint (联合组建).</summary>
    public bool HasOwnOrganisation { get; init; }

    /// <summary>Whether it signed a co-building agreement (共建协议) with its community.</summary>
    public bool SignedCoBuildingAgreement { get; init; }

    /// <summary>Where it is, or <c>null</c>.</summary>
    public GeoPoint? Location { get; init; }
}

/// <summary>A role to give a member (in a batch or through <see cref="OrganisationService.AssignRoleAsync"/>).</summary>
/// <param name="MemberId">The member (in the batch or stored).</param>
/// <param name="Role">The role.</param>
/// <param name="UnitId">The unit it is held on.</param>
/// <param name="Employment">Full- or part-time.</param>
[Immutable]
public sealed record RoleDraft(MemberId MemberId, RoleKind Role, OrgUnitId UnitId, Employment Employment = Employment.PartTime)
{
    /// <summary>The first day it no longer holds, or <c>null</c> for open-ended.</summary>
    public LocalDate? Until { get; init; }
}
