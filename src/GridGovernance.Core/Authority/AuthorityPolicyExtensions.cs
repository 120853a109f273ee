using NodaTime;

namespace GridGovernance.Authority;

/// <summary>The one authorisation step of every service command.</summary>
[Immutable]
public static class AuthorityPolicyExtensions
{
    /// <summary>Asks the policy and throws when it refuses.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="capability">What they do.</param>
    /// <param name="subject">What they act on.</param>
    /// <param name="asOf">The day whose roster and posts count.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="ForbiddenException">The policy refused (code <c>{module}.forbidden</c>).</exception>
    public static async ValueTask DemandAsync(this IAuthorityPolicy policy, Actor actor, Capability capability, IAuthoritySubject subject, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(policy);
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(subject);
        var decision = await policy.DecideAsync(actor, capability, subject, asOf, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            GridGovernanceTelemetry.Refusals.Add(1, new KeyValuePair<string, object?>("gridgovernance.capability", capability.Code));
            throw new ForbiddenException(actor, capability, subject, decision);
        }
    }
}
