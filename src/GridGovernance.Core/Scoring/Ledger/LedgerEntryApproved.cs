namespace GridGovernance.Scoring.Ledger;

/// <summary>A reviewer approved a declaration (审核通过).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Member">The member.</param>
/// <param name="Points">The points approved (a discretionary value may differ from the one declared).</param>
/// <param name="Reviewer">Who approved it.</param>
[Immutable]
public sealed record LedgerEntryApproved(LedgerEntryId Entry, MemberId Member, Points Points, LedgerReviewer Reviewer) : IDomainEvent;
