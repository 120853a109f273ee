using System.Collections.Immutable;
using GridGovernance.Algorithms;

namespace GridGovernance.Claims;

/// <summary>
/// The one transition table of <see cref="WishStatus"/>; every step of <see cref="MicroWish"/> goes through it, and any
/// other step throws <see cref="IllegalTransitionException"/> (code <see cref="ErrorCodes.ClaimsIllegalTransition"/>).
/// </summary>
[Immutable]
public static class WishLifecycle
{
    /// <summary>Every allowed transition: Open → Claimed; Claimed → Fulfilled, or back to Open (expired or released); Fulfilled is final.</summary>
    public static ImmutableArray<(WishStatus From, WishStatus To)> Transitions { get; } =
    [
        (WishStatus.Open, WishStatus.Claimed),
        (WishStatus.Claimed, WishStatus.Fulfilled),
        (WishStatus.Claimed, WishStatus.Open),
    ];

    internal static TransitionTable<WishStatus, WishStatus> Table { get; } = TransitionTables.Moves(ErrorCodes.ClaimsIllegalTransition, Transitions);

    /// <summary>Whether the table allows going from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The state asked for.</param>
    public static bool Allows(WishStatus from, WishStatus to) => Table.Allows(from, to);

    /// <summary>The transitions that start from <paramref name="from"/>; none when it is final.</summary>
    /// <param name="from">The current state.</param>
    public static IEnumerable<(WishStatus From, WishStatus To)> From(WishStatus from) => Transitions.Where(t => t.From == from);
}
