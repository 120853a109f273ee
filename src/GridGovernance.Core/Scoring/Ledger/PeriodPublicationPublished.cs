using NodaTime;

namespace GridGovernance.Scoring.Ledger;

/// <summary>A period's results were published (公示).</summary>
/// <param name="Publication">The publication.</param>
/// <param name="PublishedOn">The day of publication.</param>
/// <param name="WindowClosesOn">The last day objections may be raised.</param>
/// <param name="Members">How many members' lines were published.</param>
[Immutable]
public sealed record PeriodPublicationPublished(PeriodPublicationId Publication, LocalDate PublishedOn, LocalDate WindowClosesOn, int Members) : IDomainEvent;
