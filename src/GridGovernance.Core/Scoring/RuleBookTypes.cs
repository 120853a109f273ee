using NodaTime;

namespace GridGovernance.Scoring;

// The plain data of a rule book (积分细则). Each type is a small record read as a set; RuleBook validates and
// indexes them.

/// <summary>What to do with an award that would take a total past its cap.</summary>
public enum CapMode
{
    /// <summary>Record the part that fits and drop the rest (the last award is clipped to the cap).</summary>
    Clip,

    /// <summary>Refuse the whole award once it does not fit.</summary>
    Refuse,
}

/// <summary>The kinds of item found on real assessment sheets.</summary>
public enum ItemKind
{
    /// <summary>加分: fixed points per occurrence (e.g. +1 per themed party day, +1.25 party dues a month).</summary>
    Fixed,

    /// <summary>酌情加分: the reviewer picks a value within a range (e.g. 酌情加1–5分 for 党员联户 done well).</summary>
    Discretionary,

    /// <summary>扣分: fixed points taken per occurrence (e.g. −0.5 each, doubled if still undone after a reminder).</summary>
    Deduction,

    /// <summary>否决: disqualifies from 优秀 and caps the star result; may also take points.</summary>
    Veto,

    /// <summary>Tiered penalty by level (petitions reaching county / city / province / capital: 0.5 / 1 / 2 / 5).</summary>
    Tiered,

    /// <summary>Threshold rule computed by the engine (attendance under 80 % loses 0.5); not declared.</summary>
    Threshold,

    /// <summary>Automatic grant to every eligible member each period (e.g. +20 遵纪守法 base a year); not declared.</summary>
    AutomaticGrant,
}

/// <summary>A cap on the awards of one period, with what to do with an award that does not fit.</summary>
/// <param name="Limit">The most points awarded in a period; positive.</param>
/// <param name="Mode">Clip the last award, or refuse it.</param>
[Immutable]
public sealed record PointsCap(Points Limit, CapMode Mode = CapMode.Clip);

/// <summary>One tier of a tiered penalty.</summary>
/// <param name="Code">The tier, e.g. <c>county</c>.</param>
/// <param name="Points">The points of an occurrence at that tier (negative for a penalty).</param>
[Immutable]
public sealed record PenaltyTier(string Code, Points Points);

/// <summary>A threshold rule: when the count of <paramref name="CountedItem"/> over the period falls below
/// <paramref name="MinimumRatio"/> of <paramref name="Expected"/>, the item's points apply once.</summary>
/// <param name="CountedItem">The item whose occurrences are counted (e.g. attendance at 主题党日).</param>
/// <param name="Expected">How many occurrences the period expects; positive.</param>
/// <param name="MinimumRatio">The ratio below which the rule applies, in (0, 1] (e.g. 0.8).</param>
[Immutable]
public sealed record ThresholdRule(string CountedItem, int Expected, decimal MinimumRatio);

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

    /// <summary>For Threshold: the rule.</summary>
    public ThresholdRule? Threshold { get; init; }
}

/// <summary>An item of a category (细则条目), with its versions over time.</summary>
/// <param name="Code">A stable code, e.g. <c>themed-party-day</c>.</param>
/// <param name="Category">The code of its category.</param>
/// <param name="Name">A name for people, e.g. 主题党日.</param>
/// <param name="Versions">Its versions; the one in force on an occurrence date applies.</param>
[Immutable]
public sealed record RuleItem(string Code, string Category, string Name, IReadOnlyList<RuleItemVersion> Versions);

/// <summary>A category of points (分类), e.g. study, volunteer service, contacts.</summary>
/// <param name="Code">A stable code.</param>
/// <param name="Name">A name for people, e.g. 学习教育.</param>
/// <param name="Cap">A cap on the category's awards per period, or <c>null</c>.</param>
[Immutable]
public sealed record ScoreCategory(string Code, string Name, PointsCap? Cap = null);

/// <summary>A score band for banded stars: a member with at least <paramref name="MinimumScore"/> earns <paramref name="Stars"/>.</summary>
/// <param name="Stars">The stars, 1 or more.</param>
/// <param name="MinimumScore">The lowest score of the band.</param>
[Immutable]
public sealed record StarBand(int Stars, Points MinimumScore);

/// <summary>What a named star asks for.</summary>
public enum StarCriterionKind
{
    /// <summary>A category total of at least <see cref="StarCriterion.MinimumTotal"/>.</summary>
    CategoryTotal,

    /// <summary>At least <see cref="StarCriterion.MinimumCount"/> counted occurrences of an item.</summary>
    ItemCount,
}

/// <summary>The criterion of a named star.</summary>
/// <param name="Kind">Category total or item count.</param>
/// <param name="Code">The category or item code.</param>
/// <param name="MinimumTotal">For CategoryTotal: the least total.</param>
/// <param name="MinimumCount">For ItemCount: the least count.</param>
[Immutable]
public sealed record StarCriterion(StarCriterionKind Kind, string Code, Points MinimumTotal = default, int MinimumCount = 0);

/// <summary>One of the twelve named stars (十二星级管理), e.g. 学习星, 服务星.</summary>
/// <param name="Code">A stable code.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Criterion">What earns it over the period.</param>
[Immutable]
public sealed record NamedStar(string Code, string Name, StarCriterion Criterion);

/// <summary>How stars are given (星级).</summary>
[Immutable]
public sealed record StarRules
{
    /// <summary>Score bands for banded stars (1…5); empty for none.</summary>
    public IReadOnlyList<StarBand> Bands { get; init; } = [];

    /// <summary>Named stars (at most twelve: 十二星级管理); empty for none.</summary>
    public IReadOnlyList<NamedStar> NamedStars { get; init; } = [];

    /// <summary>Items each counted occurrence of which earns one star (Laiwu Xiguan: a themed party day attended, a problem solved).</summary>
    public IReadOnlyList<string> EventStarItems { get; init; } = [];

    /// <summary>The most banded stars a vetoed member can have (e.g. 0), or <c>null</c> for no cap.</summary>
    public int? VetoStarCap { get; init; }
}

/// <summary>The plain data of a rule book: what JSON holds and what <see cref="RuleBook.Create"/> checks.</summary>
[Immutable]
public sealed record RuleBookDefinition
{
    /// <summary>A stable id, e.g. <c>laiwu-2024</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The version of this rule book; 1 or more.</summary>
    public int Version { get; init; } = 1;

    /// <summary>A name for people.</summary>
    public required string Name { get; init; }

    /// <summary>The categories.</summary>
    public IReadOnlyList<ScoreCategory> Categories { get; init; } = [];

    /// <summary>The items.</summary>
    public IReadOnlyList<RuleItem> Items { get; init; } = [];

    /// <summary>Score multipliers by member kind (e.g. in-service 1.2); a kind not listed has 1.</summary>
    public IReadOnlyDictionary<GridGovernance.Organisation.MemberKind, decimal> KindMultipliers { get; init; } = new Dictionary<GridGovernance.Organisation.MemberKind, decimal>();

    /// <summary>How stars are given.</summary>
    public StarRules Stars { get; init; } = new();
}
