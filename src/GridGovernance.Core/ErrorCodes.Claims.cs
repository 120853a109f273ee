namespace GridGovernance;

// Claim matching (项目认领) codes; the other codes are in ErrorCodes.cs.
public static partial class ErrorCodes
{
    /// <summary>An id appears twice in a matching input, or a claim list entry with this id already exists.</summary>
    public const string ClaimsDuplicateId = "claims.duplicate-id";
    /// <summary>A value of a project, resource, wish or option is out of range (a negative capacity, a weight of 0, a blank category...).</summary>
    public const string ClaimsInvalidValue = "claims.invalid-value";
    /// <summary>Distances times weights times places do not fit exact 64-bit costs; lower the weights or the maximum distance.</summary>
    public const string ClaimsCostOverflow = "claims.cost-overflow";
    /// <summary>A chosen pair of a hand-made matching is not a candidate, or the matching over-fills a project or a unit.</summary>
    public const string ClaimsInfeasibleMatching = "claims.infeasible-matching";
    /// <summary>A lifecycle step is not in the project's (or wish's) transition table, e.g. completing a project that was never delivered.</summary>
    public const string ClaimsIllegalTransition = "claims.illegal-transition";
    /// <summary>The project has no place left to claim (first come, first served).</summary>
    public const string ClaimsProjectFull = "claims.project-full";
    /// <summary>The unit already holds as many claims as its limit allows.</summary>
    public const string ClaimsUnitLimitReached = "claims.unit-limit-reached";
    /// <summary>The unit already claimed this project.</summary>
    public const string ClaimsAlreadyClaimed = "claims.already-claimed";
    /// <summary>The unit does not offer the project's category, or does not serve its area.</summary>
    public const string ClaimsNotEligible = "claims.not-eligible";
    /// <summary>The unit or member named is not a claimant of the project or wish.</summary>
    public const string ClaimsNotClaimant = "claims.not-claimant";
    /// <summary>The micro-wish is already claimed by someone else (one wish, one claimant).</summary>
    public const string ClaimsWishTaken = "claims.wish-taken";
    /// <summary>A member named in a claim agreement is not within the claiming unit's jurisdiction on the day (or not on the roster).</summary>
    public const string ClaimsPersonOutsideJurisdiction = "claims.person-outside-jurisdiction";
}
