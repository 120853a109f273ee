using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

namespace GridGovernance.Tests.Scoring;

public sealed partial class RuleBookJsonTest
{
    /// <summary>
    /// A random valid definition survives the trip through JSON: what is read back holds the same rules, and writing
    /// it again gives the same text (the serialized form is a fixed point).
    /// </summary>
    [Property(Arbitrary = [typeof(RuleBookGenerators)], MaxTest = 200)]
    public bool RoundTrip_OfAValidDefinition_IsIdentity(RuleBookDefinition definition)
    {
        RuleBook.Create(definition);
        string json = RuleBookJson.Serialize(definition);
        var read = RuleBookJson.ReadDefinition(json);
        return Equivalent(definition, read) && RuleBookJson.Serialize(read) == json && RuleBookJson.Serialize(RuleBookJson.Read(json)) == json;
    }

    /// <summary>Random valid definitions: every item kind, caps in both modes, mid-year versions, odd names (that the input policy allows), all star rules.</summary>
    public static class RuleBookGenerators
    {
        private static readonly string[] Names =
        [
            "学习教育", "志愿服务", "主题党日", "党员联户（酌情加1–5分）", "plain", "with \"quotes\"", "<b>&amp;</b>", "back\\slash",
            "emoji 😀", "+5 分", "", "'single'", "é", "\u00A0no-break space", "\\u0001 escaped-looking",
        ];

        private static readonly MemberKind[] Kinds = Enum.GetValues<MemberKind>();

        public static Arbitrary<RuleBookDefinition> Definition() => DefinitionGen.ToArbitrary();

        private static Gen<RuleBookDefinition> DefinitionGen =>
            from categoryCount in Gen.Choose(1, 4)
            from itemCount in Gen.Choose(0, 6)
            from id in Gen.Elements("laiwu-2024", "yibin-q1", "b")
            from version in Gen.Choose(1, 9)
            from name in Gen.Elements(Names).Where(n => n.Trim().Length > 0)
            from categories in Gen.CollectToArray(Enumerable.Range(0, categoryCount), c => CategoryGen($"c{c}"))
            from items in Gen.CollectToArray(Enumerable.Range(0, itemCount), i => ItemGen($"i{i}", categoryCount, itemCount))
            from multipliers in Gen.SubListOf(Kinds).SelectMany(kinds => Gen.CollectToArray(kinds, k => Gen.Choose(0, 300).Select(m => (k, m / 100m))))
            from stars in StarsGen(categoryCount, itemCount)
            select new RuleBookDefinition
            {
                Id = id,
                Version = version,
                Name = name,
                Categories = categories,
                Items = items,
                KindMultipliers = multipliers.ToDictionary(p => p.k, p => p.Item2),
                Stars = stars,
            };

        private static Gen<ScoreCategory> CategoryGen(string code) =>
            from name in Gen.Elements(Names)
            from cap in Optional(CapGen)
            select new ScoreCategory(code, name, cap);

        private static Gen<RuleItem> ItemGen(string code, int categoryCount, int itemCount) =>
            from category in Gen.Choose(0, categoryCount - 1)
            from name in Gen.Elements(Names)
            from days in Gen.ArrayOf(Gen.Choose(0, 3_650), 3)
            from versionCount in Gen.Choose(1, 3)
            from versions in Gen.CollectToArray(days.Take(versionCount).Distinct(), d => VersionGen(new LocalDate(2020, 1, 1).PlusDays(d), itemCount))
            select new RuleItem(code, $"c{category}", name, versions);

        private static Gen<RuleItemVersion> VersionGen(LocalDate effectiveFrom, int itemCount) =>
            from kind in Gen.Elements(Enum.GetValues<ItemKind>())
            from positive in PositivePoints
            from other in PositivePoints
            from cap in Optional(CapGen)
            from once in Gen.Elements(false, true)
            from doubled in Gen.Elements(false, true)
            from eligible in Gen.SubListOf(Kinds)
            from tiers in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(AnyPoints, n))
            from counted in Gen.Choose(0, itemCount - 1)
            from expected in Gen.Choose(1, 52)
            from ratio in Gen.Choose(1, 100)
            select new RuleItemVersion
            {
                EffectiveFrom = effectiveFrom,
                Kind = kind,
                Points = kind switch
                {
                    ItemKind.Fixed or ItemKind.AutomaticGrant => positive,
                    ItemKind.Deduction or ItemKind.Threshold => -positive,
                    ItemKind.Veto when once => Points.Zero,
                    ItemKind.Veto => -positive,
                    _ => Points.Zero,
                },
                Minimum = kind == ItemKind.Discretionary ? Points.Min(positive, other) : null,
                Maximum = kind == ItemKind.Discretionary ? Points.Max(positive, other) : null,
                Cap = cap,
                OncePerPeriod = once,
                DoubleAfterReminder = doubled,
                EligibleKinds = [.. eligible],
                Tiers = kind == ItemKind.Tiered ? [.. tiers.Select((p, t) => new PenaltyTier($"tier-{t}", p))] : [],
                Threshold = kind == ItemKind.Threshold ? new ThresholdRule($"i{counted}", expected, ratio / 100m) : null,
            };

        private static Gen<StarRules> StarsGen(int categoryCount, int itemCount) =>
            from bandCount in Gen.Choose(0, 5)
            from steps in Gen.ArrayOf(Gen.Choose(1, 400_000), bandCount)
            from start in Gen.Choose(-100_000, 100_000)
            from namedCount in Gen.Choose(0, 12)
            from named in Gen.CollectToArray(Enumerable.Range(0, namedCount), n => NamedStarGen($"star-{n}", categoryCount, itemCount))
            from events in itemCount == 0 ? Gen.Constant(Array.Empty<string>()) : Gen.SubListOf(Enumerable.Range(0, itemCount).Select(i => $"i{i}")).Select(l => l.ToArray())
            from vetoCap in Optional(Gen.Choose(0, 5))
            select new StarRules
            {
                Bands = [.. steps.Select((_, b) => new StarBand(b + 1, Points.FromUnits(start + steps.Take(b + 1).Sum(s => (long)s))))],
                NamedStars = named,
                EventStarItems = events,
                VetoStarCap = vetoCap,
            };

        private static Gen<NamedStar> NamedStarGen(string code, int categoryCount, int itemCount) =>
            from name in Gen.Elements(Names)
            from byItem in itemCount == 0 ? Gen.Constant(false) : Gen.Elements(false, true)
            from target in Gen.Choose(0, Math.Max(categoryCount, itemCount) - 1)
            from total in AnyPoints
            from count in Gen.Choose(0, 50)
            select byItem
                ? new NamedStar(code, name, new StarCriterion(StarCriterionKind.ItemCount, $"i{target % itemCount}", MinimumCount: count))
                : new NamedStar(code, name, new StarCriterion(StarCriterionKind.CategoryTotal, $"c{target % categoryCount}", total));

        private static Gen<Points> PositivePoints => Gen.Choose(1, 2_000_000).Select(u => Points.FromUnits(u));

        private static Gen<Points> AnyPoints => Gen.Choose(-2_000_000, 2_000_000).Select(u => Points.FromUnits(u));

        private static Gen<PointsCap> CapGen =>
            PositivePoints.Zip(Gen.Elements(CapMode.Clip, CapMode.Refuse), (limit, mode) => new PointsCap(limit, mode));

        private static Gen<T?> Optional<T>(Gen<T> gen)
            where T : class => Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(v => (T?)v)));

        private static Gen<int?> Optional(Gen<int> gen) => Gen.Frequency((1, Gen.Constant<int?>(null)), (2, gen.Select(v => (int?)v)));
    }
}
