using NodaTime;

namespace GridGovernance.Claims;

/// <summary>A micro-wish was fulfilled.</summary>
/// <param name="Wish">The wish.</param>
/// <param name="Member">Who fulfilled it.</param>
/// <param name="FulfilledOn">The day.</param>
[Immutable]
public sealed record MicroWishFulfilled(WishId Wish, MemberId Member, LocalDate FulfilledOn) : IDomainEvent;
