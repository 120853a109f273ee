using NodaTime;
using GridGovernance.Claims;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="MicroWish"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.MicroWish"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record MicroWishStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required WishId Id { get; init; }

    /// <summary>The unit whose pool it is in: where the matter sits for the authority rules. When that unit closes in a merge, split or close while the wish is open or claimed, it is the successor (机构调整); the claim stays.</summary>
    public required OrgUnitId Unit { get; init; }

    /// <summary>The wish.</summary>
    public required string Text { get; init; }

    /// <summary>Who made it.</summary>
    public required string Resident { get; init; }

    /// <summary>The day it was made.</summary>
    public required LocalDate RaisedOn { get; init; }

    /// <summary>Where it stands.</summary>
    public required WishStatus Status { get; init; }

    /// <summary>The current claimant, or <c>null</c>.</summary>
    public required MemberId? Claimant { get; init; }

    /// <summary>The day of the current claim, or <c>null</c>.</summary>
    public required LocalDate? ClaimedOn { get; init; }

    /// <summary>The day it was fulfilled, or <c>null</c>.</summary>
    public required LocalDate? FulfilledOn { get; init; }
}
