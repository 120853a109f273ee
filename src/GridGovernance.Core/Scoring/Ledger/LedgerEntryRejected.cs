namespace GridGovernance.Scoring.Ledger;

/// <summary>A reviewer rejected a declaration (审核不通过).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Member">The member.</param>
/// <param name="Reviewer">Who rejected it.</param>
/// <param name="Reason">Why.</param>
[Immutable]
public sealed record LedgerEntryRejected(LedgerEntryId Entry, MemberId Member, LedgerReviewer Reviewer, string Reason) : IDomainEvent;
