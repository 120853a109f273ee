using System.Collections.Immutable;

namespace GridGovernance.Scoring;

/// <summary>The state of a period's publication (公示).</summary>
public enum PublicationStatus
{
    /// <summary>Published: objections may be raised inside the window (公示中).</summary>
    Published,

    /// <summary>Frozen: the results are final and the period's ledger is closed (已定档).</summary>
    Frozen,
}

/// <summary>The state of an objection (异议) to a publication.</summary>
public enum ObjectionStatus
{
    /// <summary>Raised and not yet resolved; blocks freezing.</summary>
    Open,

    /// <summary>Found justified (异议成立): the ledger is corrected and the snapshot revised before freezing.</summary>
    Upheld,

    /// <summary>Found unjustified (异议不成立).</summary>
    Dismissed,
}

/// <summary>
/// The transition tables of <see cref="PeriodPublication"/> and its objections. Any other transition throws
/// <see cref="IllegalTransitionException"/>.
/// </summary>
[Immutable]
public static class PublicationWorkflow
{
    /// <summary>The publication's transitions: Published → Frozen.</summary>
    public static ImmutableArray<(PublicationStatus From, PublicationStatus To)> Transitions { get; } =
    [
        (PublicationStatus.Published, PublicationStatus.Frozen),
    ];

    /// <summary>An objection's transitions: Open → Upheld, Open → Dismissed.</summary>
    public static ImmutableArray<(ObjectionStatus From, ObjectionStatus To)> ObjectionTransitions { get; } =
    [
        (ObjectionStatus.Open, ObjectionStatus.Upheld),
        (ObjectionStatus.Open, ObjectionStatus.Dismissed),
    ];

    /// <summary>Whether a publication may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    public static bool CanMove(PublicationStatus from, PublicationStatus to) => Transitions.Contains((from, to));

    /// <summary>Whether an objection may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    public static bool CanMove(ObjectionStatus from, ObjectionStatus to) => ObjectionTransitions.Contains((from, to));
}
