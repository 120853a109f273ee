using NodaTime;

namespace GridGovernance.Claims;

/// <summary>A claim of a micro-wish expired unfulfilled; the wish is back in the pool.</summary>
/// <param name="Wish">The wish.</param>
/// <param name="Member">The claimant whose claim lapsed.</param>
/// <param name="ExpiredOn">The day it was found expired.</param>
[Immutable]
public sealed record MicroWishClaimExpired(WishId Wish, MemberId Member, LocalDate ExpiredOn) : IDomainEvent;
