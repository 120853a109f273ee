using NodaTime;

namespace GridGovernance.Claims;

/// <summary>A restructure (机构调整) closed the unit whose pool held the wish; its successor holds it now (a claim stays).</summary>
/// <param name="Wish">The wish.</param>
/// <param name="From">The unit that closed.</param>
/// <param name="To">Its successor.</param>
/// <param name="Effective">The day of the restructure.</param>
/// <param name="Actor">Who restructured (<see cref="Authority.Actor.AuditName"/>).</param>
[Immutable]
public sealed record MicroWishFollowedSuccessor(WishId Wish, OrgUnitId From, OrgUnitId To, LocalDate Effective, string Actor) : IDomainEvent;
