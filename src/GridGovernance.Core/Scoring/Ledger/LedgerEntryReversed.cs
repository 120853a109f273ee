namespace GridGovernance.Scoring.Ledger;

/// <summary>An approved entry was cancelled by a reversal entry (冲销).</summary>
/// <param name="Entry">The entry reversed.</param>
/// <param name="Reversal">The reversal entry.</param>
/// <param name="Actor">Who reversed it.</param>
/// <param name="Reason">Why.</param>
[Immutable]
public sealed record LedgerEntryReversed(LedgerEntryId Entry, LedgerEntryId Reversal, LedgerActor Actor, string Reason) : IDomainEvent;
