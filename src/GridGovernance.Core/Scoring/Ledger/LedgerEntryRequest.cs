using NodaTime;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// What a caller asks the ledger to record: a declaration (<see cref="PointsLedgerService.DeclareAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/>), an
/// automatic award (<see cref="PointsLedgerService.RecordAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/>) or a late correction
/// (<see cref="PointsLedgerService.RecordAdjustmentAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, NodaTime.LocalDate, System.Threading.CancellationToken)"/>). Who records it is not part of the request: it is the
/// command's <see cref="Authority.Actor"/>, checked by the authority policy and stored as its audit name.
/// </summary>
[Immutable]
public sealed record LedgerEntryRequest
{
    /// <summary>The member the points belong to.</summary>
    public required MemberId Member { get; init; }

    /// <summary>The rule-book item, e.g. <c>themed-party-day</c>.</summary>
    public required string ItemCode { get; init; }

    /// <summary>The day it happened (in the configured zone); not after today.</summary>
    public required LocalDate OccurredOn { get; init; }

    /// <summary>
    /// The caller's key for this entry, e.g. the work order's number or a key the member's app made up: the same key
    /// twice is one entry. Up to 200 characters; keys starting with <c>reversal-of:</c> are the ledger's own.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>For a discretionary item (酌情加分): the value, within the item version's Minimum..Maximum. Required for such an item, refused for any other.</summary>
    public Points? Value { get; init; }

    /// <summary>For a tiered item: the tier's code (e.g. <c>city</c>). Required for such an item, refused for any other.</summary>
    public string? Tier { get; init; }

    /// <summary>Whether it happened after a reminder (counts double where the rule says so).</summary>
    public bool AfterReminder { get; init; }

    /// <summary>A reference to the evidence (a photo, a sign-in sheet, a work order number), or <c>null</c>.</summary>
    public string? Evidence { get; init; }
}
