using GridGovernance.Specifications;

namespace GridGovernance.Organisation.Queries;

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
