using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.Scoring.Ledger;

/// <summary>The publications of a rule book whose period contains a date (published or frozen), by period start.</summary>
[Immutable]
public sealed class PublicationsCovering : Specification<PeriodPublication>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="ruleBookId">The rule book's id.</param>
    /// <param name="date">The date.</param>
    public PublicationsCovering(string ruleBookId, LocalDate date)
    {
        Preconditions.CheckNotNull(ruleBookId);
        Query.Where(p => p.Id.RuleBookId == ruleBookId && p.PeriodStart <= date && p.PeriodEnd >= date)
             .OrderBy(p => p.PeriodStart)
             .ThenBy(p => p.Id.PeriodLabel);
    }
}
