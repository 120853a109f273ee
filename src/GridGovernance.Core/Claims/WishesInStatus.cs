using GridGovernance.Specifications;

namespace GridGovernance.Claims;

/// <summary>The micro-wishes in one state, in id order.</summary>
[Immutable]
public sealed class WishesInStatus : Specification<MicroWish>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="status">The state.</param>
    public WishesInStatus(WishStatus status) =>
        Query.Where(w => w.Status == status).OrderBy(w => w.Id.Value);
}
