using NodaTime;

namespace GridGovernance.Authority;

/// <summary>
/// The port every service asks before it changes anything: may this actor use this capability on this subject on
/// this day? The default, <see cref="AuthorityPolicy"/>, applies <see cref="GridGovernanceOptions.Authority"/> to
/// the stored roster; an integrator may register a stricter one before <c>AddGridGovernance</c> (it is added with
/// <c>TryAdd</c>). Use <see cref="AuthorityPolicyExtensions.DemandAsync"/> to throw on refusal.
/// </summary>
public interface IAuthorityPolicy
{
    /// <summary>Decides one command.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="capability">What they do.</param>
    /// <param name="subject">What they act on.</param>
    /// <param name="asOf">The day whose roster and posts count.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    ValueTask<AuthorityDecision> DecideAsync(Actor actor, Capability capability, IAuthoritySubject subject, LocalDate asOf, CancellationToken cancellationToken = default);
}
