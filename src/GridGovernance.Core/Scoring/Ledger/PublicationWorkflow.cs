using System.Collections.Immutable;
using GridGovernance.Algorithms;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// The transition tables of <see cref="PeriodPublication"/> and its objections. Any other transition throws
/// <see cref="IllegalTransitionException"/> (code <see cref="ErrorCodes.LedgerIllegalTransition"/>).
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

    internal static TransitionTable<PublicationStatus, PublicationStatus> Table { get; } = TransitionTables.Moves(ErrorCodes.LedgerIllegalTransition, Transitions);

    internal static TransitionTable<ObjectionStatus, ObjectionStatus> ObjectionTable { get; } = TransitionTables.Moves(ErrorCodes.LedgerIllegalTransition, ObjectionTransitions);

    /// <summary>Whether a publication may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    public static bool Allows(PublicationStatus from, PublicationStatus to) => Table.Allows(from, to);

    /// <summary>Whether an objection may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    public static bool Allows(ObjectionStatus from, ObjectionStatus to) => ObjectionTable.Allows(from, to);

    /// <summary>The publication's transitions that start from <paramref name="from"/>; none when it is final.</summary>
    /// <param name="from">The current state.</param>
    public static IEnumerable<(PublicationStatus From, PublicationStatus To)> From(PublicationStatus from) => Transitions.Where(t => t.From == from);

    /// <summary>An objection's transitions that start from <paramref name="from"/>; none when it is final.</summary>
    /// <param name="from">The current state.</param>
    public static IEnumerable<(ObjectionStatus From, ObjectionStatus To)> From(ObjectionStatus from) => ObjectionTransitions.Where(t => t.From == from);
}
