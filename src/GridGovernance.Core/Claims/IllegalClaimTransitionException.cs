namespace GridGovernance.Claims;

/// <summary>
/// Thrown when a project or micro-wish step is not in its transition table (signing an agreement for a project
/// nobody claimed, completing one never delivered, claiming a fulfilled wish). Code
/// <see cref="ErrorCodes.ClaimsIllegalTransition"/>; nothing was changed.
/// </summary>
[Immutable]
public sealed class IllegalClaimTransitionException : GridGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="subject">What was moved, e.g. <c>project:5</c>.</param>
    /// <param name="from">The current state.</param>
    /// <param name="to">The state asked for.</param>
    /// <param name="allowed">The states the table allows from <paramref name="from"/>.</param>
    public IllegalClaimTransitionException(string subject, string from, string to, IEnumerable<string> allowed)
        : base(ErrorCodes.ClaimsIllegalTransition, BuildMessage(subject, from, to, Preconditions.CheckNotNull(allowed).ToArray()))
    {
        Subject = subject;
        From = from;
        To = to;
    }

    /// <summary>What was moved.</summary>
    public string Subject { get; }

    /// <summary>The state it was in.</summary>
    public string From { get; }

    /// <summary>The state asked for.</summary>
    public string To { get; }

    private static string BuildMessage(string subject, string from, string to, string[] allowed) =>
        $"{subject} cannot go from {from} to {to}; from {from} it may only go to "
        + (allowed.Length == 0 ? "nothing: it is final." : string.Join(" or ", allowed) + ".");
}
