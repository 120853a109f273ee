using GridGovernance.Scoring.Ledger;

namespace GridGovernance.Scoring.Units;

/// <summary>A unit's declaration was rejected (审核不通过).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Actor">Who rejected it.</param>
/// <param name="ReviewerUnit">The unit of the reviewer's post, or <c>null</c>.</param>
/// <param name="Reason">Why.</param>
[Immutable]
public sealed record UnitLedgerEntryRejected(UnitLedgerEntryId Entry, OrgUnitId Unit, LedgerActor Actor, OrgUnitId? ReviewerUnit, string Reason) : IDomainEvent;
