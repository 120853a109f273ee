using System.Collections.Immutable;
using GridGovernance.Algorithms;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// The one table of allowed <see cref="LedgerEntryStatus"/> transitions. Any other transition throws
/// <see cref="IllegalTransitionException"/> (code <see cref="ErrorCodes.LedgerIllegalTransition"/>) naming the states
/// and the actor; nothing is ever silently ignored.
/// </summary>
[Immutable]
public static class LedgerEntryWorkflow
{
    /// <summary>Every allowed transition: Declared → Approved, Declared → Rejected, Approved → Reversed.</summary>
    public static ImmutableArray<(LedgerEntryStatus From, LedgerEntryStatus To)> Transitions { get; } =
    [
        (LedgerEntryStatus.Declared, LedgerEntryStatus.Approved),
        (LedgerEntryStatus.Declared, LedgerEntryStatus.Rejected),
        (LedgerEntryStatus.Approved, LedgerEntryStatus.Reversed),
    ];

    internal static TransitionTable<LedgerEntryStatus, LedgerEntryStatus> Table { get; } = TransitionTables.Moves(ErrorCodes.LedgerIllegalTransition, Transitions);

    /// <summary>Whether the table allows going from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    public static bool Allows(LedgerEntryStatus from, LedgerEntryStatus to) => Table.Allows(from, to);

    /// <summary>The transitions that start from <paramref name="from"/>; none when it is final.</summary>
    /// <param name="from">The current state.</param>
    public static IEnumerable<(LedgerEntryStatus From, LedgerEntryStatus To)> From(LedgerEntryStatus from) => Transitions.Where(t => t.From == from);
}
