using NodaTime;

namespace GridGovernance.Organisation;

// The organisation module's domain events live together: each is a one-line record and they are read as a set.

/// <summary>A unit was added to the hierarchy.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Parent">Its parent, or <c>null</c> for a root.</param>
/// <param name="EffectiveDate">The day it opened.</param>
[Immutable]
public sealed record OrgUnitAdded(OrgUnitId Unit, UnitKind Kind, OrgUnitId? Parent, LocalDate EffectiveDate) : IDomainEvent;

/// <summary>A unit was renamed.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="OldName">The former name.</param>
/// <param name="NewName">The new name.</param>
/// <param name="EffectiveDate">The day the new name applies.</param>
[Immutable]
public sealed record OrgUnitRenamed(OrgUnitId Unit, string OldName, string NewName, LocalDate EffectiveDate) : IDomainEvent;

/// <summary>A unit was moved under another parent.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="OldParent">The former parent.</param>
/// <param name="NewParent">The new parent.</param>
/// <param name="EffectiveDate">The day of the move.</param>
[Immutable]
public sealed record OrgUnitMoved(OrgUnitId Unit, OrgUnitId? OldParent, OrgUnitId? NewParent, LocalDate EffectiveDate) : IDomainEvent;

/// <summary>A unit was closed (by itself, or as the source of a merge or a split).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="EffectiveDate">The first day it no longer exists.</param>
/// <param name="Successors">The units that took over its contents (empty for a plain close).</param>
[Immutable]
public sealed record OrgUnitClosed(OrgUnitId Unit, LocalDate EffectiveDate, IReadOnlyList<OrgUnitId> Successors) : IDomainEvent;

/// <summary>A regional committee's span over a community started or ended.</summary>
/// <param name="Unit">The regional committee.</param>
/// <param name="Spanned">The community.</param>
/// <param name="Validity">The span's days.</param>
[Immutable]
public sealed record OrgUnitSpanChanged(OrgUnitId Unit, OrgUnitId Spanned, Validity Validity) : IDomainEvent;

/// <summary>A rotating chair's term was recorded (轮值主席).</summary>
/// <param name="Unit">The regional committee.</param>
/// <param name="Term">The term.</param>
[Immutable]
public sealed record OrgUnitChairAppointed(OrgUnitId Unit, ChairTerm Term) : IDomainEvent;

/// <summary>A member joined the roster.</summary>
/// <param name="Member">The member.</param>
/// <param name="Branch">The primary branch.</param>
/// <param name="EffectiveDate">The day of registration.</param>
[Immutable]
public sealed record MemberAdded(MemberId Member, OrgUnitId Branch, LocalDate EffectiveDate) : IDomainEvent;

/// <summary>A member's primary branch (组织关系) changed.</summary>
/// <param name="Member">The member.</param>
/// <param name="OldBranch">The former branch.</param>
/// <param name="NewBranch">The new branch.</param>
/// <param name="EffectiveDate">The day of the transfer.</param>
[Immutable]
public sealed record MemberTransferred(MemberId Member, OrgUnitId OldBranch, OrgUnitId NewBranch, LocalDate EffectiveDate) : IDomainEvent;

/// <summary>A member left the roster (transferred out of the city, died, ...).</summary>
/// <param name="Member">The member.</param>
/// <param name="EffectiveDate">The first day they are no longer on the roster.</param>
[Immutable]
public sealed record MemberLeft(MemberId Member, LocalDate EffectiveDate) : IDomainEvent;

/// <summary>A member registered with a second unit (双报到).</summary>
/// <param name="Member">The member.</param>
/// <param name="Registration">The registration.</param>
[Immutable]
public sealed record MemberDualRegistered(MemberId Member, DualRegistration Registration) : IDomainEvent;

/// <summary>A member was given a role.</summary>
/// <param name="Member">The member.</param>
/// <param name="Assignment">The role assignment.</param>
[Immutable]
public sealed record MemberRoleAssigned(MemberId Member, RoleAssignment Assignment) : IDomainEvent;

/// <summary>A member's role ended.</summary>
/// <param name="Member">The member.</param>
/// <param name="Assignment">The role assignment, as ended.</param>
[Immutable]
public sealed record MemberRoleEnded(MemberId Member, RoleAssignment Assignment) : IDomainEvent;

/// <summary>A household was added to the roster.</summary>
/// <param name="Household">The household.</param>
/// <param name="Unit">The grid (or group) it is placed in.</param>
/// <param name="EffectiveDate">The day it was added.</param>
[Immutable]
public sealed record HouseholdAdded(HouseholdId Household, OrgUnitId Unit, LocalDate EffectiveDate) : IDomainEvent;

/// <summary>A household was placed in another grid (or group).</summary>
/// <param name="Household">The household.</param>
/// <param name="OldUnit">The former unit.</param>
/// <param name="NewUnit">The new unit.</param>
/// <param name="EffectiveDate">The day of the move.</param>
[Immutable]
public sealed record HouseholdMoved(HouseholdId Household, OrgUnitId OldUnit, OrgUnitId NewUnit, LocalDate EffectiveDate) : IDomainEvent;

/// <summary>A household left the roster (moved away).</summary>
/// <param name="Household">The household.</param>
/// <param name="EffectiveDate">The first day it is no longer on the roster.</param>
[Immutable]
public sealed record HouseholdRemoved(HouseholdId Household, LocalDate EffectiveDate) : IDomainEvent;

/// <summary>A resident unit (驻区单位) was registered.</summary>
/// <param name="ResidentUnit">The resident unit.</param>
/// <param name="Community">Its community.</param>
/// <param name="EffectiveDate">The day it was registered.</param>
[Immutable]
public sealed record ResidentUnitAdded(ResidentUnitId ResidentUnit, OrgUnitId Community, LocalDate EffectiveDate) : IDomainEvent;

/// <summary>The party organisation covering a resident unit changed (单独组建 / 联合组建 / none).</summary>
/// <param name="ResidentUnit">The resident unit.</param>
/// <param name="Organisation">The covering organisation, or <c>null</c>.</param>
/// <param name="OwnOrganisation">Whether it is the unit's own.</param>
[Immutable]
public sealed record ResidentUnitCoverageChanged(ResidentUnitId ResidentUnit, OrgUnitId? Organisation, bool OwnOrganisation) : IDomainEvent;

/// <summary>A member's dual registration (双报到) ended, because the member left or the unit closed.</summary>
/// <param name="Member">The member.</param>
/// <param name="Registration">The registration, as ended.</param>
[Immutable]
public sealed record MemberRegistrationEnded(MemberId Member, DualRegistration Registration) : IDomainEvent;
