namespace GridGovernance.Scoring.Ledger;

/// <summary>An objection (异议) was raised against a publication.</summary>
/// <param name="Publication">The publication.</param>
/// <param name="Objection">The objection's number.</param>
/// <param name="RaisedBy">Who raised it.</param>
/// <param name="Concerning">The member disputed, or <c>null</c>.</param>
[Immutable]
public sealed record PeriodPublicationObjectionRaised(PeriodPublicationId Publication, int Objection, LedgerActor RaisedBy, MemberId? Concerning) : IDomainEvent;
