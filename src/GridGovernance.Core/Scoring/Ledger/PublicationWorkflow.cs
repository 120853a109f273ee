using System.Collections.Immutable;

namespace GridGovernance.Scoring.Ledger;

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
