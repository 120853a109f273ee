namespace GridGovernance.Scoring;

/// <summary>What happened to one entry in an assessment.</summary>
public enum EntryOutcomeKind
{
    /// <summary>Counted in full.</summary>
    Counted,

    /// <summary>Counted in part: the item's cap was reached.</summary>
    ClippedByItemCap,

    /// <summary>Counted in part: the category's cap was reached.</summary>
    ClippedByCategoryCap,

    /// <summary>Not counted: the item's cap was reached (refuse mode, or nothing left to clip to).</summary>
    RefusedByItemCap,

    /// <summary>Not counted: the category's cap was reached.</summary>
    RefusedByCategoryCap,

    /// <summary>Not counted: the item counts once per period and another occurrence (worth more, or as much and earlier) counted.</summary>
    RefusedOncePerPeriod,

    /// <summary>Not counted: the member's kind is not eligible for the item.</summary>
    IgnoredNotEligible,

    /// <summary>Not counted: no version of the item was in force on the occurrence date.</summary>
    IgnoredNoVersionInForce,

    /// <summary>Not counted: the tier does not exist.</summary>
    IgnoredBadTier,

    /// <summary>Not counted: thresholds and automatic grants are computed by the engine, not declared.</summary>
    IgnoredComputedItem,
}
