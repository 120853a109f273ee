using NodaTime;

namespace GridGovernance.Scoring.Ledger;

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
