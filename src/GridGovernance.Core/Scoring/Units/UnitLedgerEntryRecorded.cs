using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Scoring.Units;

/// <summary>An approved entry was recorded in the unit ledger without review (an automatic source or a manual record).</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Unit">The unit.</param>
/// <param name="RuleBookId">The unit rule book.</param>
/// <param name="ItemCode">The item.</param>
/// <param name="Points">The points.</param>
/// <param name="OccurredOn">The day it happened.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Actor">Who recorded it.</param>
[Immutable]
public sealed record UnitLedgerEntryRecorded(UnitLedgerEntryId Entry, OrgUnitId Unit, string RuleBookId, string ItemCode, Points Points, LocalDate OccurredOn,
    LedgerSource Source, LedgerActor Actor) : IDomainEvent;
