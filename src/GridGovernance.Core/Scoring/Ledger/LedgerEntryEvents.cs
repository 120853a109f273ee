using NodaTime;

namespace GridGovernance.Scoring;

// The ledger entry's domain events live together: each is a one-line record and they are read as a set.

/// <summary>A member declared points (党员申报); the entry waits for review.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Member">The member.</param>
/// <param name="RuleBookId">The rule book.</param>
/// <param name="ItemCode">The item.</param>
/// <param name="Points">The points declared.</param>
/// <param name="OccurredOn">The day it happened.</param>
/// <param name="Actor">Who declared it.</param>
[Immutable]
public sealed record LedgerEntryDeclared(LedgerEntryId Entry, MemberId Member, string RuleBookId, string ItemCode, Points Points, LocalDate OccurredOn, LedgerActor Actor) : IDomainEvent;

/// <summary>An entry was recorded already approved: by an automatic source, as a reversal, or as an adjustment.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Member">The member.</param>
/// <param name="RuleBookId">The rule book.</param>
/// <param name="ItemCode">The item.</param>
/// <param name="Points">The points (negative for a reversal of an award).</param>
/// <param name="OccurredOn">The day it counts on.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="ReversalOf">The entry it reverses, or <c>null</c>.</param>
/// <param name="AdjustsFrozenPeriod">The frozen period it corrects, or <c>null</c>.</param>
[Immutable]
public sealed record LedgerEntryRecorded(LedgerEntryId Entry, MemberId Member, string RuleBookId, string ItemCode, Points Points, LocalDate OccurredOn,
    LedgerSource Source, LedgerActor Actor, LedgerEntryId? ReversalOf, string? AdjustsFrozenPeriod) : IDomainEvent;

/// <summary>A reviewer approved a declaration (审核通过).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Member">The member.</param>
/// <param name="Points">The points approved (a discretionary value may differ from the one declared).</param>
/// <param name="Reviewer">Who approved it.</param>
[Immutable]
public sealed record LedgerEntryApproved(LedgerEntryId Entry, MemberId Member, Points Points, LedgerReviewer Reviewer) : IDomainEvent;

/// <summary>A reviewer rejected a declaration (审核不通过).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Member">The member.</param>
/// <param name="Reviewer">Who rejected it.</param>
/// <param name="Reason">Why.</param>
[Immutable]
public sealed record LedgerEntryRejected(LedgerEntryId Entry, MemberId Member, LedgerReviewer Reviewer, string Reason) : IDomainEvent;

/// <summary>An approved entry was cancelled by a reversal entry (冲销).</summary>
/// <param name="Entry">The entry reversed.</param>
/// <param name="Reversal">The reversal entry.</param>
/// <param name="Actor">Who reversed it.</param>
/// <param name="Reason">Why.</param>
[Immutable]
public sealed record LedgerEntryReversed(LedgerEntryId Entry, LedgerEntryId Reversal, LedgerActor Actor, string Reason) : IDomainEvent;
