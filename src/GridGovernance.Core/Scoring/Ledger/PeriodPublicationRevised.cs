namespace GridGovernance.Scoring.Ledger;

/// <summary>A publication's snapshot was replaced by corrected results before freezing.</summary>
/// <param name="Publication">The publication.</param>
/// <param name="Revision">The revision number, from 1.</param>
/// <param name="Actor">Who revised it.</param>
[Immutable]
public sealed record PeriodPublicationRevised(PeriodPublicationId Publication, int Revision, LedgerActor Actor) : IDomainEvent;
