using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Units;
using NodaTime;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="UnitLedgerEntry"/> (组织积分明细账): every value the aggregate keeps, by a name that is part
/// of the storage contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.UnitLedgerEntry"/>).
/// The version (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record UnitLedgerEntryStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required UnitLedgerEntryId Id { get; init; }

    /// <summary>The unit rule book's id.</summary>
    public required string RuleBookId { get; init; }

    /// <summary>The item's code in the rule book.</summary>
    public required string ItemCode { get; init; }

    /// <summary>The unit the points are for.</summary>
    public required OrgUnitId Unit { get; init; }

    /// <summary>The points as declared or recorded.</summary>
    public required Points DeclaredPoints { get; init; }

    /// <summary>The points that count (the reviewer may change a discretionary value).</summary>
    public required Points Points { get; init; }

    /// <summary>The day of the occurrence.</summary>
    public required LocalDate OccurredOn { get; init; }

    /// <summary>When it was recorded.</summary>
    public required Instant RecordedAt { get; init; }

    /// <summary>Who recorded it.</summary>
    public required LedgerActor Actor { get; init; }

    /// <summary>The member who declared it, or <c>null</c> for a recorded entry.</summary>
    public required MemberId? DeclaredBy { get; init; }

    /// <summary>Declared or recorded.</summary>
    public required LedgerSource Source { get; init; }

    /// <summary>The idempotency key (unique in the unit ledger).</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The tier's code, or <c>null</c>.</summary>
    public required string? Tier { get; init; }

    /// <summary>Whether it was recorded after a reminder.</summary>
    public required bool AfterReminder { get; init; }

    /// <summary>The evidence, or <c>null</c>.</summary>
    public required string? Evidence { get; init; }

    /// <summary>Declared, approved or rejected.</summary>
    public required LedgerEntryStatus Status { get; init; }

    /// <summary>The reviewer, or <c>null</c>.</summary>
    public required MemberId? ReviewedBy { get; init; }

    /// <summary>The unit of the reviewer's post, or <c>null</c>.</summary>
    public required OrgUnitId? ReviewerUnit { get; init; }

    /// <summary>When it was reviewed, or <c>null</c>.</summary>
    public required Instant? ReviewedAt { get; init; }

    /// <summary>The reviewer's reason, or <c>null</c>.</summary>
    public required string? ReviewReason { get; init; }
}
