namespace GridGovernance.Scoring.Ledger;

/// <summary>A reviewer rejected a declaration (审核不通过).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Member">The member.</param>
/// <param name="Reviewer">Who rejected it (the audit form of the acting <see cref="Authority.Actor"/>).</param>
/// <param name="ReviewerUnit">The unit of the post the reviewer acted in, or <c>null</c>.</param>
/// <param name="Reason">Why.</param>
[Immutable]
public sealed record LedgerEntryRejected(LedgerEntryId Entry, MemberId Member, LedgerActor Reviewer, OrgUnitId? ReviewerUnit, string Reason) : IDomainEvent;
