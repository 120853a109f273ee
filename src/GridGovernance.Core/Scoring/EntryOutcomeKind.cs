namespace GridGovernance.Scoring;

/// <summary>What happened to one entry in an assessment.</summary>
/// <remarks>
/// Points and occurrences are counted apart. An entry counted, clipped or refused by a cap is an occurrence of its item
/// (<see cref="MemberAssessment.ItemCounts"/>, and so named stars, event stars and threshold rules) whatever points it
/// earned; an entry refused once-per-period or ignored is neither points nor an occurrence.
/// </remarks>
public enum EntryOutcomeKind
{
    /// <summary>Counted in full; an occurrence.</summary>
    Counted,

    /// <summary>Counted in part: the item's cap was reached; an occurrence.</summary>
    ClippedByItemCap,

    /// <summary>Counted in part: the category's cap was reached; an occurrence.</summary>
    ClippedByCategoryCap,

    /// <summary>No points: the item's cap was reached (refuse mode, or nothing left to clip to). Still an occurrence.</summary>
    RefusedByItemCap,

    /// <summary>No points: the category's cap was reached (refuse mode, or nothing left to clip to). Still an occurrence.</summary>
    RefusedByCategoryCap,

    /// <summary>No points and no occurrence: the item counts once per period and another occurrence (worth more, or as much and earlier) counted.</summary>
    RefusedOncePerPeriod,

    /// <summary>No points and no occurrence: the member's kind is not eligible for the item.</summary>
    IgnoredNotEligible,

    /// <summary>No points and no occurrence: no version of the item was in force on the occurrence date.</summary>
    IgnoredNoVersionInForce,

    /// <summary>No points and no occurrence: the tier does not exist.</summary>
    IgnoredBadTier,

    /// <summary>No points and no occurrence: thresholds and automatic grants are computed by the engine, not declared.</summary>
    IgnoredComputedItem,
}
