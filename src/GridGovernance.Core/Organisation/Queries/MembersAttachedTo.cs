using GridGovernance.Specifications;

namespace GridGovernance.Organisation.Queries;

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
