using GridGovernance.Specifications;

namespace GridGovernance.Organisation.Queries;

/// <summary>The open units whose current parent is a given unit, in id order.</summary>
[Immutable]
public sealed class OpenChildUnits : Specification<OrgUnit>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="parent">The parent unit.</param>
    public OpenChildUnits(OrgUnitId parent) =>
        Query.Where(u => u.ParentId == parent && !u.IsClosed).OrderBy(u => u.Id.Value);
}

/// <summary>The open units of a kind, in id order.</summary>
[Immutable]
public sealed class OpenUnitsOfKind : Specification<OrgUnit>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="kind">The kind.</param>
    public OpenUnitsOfKind(UnitKind kind) =>
        Query.Where(u => u.Kind == kind && !u.IsClosed).OrderBy(u => u.Id.Value);
}

/// <summary>The members on the roster whose current primary branch is a given unit, in id order.</summary>
[Immutable]
public sealed class ActiveMembersOfBranch : Specification<Member>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="branch">The branch.</param>
    public ActiveMembersOfBranch(OrgUnitId branch) =>
        Query.Where(m => m.BranchId == branch && m.IsActive).OrderBy(m => m.Id.Value);
}

/// <summary>The households on the roster currently placed in a given unit, in id order.</summary>
[Immutable]
public sealed class ActiveHouseholdsOfUnit : Specification<Household>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="unit">The grid or group.</param>
    public ActiveHouseholdsOfUnit(OrgUnitId unit) =>
        Query.Where(h => h.UnitId == unit && h.IsActive).OrderBy(h => h.Id.Value);
}

/// <summary>The active resident units covered by a given party organisation, in id order.</summary>
[Immutable]
public sealed class ResidentUnitsCoveredBy : Specification<ResidentUnit>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="organisation">The covering organisation.</param>
    public ResidentUnitsCoveredBy(OrgUnitId organisation) =>
        Query.Where(r => r.PartyOrganisationId == organisation && r.IsActive).OrderBy(r => r.Id.Value);
}

/// <summary>Members on the roster who hold a role on, or are registered with, a unit on or after a date.</summary>
[Immutable]
public sealed class MembersAttachedTo : Specification<Member>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="date">The date.</param>
    public MembersAttachedTo(OrgUnitId unit, NodaTime.LocalDate date) =>
        Query.Where(m => m.IsActive && (m.Roles.Any(r => r.Unit == unit && (r.Validity.Until == null || r.Validity.Until > date))
                                        || m.DualRegistrations.Any(r => r.Unit == unit && (r.Validity.Until == null || r.Validity.Until > date))))
             .OrderBy(m => m.Id.Value);
}

/// <summary>Units whose parent was a given unit until some day after a date (they moved away or closed since).</summary>
[Immutable]
public sealed class UnitsThatLeftAfter : Specification<OrgUnit>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="unit">The former parent.</param>
    /// <param name="date">The date.</param>
    public UnitsThatLeftAfter(OrgUnitId unit, NodaTime.LocalDate date) =>
        Query.Where(u => u.Parents.Segments.Any(s => s.Value == unit && s.Until != null && s.Until > date)).OrderBy(u => u.Id.Value);
}

/// <summary>Members whose primary branch was a given unit until some day after a date.</summary>
[Immutable]
public sealed class MembersThatLeftAfter : Specification<Member>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="unit">The former branch.</param>
    /// <param name="date">The date.</param>
    public MembersThatLeftAfter(OrgUnitId unit, NodaTime.LocalDate date) =>
        Query.Where(m => m.Branches.Segments.Any(s => s.Value == unit && s.Until != null && s.Until > date)).OrderBy(m => m.Id.Value);
}

/// <summary>Households that were placed in a given unit until some day after a date.</summary>
[Immutable]
public sealed class HouseholdsThatLeftAfter : Specification<Household>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="unit">The former unit.</param>
    /// <param name="date">The date.</param>
    public HouseholdsThatLeftAfter(OrgUnitId unit, NodaTime.LocalDate date) =>
        Query.Where(h => h.Units.Segments.Any(s => s.Value == unit && s.Until != null && s.Until > date)).OrderBy(h => h.Id.Value);
}
