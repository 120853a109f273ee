using NodaTime;

namespace GridGovernance.Claims;

/// <summary>One claimant of a project place.</summary>
/// <param name="Unit">The unit that claimed.</param>
/// <param name="ClaimedAt">When.</param>
[Immutable]
public sealed record ProjectClaim(OrgUnitId Unit, Instant ClaimedAt);
