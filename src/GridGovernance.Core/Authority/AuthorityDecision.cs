namespace GridGovernance.Authority;

/// <summary>The answer of the authority rules for one command: allowed or not, and why in one sentence.</summary>
/// <param name="IsAllowed">Whether the actor may.</param>
/// <param name="Reason">Why, in one sentence that names no personal data.</param>
[Immutable]
public readonly record struct AuthorityDecision(bool IsAllowed, string Reason)
{
    internal static AuthorityDecision Allow(string reason) => new(true, reason);

    internal static AuthorityDecision Refuse(string reason) => new(false, reason);
}
