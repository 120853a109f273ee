using GridGovernance.Scoring.Ledger;

namespace GridGovernance.Scoring.Units;

/// <summary>A unit's declaration was approved (审核通过).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Points">The points approved.</param>
/// <param name="Actor">Who approved it.</param>
/// <param name="ReviewerUnit">The unit of the reviewer's post, or <c>null</c>.</param>
[Immutable]
public sealed record UnitLedgerEntryApproved(UnitLedgerEntryId Entry, OrgUnitId Unit, Points Points, LedgerActor Actor, OrgUnitId? ReviewerUnit) : IDomainEvent;
