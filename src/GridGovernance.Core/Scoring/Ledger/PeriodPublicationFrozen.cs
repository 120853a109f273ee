using NodaTime;

namespace GridGovernance.Scoring.Ledger;

/// <summary>A period was frozen: its published results are final and its ledger is closed.</summary>
/// <param name="Publication">The publication.</param>
/// <param name="FrozenOn">The day it was frozen.</param>
/// <param name="FrozenBy">Who froze it.</param>
[Immutable]
public sealed record PeriodPublicationFrozen(PeriodPublicationId Publication, LocalDate FrozenOn, LedgerActor FrozenBy) : IDomainEvent;
