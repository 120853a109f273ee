using NodaTime;

namespace GridGovernance.Claims;

/// <summary>A member claimed a micro-wish.</summary>
/// <param name="Wish">The wish.</param>
/// <param name="Member">The claimant.</param>
/// <param name="ClaimedOn">The day.</param>
[Immutable]
public sealed record MicroWishClaimed(WishId Wish, MemberId Member, LocalDate ClaimedOn) : IDomainEvent;
