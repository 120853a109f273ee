using GridGovernance.Specifications;

namespace GridGovernance.Organisation.Queries;

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
