namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// Thrown when a workflow step is not in the workflow's transition table (approving a rejected declaration,
/// reversing an entry twice, freezing a frozen publication, resolving an objection twice). Code
/// <see cref="ErrorCodes.LedgerIllegalTransition"/>; nothing was changed.
/// </summary>
[Immutable]
public sealed class IllegalTransitionException : GridGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="subject">What was moved, e.g. <c>LedgerEntry ledger:5</c>.</param>
    /// <param name="from">The current state.</param>
    /// <param name="to">The state asked for.</param>
    /// <param name="actor">Who asked.</param>
    /// <param name="allowed">The states the table allows from <paramref name="from"/>.</param>
    public IllegalTransitionException(string subject, string from, string to, string actor, IEnumerable<string> allowed)
        : base(ErrorCodes.LedgerIllegalTransition, BuildMessage(subject, from, to, actor, Preconditions.CheckNotNull(allowed).ToArray()))
    {
        Subject = subject;
        From = from;
        To = to;
        Actor = actor;
    }

    /// <summary>What was moved, e.g. <c>LedgerEntry ledger:5</c>.</summary>
    public string Subject { get; }

    /// <summary>The state it was in.</summary>
    public string From { get; }

    /// <summary>The state asked for.</summary>
    public string To { get; }

    /// <summary>Who asked.</summary>
    public string Actor { get; }

    private static string BuildMessage(string subject, string from, string to, string actor, string[] allowed) =>
        $"{subject} cannot go from {from} to {to} (asked by {actor}); from {from} it may only go to "
        + (allowed.Length == 0 ? "nothing: it is final." : string.Join(" or ", allowed) + ".");
}
