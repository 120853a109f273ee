namespace GridGovernance.Scoring.Ledger;

/// <summary>An objection was resolved: upheld or dismissed.</summary>
/// <param name="Publication">The publication.</param>
/// <param name="Objection">The objection's number.</param>
/// <param name="Outcome">Upheld or dismissed.</param>
/// <param name="ResolvedBy">Who resolved it.</param>
[Immutable]
public sealed record PeriodPublicationObjectionResolved(PeriodPublicationId Publication, int Objection, ObjectionStatus Outcome, LedgerActor ResolvedBy) : IDomainEvent;
