using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

namespace GridGovernance.Tests.Scoring;

/// <summary>Rule books shared by the rule book, JSON and property tests.</summary>
internal static class RuleBookSamples
{
    internal static readonly LocalDate January1 = new(2024, 1, 1);

    internal static readonly LocalDate July1 = new(2024, 7, 1);

    /// <summary>A small valid book with one item of every kind, a mid-year change, caps in both modes and all star rules.</summary>
    internal static RuleBookDefinition EveryKind() => new()
    {
        Id = "sample-2024",
        Version = 3,
        Name = "示例积分细则",
        Categories =
        [
            new ScoreCategory("party-day", "主题党日"),
            new ScoreCategory("study", "学习教育", new PointsCap(Points.From(10), CapMode.Clip)),
            new ScoreCategory("conduct", "纪律作风", new PointsCap(Points.From(40), CapMode.Refuse)),
        ],
        Items =
        [
            Item("attendance", "party-day", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Fixed, Points = Points.From(1), Cap = new PointsCap(Points.From(12)) }),
            Item("shortfall", "party-day", new RuleItemVersion
            {
                EffectiveFrom = January1,
                Kind = ItemKind.Threshold,
                Points = Points.From(-0.5m),
                Threshold = new ThresholdRule("attendance", 12, 0.8m),
            }),
            Item("online-study", "study",
                new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Fixed, Points = Points.From(0.5m), EligibleKinds = [MemberKind.Mobile] },
                new RuleItemVersion { EffectiveFrom = July1, Kind = ItemKind.Fixed, Points = Points.From(1), EligibleKinds = [MemberKind.Mobile, MemberKind.InService] }),
            Item("done-well", "study", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Discretionary, Minimum = Points.From(1), Maximum = Points.From(5), OncePerPeriod = true }),
            Item("base", "conduct", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.AutomaticGrant, Points = Points.From(20) }),
            Item("dues", "conduct", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Fixed, Points = Points.From(1.25m), Cap = new PointsCap(Points.From(15), CapMode.Refuse) }),
            Item("violation", "conduct", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Deduction, Points = Points.From(-20), OncePerPeriod = true }),
            Item("overdue", "conduct", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Deduction, Points = Points.From(-0.5m), DoubleAfterReminder = true }),
            Item("petition", "conduct", new RuleItemVersion
            {
                EffectiveFrom = January1,
                Kind = ItemKind.Tiered,
                Tiers = [new PenaltyTier("county", Points.From(-0.5m)), new PenaltyTier("city", Points.From(-1)), new PenaltyTier("province", Points.From(-2)), new PenaltyTier("capital", Points.From(-5))],
            }),
            Item("sanction", "conduct", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Veto }),
        ],
        KindMultipliers = new Dictionary<MemberKind, decimal> { [MemberKind.InService] = 1.2m, [MemberKind.LongResident] = 1.0m },
        Stars = new StarRules
        {
            Bands = [new StarBand(1, Points.From(30)), new StarBand(2, Points.From(45)), new StarBand(3, Points.From(60.5m))],
            NamedStars =
            [
                new NamedStar("study-star", "学习星", new StarCriterion(StarCriterionKind.CategoryTotal, "study", MinimumTotal: Points.From(8))),
                new NamedStar("political-star", "政治星", new StarCriterion(StarCriterionKind.ItemCount, "attendance", MinimumCount: 10)),
            ],
            EventStarItems = ["attendance"],
            VetoStarCap = 0,
        },
    };

    internal static RuleItem Item(string code, string category, params RuleItemVersion[] versions) => new(code, category, code, versions);

    internal static RuleItemVersion Fixed(decimal points, LocalDate? from = null) =>
        new() { EffectiveFrom = from ?? January1, Kind = ItemKind.Fixed, Points = Points.From(points) };
}
