using System.Collections.Immutable;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Units;
using NodaTime;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="UnitPublication"/> (组织积分公示): every value the aggregate keeps, by a name that is part of
/// the storage contract (<see cref="StoredForms.UnitPublication"/>). The version (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record UnitPublicationStoredForm
{
    /// <summary>The aggregate's id: the unit rule book's id and the period's label.</summary>
    public required PeriodPublicationId Id { get; init; }

    /// <summary>The version of the rule book the points were assessed under.</summary>
    public required int RuleBookVersion { get; init; }

    /// <summary>The period published.</summary>
    public required AssessmentPeriodStoredForm Period { get; init; }

    /// <summary>Every unit's line, as assessed.</summary>
    public required ImmutableArray<UnitAssessment> Lines { get; init; }

    /// <summary>Entries the assessment skipped.</summary>
    public required int SkippedEntries { get; init; }

    /// <summary>The day of publication.</summary>
    public required LocalDate PublishedOn { get; init; }

    /// <summary>When it was published.</summary>
    public required Instant PublishedAt { get; init; }

    /// <summary>Who published it.</summary>
    public required LedgerActor PublishedBy { get; init; }
}
