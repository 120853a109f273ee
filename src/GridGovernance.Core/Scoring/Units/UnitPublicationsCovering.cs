using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.Scoring.Units;

/// <summary>The unit publications of a rule book whose period contains a date.</summary>
[Immutable]
public sealed class UnitPublicationsCovering : Specification<UnitPublication>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="ruleBookId">The unit rule book's id.</param>
    /// <param name="date">The date.</param>
    public UnitPublicationsCovering(string ruleBookId, LocalDate date)
    {
        Preconditions.CheckNotNull(ruleBookId);
        Query.Where(p => p.Id.RuleBookId == ruleBookId && p.PeriodStart <= date && p.PeriodEnd >= date);
    }
}
