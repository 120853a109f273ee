using System.Collections.Immutable;
using NodaTime;
using GridGovernance.Scoring.Ledger;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="PeriodPublication"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.PeriodPublication"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record PeriodPublicationStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required PeriodPublicationId Id { get; init; }

    /// <summary>The period published.</summary>
    public required AssessmentPeriodStoredForm Period { get; init; }

    /// <summary>The day of publication (the window's first day).</summary>
    public required LocalDate PublishedOn { get; init; }

    /// <summary>When it was published.</summary>
    public required Instant PublishedAt { get; init; }

    /// <summary>Who published it.</summary>
    public required LedgerActor PublishedBy { get; init; }

    /// <summary>The window's length in working days.</summary>
    public required int WindowWorkingDays { get; init; }

    /// <summary>The last day objections may be raised: the <c>WindowWorkingDays</c>-th working day after <c>PublishedOn</c>.</summary>
    public required LocalDate WindowClosesOn { get; init; }

    /// <summary>How many times the results (<c>PublishedResults</c>) were replaced after an upheld objection.</summary>
    public required int Revision { get; init; }

    /// <summary>Published or frozen.</summary>
    public required PublicationStatus Status { get; init; }

    /// <summary>The objections, in the order raised.</summary>
    public required ImmutableArray<PublicationObjection> Objections { get; init; }

    /// <summary>The day it was frozen, or <c>null</c>.</summary>
    public required LocalDate? FrozenOn { get; init; }

    /// <summary>Who froze it, or <c>null</c>.</summary>
    public required LedgerActor? FrozenBy { get; init; }
}
