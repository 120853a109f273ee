using NodaTime;
using GridGovernance.Scoring.Ledger;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="LedgerEntry"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.LedgerEntry"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record LedgerEntryStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required LedgerEntryId Id { get; init; }

    /// <summary>The rule book the item belongs to.</summary>
    public required string RuleBookId { get; init; }

    /// <summary>The rule-book item, e.g. <c>themed-party-day</c>.</summary>
    public required string ItemCode { get; init; }

    /// <summary>The member the points belong to.</summary>
    public required MemberId Member { get; init; }

    /// <summary>The points as declared or recorded (before any reviewer's change of a discretionary value).</summary>
    public required Points DeclaredPoints { get; init; }

    /// <summary>The points: as approved for an approved entry (a reviewer may change a discretionary value), the negated points of the original for a reversal. For information and for balances; an assessment recomputes points from the rule book and applies caps.</summary>
    public required Points Points { get; init; }

    /// <summary>The day it happened, or for an adjustment the day in the open period it is counted on.</summary>
    public required LocalDate OccurredOn { get; init; }

    /// <summary>For an adjustment: the day it really happened, inside the frozen period; otherwise <c>null</c>.</summary>
    public required LocalDate? OriginallyOccurredOn { get; init; }

    /// <summary>When it was written to the ledger.</summary>
    public required Instant RecordedAt { get; init; }

    /// <summary>Who declared or recorded it.</summary>
    public required LedgerActor Actor { get; init; }

    /// <summary>Where it came from.</summary>
    public required LedgerSource Source { get; init; }

    /// <summary>A reference to the evidence, or <c>null</c>.</summary>
    public required string? Evidence { get; init; }

    /// <summary>The caller's key: the same key twice is one entry.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>For a tiered item: the tier's code; otherwise <c>null</c>.</summary>
    public required string? Tier { get; init; }

    /// <summary>Whether it happened after a reminder (counts double where the rule says so).</summary>
    public required bool AfterReminder { get; init; }

    /// <summary>The review state.</summary>
    public required LedgerEntryStatus Status { get; init; }

    /// <summary>The member who approved or rejected it, or <c>null</c> (not reviewed yet, recorded directly, or reviewed by an actor who is no member).</summary>
    public required MemberId? ReviewedBy { get; init; }

    /// <summary>The unit of the post the reviewer acted in, or <c>null</c>.</summary>
    public required OrgUnitId? ReviewerUnit { get; init; }

    /// <summary>When it was approved or rejected, or <c>null</c>.</summary>
    public required Instant? ReviewedAt { get; init; }

    /// <summary>The reviewer's note on an approval, or the reason of a rejection; <c>null</c> when none was given.</summary>
    public required string? ReviewReason { get; init; }

    /// <summary>For a reversal entry: the entry it cancels; otherwise <c>null</c>.</summary>
    public required LedgerEntryId? ReversalOf { get; init; }

    /// <summary>For a reversed entry: the reversal entry that cancelled it; otherwise <c>null</c>.</summary>
    public required LedgerEntryId? ReversedBy { get; init; }

    /// <summary>Why it was reversed (on both the reversed entry and the reversal), or <c>null</c>.</summary>
    public required string? ReversalReason { get; init; }

    /// <summary>For an adjustment: the label of the frozen period it corrects (e.g. <c>2024-Q1</c>); otherwise <c>null</c>.</summary>
    public required string? AdjustsFrozenPeriod { get; init; }
}
