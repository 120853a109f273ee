using NodaTime;

namespace GridGovernance.Scoring.Units;

/// <summary>
/// What a caller asks the unit ledger to record: a unit's declaration (单位申报, <see cref="UnitPointsService.DeclareAsync"/>)
/// or an automatic or manual record (<see cref="UnitPointsService.RecordAsync"/>). Who records it is the command's
/// <see cref="Authority.Actor"/>, not part of the request.
/// </summary>
[Immutable]
public sealed record UnitLedgerEntryRequest
{
    /// <summary>The unit the points belong to (an organ's branch, a community committee …).</summary>
    public required OrgUnitId Unit { get; init; }

    /// <summary>The unit rule book's item, e.g. <c>organ-claims</c>.</summary>
    public required string ItemCode { get; init; }

    /// <summary>The day it happened (in the configured zone); not after today.</summary>
    public required LocalDate OccurredOn { get; init; }

    /// <summary>The caller's key for this entry: the same key twice is one entry. Up to 200 characters.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>For a discretionary item: the value, within the item version's Minimum..Maximum; refused for any other.</summary>
    public Points? Value { get; init; }

    /// <summary>For a tiered item: the tier's code; refused for any other.</summary>
    public string? Tier { get; init; }

    /// <summary>Whether it happened after a reminder (counts double where the rule says so).</summary>
    public bool AfterReminder { get; init; }

    /// <summary>A reference to the evidence, or <c>null</c>.</summary>
    public string? Evidence { get; init; }
}
