using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

namespace GridGovernance.Testing;

/// <summary>
/// FsCheck arbitraries for valid rule books (积分细则). Use with
/// <c>[Property(Arbitrary = new[] { typeof(RuleBookArbitraries) })]</c> and take a <see cref="RuleBook"/> parameter:
/// each one has one to three categories (some capped, clip or refuse), one to eight declared items of the five
/// declarable kinds (加分, 酌情加分, 扣分, 否决, tiered 信访), sometimes a mid-year version change, an automatic grant,
/// an attendance threshold, kind multipliers and star rules; every one passes <see cref="RuleBook.Create"/>.
/// </summary>
/// <remarks>
/// Every version takes effect on or after 1 January of <see cref="Year"/>, so <see cref="Period"/> is the natural
/// period to assess them over. Categories are coded <c>c0</c>, <c>c1</c>, <c>c2</c> and items <c>i0</c>, <c>i1</c>, …
/// (plus <c>grant</c> and <c>threshold</c>). A failing rule book shrinks (<see cref="Shrink"/>) to one without star
/// rules, multipliers, items, second versions and caps that the failure does not need.
/// </remarks>
public static class RuleBookArbitraries
{
    /// <summary>The year the generated rule books take effect in.</summary>
    public const int Year = 2024;

    /// <summary>The period the generated rule books are meant for: the calendar year <see cref="Year"/>.</summary>
    public static AssessmentPeriod Period { get; } = AssessmentPeriod.Year(Year);

    private static readonly ItemKind[] DeclarableKinds = [ItemKind.Fixed, ItemKind.Discretionary, ItemKind.Deduction, ItemKind.Veto, ItemKind.Tiered];

    /// <summary>Valid rule books of every item kind and cap mode, shrinking with <see cref="Shrink"/>.</summary>
    public static Arbitrary<RuleBook> RuleBook() => Arb.From(RuleBookGen(), Shrink);

    /// <summary>The generator behind <see cref="RuleBook()"/>, for composing.</summary>
    public static Gen<RuleBook> RuleBookGen() => DefinitionGen().Select(GridGovernance.Scoring.RuleBook.Create);

    /// <summary>Valid rule book definitions (what <see cref="GridGovernance.Scoring.RuleBook.Create"/> accepts), before validation.</summary>
    public static Gen<RuleBookDefinition> DefinitionGen() => DefinitionGen(clipOnly: false);

    /// <summary>Valid rule books whose caps all clip (refuse caps make totals non-monotone in the ledger; some properties need clip only).</summary>
    public static Gen<RuleBook> ClipOnlyRuleBookGen() => DefinitionGen(clipOnly: true).Select(GridGovernance.Scoring.RuleBook.Create);

    private static Gen<RuleBookDefinition> DefinitionGen(bool clipOnly) =>
        Gen.Sized(size =>
        {
            int maxItems = Math.Clamp(2 + size / 10, 2, 8);
            return from categoryCaps in Gen.ListOf(CapGen(clipOnly), 3).SelectMany(caps => Gen.Choose(1, 3).Select(n => caps.Take(n).ToList()))
                   from itemCount in Gen.Choose(1, maxItems)
                   from items in Gen.ListOf(ItemGen(categoryCaps.Count, clipOnly), itemCount)
                   from grant in Gen.Frequency((1, Gen.Constant<Points?>(null)), (1, Gen.Choose(1, 20).Select(p => (Points?)Points.From(p))))
                   from threshold in Gen.Frequency((1, Gen.Constant<(int Expected, int Percent)?>(null)), (1, (from e in Gen.Choose(1, 12) from r in Gen.Choose(1, 100) select ((int, int)?)(e, r))))
                   from multipliers in MultipliersGen()
                   from stars in StarsGen(categoryCaps.Count, itemCount)
                   select Build(categoryCaps, items, grant, threshold, multipliers, stars);
        });

    /// <summary>
    /// Simpler valid rule books: without star rules, without multipliers, without one item (and whatever refers to
    /// it), without an item's later versions, without a cap, without an unused category. Each is smaller than the book
    /// and passes <see cref="GridGovernance.Scoring.RuleBook.Create"/>; candidates that would not are left out.
    /// </summary>
    /// <param name="book">The book to shrink.</param>
    public static IEnumerable<RuleBook> Shrink(RuleBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return Simpler(book.Definition).Select(TryCreate).OfType<RuleBook>();
    }

    private static IEnumerable<RuleBookDefinition> Simpler(RuleBookDefinition d)
    {
        var stars = d.Stars;
        if (stars.Bands.Count + stars.NamedStars.Count + stars.EventStarItems.Count > 0 || stars.VetoStarCap is not null)
        {
            yield return d with { Stars = new StarRules() };
        }
        if (d.KindMultipliers.Count > 0)
        {
            yield return d with { KindMultipliers = new Dictionary<MemberKind, decimal>() };
        }
        for (int i = d.Items.Count - 1; i >= 0; i--)
        {
            string code = d.Items[i].Code;
            var items = d.Items.Where((item, j) => j != i && item.Versions.All(v => v.Threshold?.CountedItem != code)).ToList();
            yield return d with
            {
                Items = items,
                Stars = stars with
                {
                    NamedStars = [.. stars.NamedStars.Where(s => s.Criterion.Kind != StarCriterionKind.ItemCount || items.Any(item => item.Code == s.Criterion.Code))],
                    EventStarItems = [.. stars.EventStarItems.Where(e => items.Any(item => item.Code == e))],
                },
            };
        }
        for (int i = 0; i < d.Items.Count; i++)
        {
            var item = d.Items[i];
            if (item.Versions.Count > 1)
            {
                yield return d with { Items = [.. d.Items.Select((x, j) => j == i ? x with { Versions = [x.Versions[0]] } : x)] };
            }
            for (int v = 0; v < item.Versions.Count; v++)
            {
                if (item.Versions[v].Cap is not null)
                {
                    int version = v;
                    yield return d with
                    {
                        Items = [.. d.Items.Select((x, j) => j != i ? x : x with { Versions = [.. x.Versions.Select((y, k) => k == version ? y with { Cap = null } : y)] })],
                    };
                }
            }
        }
        for (int c = 0; c < d.Categories.Count; c++)
        {
            var category = d.Categories[c];
            if (category.Cap is not null)
            {
                yield return d with { Categories = [.. d.Categories.Select((x, j) => j == c ? x with { Cap = null } : x)] };
            }
            if (d.Categories.Count > 1 && d.Items.All(item => item.Category != category.Code))
            {
                yield return d with
                {
                    Categories = [.. d.Categories.Where((_, j) => j != c)],
                    Stars = stars with { NamedStars = [.. stars.NamedStars.Where(s => s.Criterion.Kind != StarCriterionKind.CategoryTotal || s.Criterion.Code != category.Code)] },
                };
            }
        }
    }

    private static RuleBook? TryCreate(RuleBookDefinition definition)
    {
        try
        {
            return GridGovernance.Scoring.RuleBook.Create(definition);
        }
        catch (GridGovernanceValidationException)
        {
            return null;
        }
    }

    private static Gen<PointsCap?> CapGen(bool clipOnly) =>
        Gen.Frequency(
            (2, Gen.Constant<PointsCap?>(null)),
            (1, from limit in Gen.Choose(1, 40)
                from refuse in clipOnly ? Gen.Constant(false) : Gen.Elements(false, true)
                select (PointsCap?)new PointsCap(Points.From(limit / 2m), refuse ? CapMode.Refuse : CapMode.Clip)));

    private sealed record ItemSpec(int Category, ItemKind Kind, RuleItemVersion First, RuleItemVersion? Second);

    private static Gen<ItemSpec> ItemGen(int categories, bool clipOnly) =>
        from category in Gen.Choose(0, categories - 1)
        from kind in Gen.Elements(DeclarableKinds)
        from first in VersionGen(kind, new LocalDate(Year, 1, 1), clipOnly)
        from changeDay in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 300)))
        from second in changeDay == 0 ? Gen.Constant<RuleItemVersion?>(null) : VersionGen(kind, new LocalDate(Year, 1, 1).PlusDays(changeDay), clipOnly).Select(v => (RuleItemVersion?)v)
        select new ItemSpec(category, kind, first, second);

    private static Gen<RuleItemVersion> VersionGen(ItemKind kind, LocalDate effective, bool clipOnly) =>
        from halves in Gen.Choose(1, 10)
        from low in Gen.Choose(-2, 3)
        from span in Gen.Choose(0, 4)
        from tiers in Gen.Choose(1, 4)
        from cap in kind is ItemKind.Fixed or ItemKind.Discretionary ? CapGen(clipOnly) : Gen.Constant<PointsCap?>(null)
        from once in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from doubled in Gen.Elements(false, true)
        from eligible in Gen.Frequency((4, Gen.Constant(Array.Empty<MemberKind>())), (1, Gen.SubListOf(Enum.GetValues<MemberKind>()).Where(k => k.Count > 0).Select(k => k.ToArray())))
        select new RuleItemVersion
        {
            EffectiveFrom = effective,
            Kind = kind,
            Points = kind switch
            {
                ItemKind.Fixed => Points.From(halves / 2m),
                ItemKind.Deduction => Points.From(-halves / 2m),
                ItemKind.Veto => Points.From(-(halves % 3)),
                _ => default,
            },
            Minimum = kind == ItemKind.Discretionary ? Points.From(low) : null,
            Maximum = kind == ItemKind.Discretionary ? Points.From(low + span) : null,
            Tiers = kind == ItemKind.Tiered ? [.. Enumerable.Range(0, tiers).Select(t => new PenaltyTier($"t{t}", Points.From(-(t + 1) * halves / 2m)))] : [],
            Cap = cap,
            OncePerPeriod = once,
            DoubleAfterReminder = doubled && kind is ItemKind.Deduction or ItemKind.Tiered,
            EligibleKinds = eligible,
        };

    private static Gen<Dictionary<MemberKind, decimal>> MultipliersGen() =>
        Gen.SubListOf(Enum.GetValues<MemberKind>())
            .SelectMany(kinds => Gen.ListOf(Gen.Choose(0, 20), kinds.Count)
                .Select(tenths => kinds.Zip(tenths).ToDictionary(p => p.First, p => p.Second / 10m)));

    private static Gen<StarRules> StarsGen(int categories, int items) =>
        from bandCount in Gen.Choose(0, 5)
        from steps in Gen.ListOf(Gen.Choose(1, 30), bandCount)
        from named in Gen.ListOf(
            from byCategory in Gen.Elements(true, false)
            from code in Gen.Choose(0, (byCategory ? categories : items) - 1)
            from minimum in Gen.Choose(1, 20)
            select (byCategory, code, minimum), 3).SelectMany(all => Gen.Choose(0, 3).Select(n => all.Take(n).ToList()))
        from events in Gen.SubListOf(Enumerable.Range(0, items).ToArray())
        from vetoCap in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 2).Select(c => (int?)c)))
        select new StarRules
        {
            Bands = [.. steps.Select((_, i) => new StarBand(i + 1, Points.From(steps.Take(i + 1).Sum())))],
            NamedStars = [.. named.Select((n, i) => new NamedStar($"star{i}", $"星{i}", n.byCategory
                ? new StarCriterion(StarCriterionKind.CategoryTotal, $"c{n.code}", MinimumTotal: Points.From(n.minimum))
                : new StarCriterion(StarCriterionKind.ItemCount, $"i{n.code}", MinimumCount: n.minimum)))],
            EventStarItems = [.. events.Select(i => $"i{i}")],
            VetoStarCap = vetoCap,
        };

    private static RuleBookDefinition Build(
        List<PointsCap?> categoryCaps, List<ItemSpec> specs, Points? grant, (int Expected, int Percent)? threshold,
        Dictionary<MemberKind, decimal> multipliers, StarRules stars)
    {
        var start = new LocalDate(Year, 1, 1);
        var items = specs
            .Select((s, i) => new RuleItem($"i{i}", $"c{s.Category}", $"item {i}", s.Second is null ? [s.First] : [s.First, s.Second]))
            .ToList();
        if (grant is Points g)
        {
            items.Add(new RuleItem("grant", "c0", "遵纪守法 base", [new RuleItemVersion { EffectiveFrom = start, Kind = ItemKind.AutomaticGrant, Points = g }]));
        }
        if (threshold is var (expected, percent))
        {
            items.Add(new RuleItem("threshold", "c0", "主题党日 attendance", [new RuleItemVersion
            {
                EffectiveFrom = start, Kind = ItemKind.Threshold, Points = Points.From(-0.5m), Threshold = new ThresholdRule("i0", expected, percent / 100m),
            }]));
        }
        return new RuleBookDefinition
        {
            Id = "generated",
            Name = "generated rule book",
            Categories = [.. categoryCaps.Select((cap, i) => new ScoreCategory($"c{i}", $"category {i}", cap))],
            Items = items,
            KindMultipliers = multipliers,
            Stars = stars,
        };
    }
}
