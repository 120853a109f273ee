using GridGovernance.Scoring.Ledger;
using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.Scoring.Units;

/// <summary>The approved unit ledger entries of a rule book dated in a period, in recorded order: what a unit assessment reads.</summary>
[Immutable]
public sealed class UnitLedgerEntriesForAssessment : Specification<UnitLedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="ruleBookId">The unit rule book's id.</param>
    /// <param name="start">The period's first day.</param>
    /// <param name="end">The period's last day.</param>
    public UnitLedgerEntriesForAssessment(string ruleBookId, LocalDate start, LocalDate end)
    {
        Preconditions.CheckNotNull(ruleBookId);
        Query.Where(e => e.RuleBookId == ruleBookId && e.Status == LedgerEntryStatus.Approved && e.OccurredOn >= start && e.OccurredOn <= end)
            .OrderBy(e => e.Id.Value);
    }
}
