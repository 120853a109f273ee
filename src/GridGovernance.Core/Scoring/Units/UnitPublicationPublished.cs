using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Scoring.Units;

/// <summary>A period's organisation points were published (定期公示).</summary>
/// <param name="Publication">The publication.</param>
/// <param name="Units">How many units it ranks.</param>
/// <param name="PublishedOn">The day of publication.</param>
/// <param name="Actor">Who published it.</param>
[Immutable]
public sealed record UnitPublicationPublished(PeriodPublicationId Publication, int Units, LocalDate PublishedOn, LedgerActor Actor) : IDomainEvent;
