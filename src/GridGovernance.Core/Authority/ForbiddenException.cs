namespace GridGovernance.Authority;

/// <summary>
/// Thrown when the authority policy refuses a command, before anything changed. <see cref="GridGovernanceException.Code"/>
/// is the module's <c>*.forbidden</c> code (<see cref="Capability.ForbiddenCode"/>); the message names the actor,
/// the capability and the subject with no personal data, so it may be shown to the caller.
/// </summary>
[Immutable]
public sealed class ForbiddenException : GridGovernanceException
{
    /// <summary>Creates the exception for a refused decision.</summary>
    /// <param name="actor">Who tried.</param>
    /// <param name="capability">What they tried.</param>
    /// <param name="subject">What they tried it on.</param>
    /// <param name="decision">The refusal.</param>
    public ForbiddenException(Actor actor, Capability capability, IAuthoritySubject subject, AuthorityDecision decision)
        : base(capability.ForbiddenCode, $"{Preconditions.CheckNotNull(actor)} may not use '{capability}' on {Preconditions.CheckNotNull(subject).Label}: {decision.Reason}")
    {
        Actor = actor;
        Capability = capability;
        Subject = subject;
        Reason = decision.Reason;
    }

    /// <summary>Who tried.</summary>
    public Actor Actor { get; }

    /// <summary>What they tried.</summary>
    public Capability Capability { get; }

    /// <summary>What they tried it on.</summary>
    public IAuthoritySubject Subject { get; }

    /// <summary>Why it was refused, in one sentence.</summary>
    public string Reason { get; }
}
