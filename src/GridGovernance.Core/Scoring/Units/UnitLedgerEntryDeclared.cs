using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Scoring.Units;

/// <summary>A unit declared organisation points (单位申报); the entry waits for review.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Unit">The unit.</param>
/// <param name="RuleBookId">The unit rule book.</param>
/// <param name="ItemCode">The item.</param>
/// <param name="Points">The points declared.</param>
/// <param name="OccurredOn">The day it happened.</param>
/// <param name="Actor">Who declared it.</param>
[Immutable]
public sealed record UnitLedgerEntryDeclared(UnitLedgerEntryId Entry, OrgUnitId Unit, string RuleBookId, string ItemCode, Points Points, LocalDate OccurredOn, LedgerActor Actor) : IDomainEvent;
