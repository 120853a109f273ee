namespace GridGovernance;

/// <summary>
/// The root of every exception the library throws on purpose. <see cref="Code"/> is stable and
/// machine-readable (see <see cref="ErrorCodes"/>); the message is for people.
/// </summary>
[Immutable]
public class GridGovernanceException : Exception
{
    /// <summary>Creates an exception with a code and a message.</summary>
    /// <param name="code">A stable code such as <c>hierarchy.parent-kind-not-allowed</c>.</param>
    /// <param name="message">One sentence saying what was wrong.</param>
    public GridGovernanceException(string code, string message)
        : base(message)
    {
        Code = Preconditions.CheckNotBlank(code);
    }

    /// <summary>Creates an exception with a code, a message and the exception that caused it.</summary>
    /// <param name="code">A stable code such as <c>storage.concurrency-conflict</c>.</param>
    /// <param name="message">One sentence saying what was wrong.</param>
    /// <param name="innerException">The underlying cause.</param>
    public GridGovernanceException(string code, string message, Exception? innerException)
        : base(message, innerException)
    {
        Code = Preconditions.CheckNotBlank(code);
    }

    /// <summary>The stable machine-readable code of the rule that was broken.</summary>
    public string Code { get; }

    /// <summary>
    /// What kind of failure <see cref="Code"/> reports (<see cref="ErrorCodes.KindOf"/>): invalid input, not found,
    /// a conflict, a refusal or a state that does not allow the command; an HTTP layer maps it to a status.
    /// </summary>
    public ErrorKind Kind => ErrorCodes.KindOf(Code);
}
