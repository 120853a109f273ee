using System.Collections.Immutable;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// The one table of allowed <see cref="LedgerEntryStatus"/> transitions. Any other transition throws
/// <see cref="IllegalTransitionException"/> naming the states and the actor; nothing is ever silently ignored.
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

    /// <summary>Whether the table allows going from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    public static bool CanMove(LedgerEntryStatus from, LedgerEntryStatus to) => Transitions.Contains((from, to));

    /// <summary>The states reachable in one step from <paramref name="from"/>.</summary>
    /// <param name="from">The current state.</param>
    public static IEnumerable<LedgerEntryStatus> NextStates(LedgerEntryStatus from) => Transitions.Where(t => t.From == from).Select(t => t.To);
}
