using System.Collections.Immutable;

namespace GridGovernance.Organisation;

/// <summary>
/// A merge, split or close was refused because open work bound to a closing unit cannot follow a successor (code
/// <see cref="ErrorCodes.RestructureBlocked"/>); <see cref="Blockers"/> lists every piece of it. Nothing changed.
/// </summary>
[Immutable]
public sealed class RestructureBlockedException : GridGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="change">What was refused (e.g. <c>Closing unit:12</c>).</param>
    /// <param name="blockers">The work that blocks it; at least one.</param>
    public RestructureBlockedException(string change, IEnumerable<RestructureBlocker> blockers)
        : this(change, Preconditions.CheckNotNull(blockers).ToImmutableArray())
    {
    }

    private RestructureBlockedException(string change, ImmutableArray<RestructureBlocker> blockers)
        : base(ErrorCodes.RestructureBlocked,
            $"{change} would strand {blockers.Length} piece(s) of open work: {string.Join("; ", blockers.Take(10))}" +
            $"{(blockers.Length > 10 ? $"; and {blockers.Length - 10} more" : "")}. Close, move or finish them first, or merge the unit instead.")
    {
        Blockers = blockers;
    }

    /// <summary>The work that blocks the change, each once.</summary>
    public ImmutableArray<RestructureBlocker> Blockers { get; }
}
