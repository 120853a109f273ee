using NodaTime;

namespace GridGovernance.Scoring.Ledger;

/// <summary>A member declared points (党员申报); the entry waits for review.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Member">The member.</param>
/// <param name="RuleBookId">The rule book.</param>
/// <param name="ItemCode">The item.</param>
/// <param name="Points">The points declared.</param>
/// <param name="OccurredOn">The day it happened.</param>
/// <param name="Actor">Who declared it.</param>
[Immutable]
public sealed record LedgerEntryDeclared(LedgerEntryId Entry, MemberId Member, string RuleBookId, string ItemCode, Points Points, LocalDate OccurredOn, LedgerActor Actor) : IDomainEvent;
