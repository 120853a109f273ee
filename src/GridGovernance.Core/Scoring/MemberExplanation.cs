using System.Collections.Immutable;

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

/// <summary>The outcome of one entry, or of a grant or threshold the engine applied (then <see cref="Entry"/> is null).</summary>
/// <param name="Entry">The entry, or <c>null</c> for an automatic grant or a threshold penalty.</param>
/// <param name="Item">The item code.</param>
/// <param name="Worth">What the entry was worth under its rule version.</param>
/// <param name="Counted">What counted after caps.</param>
/// <param name="Outcome">What happened.</param>
[Immutable]
public sealed record EntryOutcome(AssessmentEntry? Entry, string Item, Points Worth, Points Counted, EntryOutcomeKind Outcome);

/// <summary>A member's result with the outcome of each entry, in the order they were applied.</summary>
/// <param name="Result">The member's result (the same as the bulk assessment gives).</param>
/// <param name="Outcomes">Every entry's outcome.</param>
[Immutable]
public sealed record MemberExplanation(MemberAssessment Result, ImmutableArray<EntryOutcome> Outcomes);
