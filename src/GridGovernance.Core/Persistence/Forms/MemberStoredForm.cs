using System.Collections.Immutable;
using NodaTime;
using GridGovernance.Organisation;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="Member"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.Member"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record MemberStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required MemberId Id { get; init; }

    /// <summary>Full name (masked in public outputs).</summary>
    public required string Name { get; init; }

    /// <summary>Long-resident, in-service or mobile.</summary>
    public required MemberKind Kind { get; init; }

    /// <summary>The day they joined the Party (入党日期; the 政治生日 anniversary).</summary>
    public required LocalDate JoinedPartyOn { get; init; }

    /// <summary>A contact phone number, or <c>null</c>.</summary>
    public required string? Phone { get; init; }

    /// <summary>Where the member lives, or <c>null</c>.</summary>
    public required GeoPoint? Location { get; init; }

    /// <summary>The history of the primary branch (组织关系); its extent is the member's time on the roster. Stored as the timeline's segments, oldest first.</summary>
    public required ImmutableArray<Segment<OrgUnitId>> Branches { get; init; }

    /// <summary>Dual registrations (双报到), with history.</summary>
    public required ImmutableArray<DualRegistration> DualRegistrations { get; init; }

    /// <summary>Roles held, with history.</summary>
    public required ImmutableArray<RoleAssignment> Roles { get; init; }
}
