using GridGovernance.Specifications;

namespace GridGovernance.Organisation.Queries;

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
