using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// The entries an assessment counts: of one rule book, approved, neither reversed nor reversals, with an occurrence
/// date in a span of days; grouped by member (by member id, then in recorded order), the order the assessment engine
/// reads fastest.
/// </summary>
[Immutable]
public sealed class LedgerEntriesForAssessment : Specification<LedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="ruleBookId">The rule book's id.</param>
    /// <param name="start">The first day.</param>
    /// <param name="end">The last day (inclusive).</param>
    public LedgerEntriesForAssessment(string ruleBookId, LocalDate start, LocalDate end)
    {
        Preconditions.CheckNotNull(ruleBookId);
        Query.Where(e => e.RuleBookId == ruleBookId && e.Status == LedgerEntryStatus.Approved && e.ReversalOf == null
                         && e.OccurredOn >= start && e.OccurredOn <= end)
             .OrderBy(e => e.Member.Value).ThenBy(e => e.Id.Value);
    }

    /// <summary>The entries of one member that an assessment of the period counts (what the member's statement replays), in recorded order.</summary>
    /// <param name="ruleBookId">The rule book's id.</param>
    /// <param name="member">The member.</param>
    /// <param name="start">The period's first day.</param>
    /// <param name="end">The period's last day.</param>
    public LedgerEntriesForAssessment(string ruleBookId, MemberId member, LocalDate start, LocalDate end)
    {
        Preconditions.CheckNotNull(ruleBookId);
        Query.Where(e => e.RuleBookId == ruleBookId && e.Member == member && e.Status == LedgerEntryStatus.Approved && e.ReversalOf == null
                         && e.OccurredOn >= start && e.OccurredOn <= end)
             .OrderBy(e => e.Id.Value);
    }
}
