namespace GridGovernance.Scoring.Statements;

/// <summary>The rule that decided what one line of a member's statement (积分明细账) counts.</summary>
/// <remarks>
/// Every rule but <see cref="RefusedOncePerPeriod"/> and the <c>Ignored…</c> ones leaves the entry counted as an
/// occurrence (<see cref="StatementLine.CountsAsOccurrence"/>): an award a cap clipped or refused still counts for
/// item counts, named stars, event stars and threshold rules; it only earns fewer points, or none.
/// </remarks>
public enum StatementRule
{
    /// <summary>Counted in full at the item's points (or the reviewer's value, or the tier's points).</summary>
    Counted,

    /// <summary>An automatic grant (e.g. +20 遵纪守法基础分), computed by the engine at the start of the period.</summary>
    AutomaticGrant,

    /// <summary>A threshold penalty (e.g. attendance under 80 % of 12 loses 0.5), computed by the engine at the end of the period.</summary>
    ThresholdShortfall,

    /// <summary>Counted double: recorded after a reminder, and the item doubles such occurrences (经提醒仍未办加倍扣分).</summary>
    DoubledAfterReminder,

    /// <summary>A veto item (否决): counted, and the member is not eligible for 优秀 and their band stars are capped; named and event stars are not.</summary>
    Veto,

    /// <summary>Counted in part: the item's cap (clip mode) left room for only part of it.</summary>
    ClippedByItemCap,

    /// <summary>Counted in part: the category's cap (clip mode) left room for only part of it.</summary>
    ClippedByCategoryCap,

    /// <summary>No points: the item's cap was reached (refuse mode, or no room left to clip to). Still an occurrence.</summary>
    RefusedByItemCap,

    /// <summary>No points: the category's cap was reached (refuse mode, or no room left to clip to). Still an occurrence.</summary>
    RefusedByCategoryCap,

    /// <summary>No points and no occurrence: the item counts once per period and another occurrence (worth more, or as much and earlier) counted.</summary>
    RefusedOncePerPeriod,

    /// <summary>No points and no occurrence: the member's kind is not among the item's eligible kinds.</summary>
    IgnoredNotEligible,

    /// <summary>No points and no occurrence: the entry happened before the item's first version took effect (<see cref="RuleItemVersion.EffectiveFrom"/>).</summary>
    IgnoredBeforeEffectiveFrom,

    /// <summary>No points and no occurrence: the tier named does not exist.</summary>
    IgnoredBadTier,

    /// <summary>No points and no occurrence: thresholds and automatic grants are computed by the engine, never declared.</summary>
    IgnoredComputedItem,
}
