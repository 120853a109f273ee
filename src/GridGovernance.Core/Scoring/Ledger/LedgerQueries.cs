using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.Scoring;

/// <summary>The ledger entry recorded with an idempotency key (at most one).</summary>
[Immutable]
public sealed class LedgerEntryByIdempotencyKey : SingleResultSpecification<LedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="idempotencyKey">The key.</param>
    public LedgerEntryByIdempotencyKey(string idempotencyKey)
    {
        Preconditions.CheckNotNull(idempotencyKey);
        Query.Where(e => e.IdempotencyKey == idempotencyKey);
    }
}

/// <summary>The most recently recorded ledger entry (the highest id).</summary>
[Immutable]
public sealed class LatestLedgerEntry : Specification<LedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    public LatestLedgerEntry() => Query.OrderByDescending(e => e.Id.Value).Take(1);
}

/// <summary>A member's ledger entries of every state (their 明细账), in recorded order.</summary>
[Immutable]
public sealed class LedgerEntriesOfMember : Specification<LedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="member">The member.</param>
    public LedgerEntriesOfMember(MemberId member) => Query.Where(e => e.Member == member).OrderBy(e => e.Id.Value);
}

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
}

/// <summary>Declarations waiting for review (待审核), oldest first.</summary>
[Immutable]
public sealed class DeclaredLedgerEntries : Specification<LedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="ruleBookId">The rule book's id.</param>
    public DeclaredLedgerEntries(string ruleBookId)
    {
        Preconditions.CheckNotNull(ruleBookId);
        Query.Where(e => e.RuleBookId == ruleBookId && e.Status == LedgerEntryStatus.Declared).OrderBy(e => e.Id.Value);
    }
}

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
