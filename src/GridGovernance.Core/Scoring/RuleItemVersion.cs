using NodaTime;

namespace GridGovernance.Scoring;

/// <summary>One version of an item, in force from <see cref="EffectiveFrom"/> (by occurrence date) until the next version.</summary>
[Immutable]
public sealed record RuleItemVersion
{
    /// <summary>The first occurrence date this version applies to.</summary>
    public required LocalDate EffectiveFrom { get; init; }

    /// <summary>The kind of item.</summary>
    public required ItemKind Kind { get; init; }

    /// <summary>The points of one occurrence: positive for Fixed and AutomaticGrant, negative for Deduction, Threshold and Veto (or zero for a veto that takes none).</summary>
    public Points Points { get; init; }

    /// <summary>For Discretionary: the smallest value a reviewer may give.</summary>
    public Points? Minimum { get; init; }

    /// <summary>For Discretionary: the largest value a reviewer may give.</summary>
    public Points? Maximum { get; init; }

    /// <summary>A cap on this item's awards per period, or <c>null</c>.</summary>
    public PointsCap? Cap { get; init; }

    /// <summary>Whether only the first occurrence in a period counts (e.g. a −20 violation at most once a year).</summary>
    public bool OncePerPeriod { get; init; }

    /// <summary>Whether an occurrence flagged "after reminder" counts double (deductions still undone after a reminder).</summary>
    public bool DoubleAfterReminder { get; init; }

    /// <summary>The member kinds the item applies to; empty for all (e.g. in-service members only).</summary>
    public IReadOnlyList<GridGovernance.Organisation.MemberKind> EligibleKinds { get; init; } = [];

    /// <summary>For Tiered: the tiers, in order.</summary>
    public IReadOnlyList<PenaltyTier> Tiers { get; init; } = [];

    /// <summary>
    /// The calendar period the item's per-period amounts are stated for (Year, Quarter or Month), or <c>null</c> for
    /// "whatever period is assessed" (the behaviour of rule books without it). The engine fits an automatic grant,
    /// the cap, a threshold's expected count and its penalty to the period assessed: pro rata by whole months when the
    /// period assessed is shorter (a yearly +20 grant is +5 a quarter, four quarters give exactly 20), times the number
    /// of such periods when it is longer (a monthly grant over a year is twelve of them). A custom period assessed is
    /// not a calendar period: the amounts apply to it as stated. Once-per-period stays once per period assessed; an
    /// item that counts once a month cannot be assessed over a longer period (the engine refuses it).
    /// </summary>
    public PeriodKind? Period { get; init; }

    /// <summary>For Threshold: the rule.</summary>
    public ThresholdRule? Threshold { get; init; }
}
