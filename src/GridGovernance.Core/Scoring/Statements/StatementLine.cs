using NodaTime;

namespace GridGovernance.Scoring.Statements;

/// <summary>One line of a member's statement (积分明细账): an entry, or a grant or threshold the engine applied, with what it counted and the rule that decided it.</summary>
/// <remarks>Lines are in the order the engine applied them: automatic grants first, then entries by (date, sequence, item, value descending), thresholds last.</remarks>
[Immutable]
public sealed record StatementLine
{
    /// <summary>The ledger entry, or <c>null</c> for an automatic grant or a threshold penalty.</summary>
    public AssessmentEntry? Entry { get; init; }

    /// <summary>The day of the line: the entry's occurrence date, the period's first day for a grant, its last day for a threshold.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>The item's code.</summary>
    public required string ItemCode { get; init; }

    /// <summary>The item's name (细则条目).</summary>
    public required string ItemName { get; init; }

    /// <summary>The code of the item's category.</summary>
    public required string CategoryCode { get; init; }

    /// <summary>What the entry was worth under the version in force on its date (zero when ignored).</summary>
    public required Points Worth { get; init; }

    /// <summary>What counted towards the category total after caps.</summary>
    public required Points Counted { get; init; }

    /// <summary>The engine's outcome (as <see cref="AssessmentEngine.Explain"/> reports it).</summary>
    public required EntryOutcomeKind Outcome { get; init; }

    /// <summary>The rule that decided what the line counts.</summary>
    public required StatementRule Rule { get; init; }

    /// <summary>For a line clipped or refused by a cap: that cap (the item's or the category's, in force on the period's last day).</summary>
    public PointsCap? Cap { get; init; }

    /// <summary>For a line clipped or refused by a cap: the name of the item or category the cap belongs to.</summary>
    public string? CapOf { get; init; }

    /// <summary>Whether the line counts as an occurrence of its item (item counts, named and event stars, thresholds): true unless refused once-per-period or ignored.</summary>
    public bool CountsAsOccurrence => Rule is not (StatementRule.RefusedOncePerPeriod or StatementRule.IgnoredNotEligible or StatementRule.IgnoredBeforeEffectiveFrom
        or StatementRule.IgnoredBadTier or StatementRule.IgnoredComputedItem);

    /// <summary>The explanation in Chinese, as printed (e.g. <c>已达本项上限 10 分，不计分（仍计次数）</c>).</summary>
    public required string Explanation { get; init; }
}
