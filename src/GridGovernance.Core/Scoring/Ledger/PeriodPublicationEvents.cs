using NodaTime;

namespace GridGovernance.Scoring;

// The publication's domain events live together: each is a one-line record and they are read as a set.

/// <summary>A period's results were published (公示).</summary>
/// <param name="Publication">The publication.</param>
/// <param name="PublishedOn">The day of publication.</param>
/// <param name="WindowClosesOn">The last day objections may be raised.</param>
/// <param name="Members">How many members' lines were published.</param>
[Immutable]
public sealed record PeriodPublicationPublished(PeriodPublicationId Publication, LocalDate PublishedOn, LocalDate WindowClosesOn, int Members) : IDomainEvent;

/// <summary>A publication's snapshot was replaced by corrected results before freezing.</summary>
/// <param name="Publication">The publication.</param>
/// <param name="Revision">The revision number, from 1.</param>
/// <param name="Actor">Who revised it.</param>
[Immutable]
public sealed record PeriodPublicationRevised(PeriodPublicationId Publication, int Revision, LedgerActor Actor) : IDomainEvent;

/// <summary>An objection (异议) was raised against a publication.</summary>
/// <param name="Publication">The publication.</param>
/// <param name="Objection">The objection's number.</param>
/// <param name="RaisedBy">Who raised it.</param>
/// <param name="Concerning">The member disputed, or <c>null</c>.</param>
[Immutable]
public sealed record PeriodPublicationObjectionRaised(PeriodPublicationId Publication, int Objection, LedgerActor RaisedBy, MemberId? Concerning) : IDomainEvent;

/// <summary>An objection was resolved: upheld or dismissed.</summary>
/// <param name="Publication">The publication.</param>
/// <param name="Objection">The objection's number.</param>
/// <param name="Outcome">Upheld or dismissed.</param>
/// <param name="ResolvedBy">Who resolved it.</param>
[Immutable]
public sealed record PeriodPublicationObjectionResolved(PeriodPublicationId Publication, int Objection, ObjectionStatus Outcome, LedgerActor ResolvedBy) : IDomainEvent;

/// <summary>A period was frozen: its published results are final and its ledger is closed.</summary>
/// <param name="Publication">The publication.</param>
/// <param name="FrozenOn">The day it was frozen.</param>
/// <param name="FrozenBy">Who froze it.</param>
[Immutable]
public sealed record PeriodPublicationFrozen(PeriodPublicationId Publication, LocalDate FrozenOn, LedgerActor FrozenBy) : IDomainEvent;
