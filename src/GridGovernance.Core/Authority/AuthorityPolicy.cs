using GridGovernance.Organisation;
using GridGovernance.Persistence;
using NodaTime;
using Microsoft.Extensions.Logging;

namespace GridGovernance.Authority;

/// <summary>
/// The default <see cref="IAuthorityPolicy"/>: <see cref="AuthorityRules.Decide"/> with the configured
/// <see cref="GridGovernanceOptions.Authority"/> table over the stored roster, read for the one command (the acting
/// member and unit and the units above the subject on the day; O(depth) reads).
/// </summary>
[Immutable]
public sealed class AuthorityPolicy : IAuthorityPolicy
{
    private readonly IReadRepository<OrgUnit> units;
    private readonly IReadRepository<Member> members;
    private readonly IReadRepository<Household> households;
    private readonly AuthorityTable table;
    private readonly ILogger logger;

    /// <summary>Creates the policy.</summary>
    /// <param name="units">The units.</param>
    /// <param name="members">The members.</param>
    /// <param name="households">The households.</param>
    /// <param name="options">The settings; <see cref="GridGovernanceOptions.Authority"/> is the table applied.</param>
    /// <param name="logger">Where refusals are logged (event 1001), or <c>null</c> for nowhere.</param>
    public AuthorityPolicy(IReadRepository<OrgUnit> units, IReadRepository<Member> members, IReadRepository<Household> households, GridGovernanceOptions options,
        ILogger<AuthorityPolicy>? logger = null)
    {
        this.logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        this.units = Preconditions.CheckNotNull(units);
        this.members = Preconditions.CheckNotNull(members);
        this.households = Preconditions.CheckNotNull(households);
        table = Preconditions.CheckNotNull(options).Authority;
    }

    /// <inheritdoc />
    public async ValueTask<AuthorityDecision> DecideAsync(Actor actor, Capability capability, IAuthoritySubject subject, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(subject);
        var view = await StoreAuthorityView.LoadAsync(units, members, households, actor, subject, asOf, cancellationToken).ConfigureAwait(false);
        var decision = AuthorityRules.Decide(table, actor, capability, subject, view);
        if (!decision.IsAllowed)
        {
            logger.CommandRefused(actor, capability.Code, subject.Label, capability.ForbiddenCode);
        }
        return decision;
    }
}
