namespace GridGovernance.Claims;

/// <summary>Where a micro-wish stands.</summary>
public enum WishStatus
{
    /// <summary>In the pool, waiting for a claimant.</summary>
    Open = 0,

    /// <summary>Claimed by one member (one wish, one claimant).</summary>
    Claimed = 1,

    /// <summary>Fulfilled; final.</summary>
    Fulfilled = 2,
}
