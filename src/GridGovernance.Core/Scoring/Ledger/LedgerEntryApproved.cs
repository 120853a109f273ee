namespace GridGovernance.Scoring.Ledger;

/// <summary>A reviewer approved a declaration (审核通过).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Member">The member.</param>
/// <param name="Points">The points approved (a discretionary value may differ from the one declared).</param>
/// <param name="Reviewer">Who approved it (the audit form of the acting <see cref="Authority.Actor"/>).</param>
/// <param name="ReviewerUnit">The unit of the post the reviewer acted in, or <c>null</c>.</param>
[Immutable]
public sealed record LedgerEntryApproved(LedgerEntryId Entry, MemberId Member, Points Points, LedgerActor Reviewer, OrgUnitId? ReviewerUnit) : IDomainEvent;
