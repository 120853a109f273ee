using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

namespace GridGovernance.Testing;

/// <summary>
/// Generates rule books and ledgers deterministically from a seed: small random rule books of every item kind for
/// property tests, and a Laiwu-style twelve-category rule book with a year of entries for benchmarks.
/// </summary>
public static class ScoringGenerator
{
    private static readonly string[] LaiwuCategories =
    [
        "themed-party-day", "study", "volunteer", "contacts", "requests", "claims",
        "wishes", "dues", "discipline", "honours", "organisation-life", "outreach",
    ];

    /// <summary>
    /// A Laiwu-style rule book with twelve categories (主题党日, 学习, 志愿服务, 党员联户, 为民办事, 项目认领, 微心愿, 党费,
    /// 纪律, 荣誉, 组织生活, 宣传), 36 items of every kind, caps on items and categories (clip), a +20 base grant,
    /// an attendance threshold and banded stars.
    /// </summary>
    public static RuleBook Laiwu(int year = 2024)
    {
        var start = new LocalDate(year, 1, 1);
        var categories = LaiwuCategories.Select((c, i) => new ScoreCategory(c, c, i % 3 == 0 ? new PointsCap(Points.From(40)) : null)).ToList();
        var items = new List<RuleItem>();
        foreach (var category in LaiwuCategories)
        {
            items.Add(Item($"{category}-award", category, new RuleItemVersion { EffectiveFrom = start, Kind = ItemKind.Fixed, Points = Points.From(1), Cap = new PointsCap(Points.From(20)) }));
            items.Add(Item($"{category}-merit", category, new RuleItemVersion { EffectiveFrom = start, Kind = ItemKind.Discretionary, Minimum = Points.From(1), Maximum = Points.From(5) }));
            items.Add(Item($"{category}-lapse", category, new RuleItemVersion { EffectiveFrom = start, Kind = ItemKind.Deduction, Points = Points.From(-0.5m), DoubleAfterReminder = true }));
        }
        items[0] = items[0] with
        {
            Versions = [.. items[0].Versions, new RuleItemVersion { EffectiveFrom = new LocalDate(year, 7, 1), Kind = ItemKind.Fixed, Points = Points.From(1.25m), Cap = new PointsCap(Points.From(20)) }],
        };
        items.Add(Item("base-grant", "discipline", new RuleItemVersion { EffectiveFrom = start, Kind = ItemKind.AutomaticGrant, Points = Points.From(20) }));
        items.Add(Item("attendance-threshold", "themed-party-day", new RuleItemVersion
        {
            EffectiveFrom = start, Kind = ItemKind.Threshold, Points = Points.From(-0.5m), Threshold = new ThresholdRule("themed-party-day-award", 12, 0.8m),
        }));
        items.Add(Item("violation", "discipline", new RuleItemVersion { EffectiveFrom = start, Kind = ItemKind.Deduction, Points = Points.From(-20), OncePerPeriod = true }));
        items.Add(Item("petition", "discipline", new RuleItemVersion
        {
            EffectiveFrom = start, Kind = ItemKind.Tiered,
            Tiers = [new("county", Points.From(-0.5m)), new("city", Points.From(-1)), new("province", Points.From(-2)), new("capital", Points.From(-5))],
        }));
        items.Add(Item("veto", "discipline", new RuleItemVersion { EffectiveFrom = start, Kind = ItemKind.Veto }));
        return RuleBook.Create(new RuleBookDefinition
        {
            Id = $"laiwu-{year}",
            Name = "莱芜区党员积分细则",
            Categories = categories,
            Items = items,
            KindMultipliers = new Dictionary<MemberKind, decimal> { [MemberKind.InService] = 1.2m },
            Stars = new StarRules
            {
                Bands = [new(1, Points.From(10)), new(2, Points.From(40)), new(3, Points.From(80)), new(4, Points.From(120)), new(5, Points.From(160))],
                EventStarItems = ["themed-party-day-award", "requests-award"],
                VetoStarCap = 0,
            },
        });
    }

    private static RuleItem Item(string code, string category, RuleItemVersion version) => new(code, category, code, [version]);

    /// <summary>
    /// A year of entries for a roster: <paramref name="count"/> entries spread over the members and the year, on the
    /// declarable items of <paramref name="ruleBook"/> (awards mostly, some deductions, few vetoes), in recorded order.
    /// </summary>
    /// <param name="ruleBook">The rules (entries name its declarable items).</param>
    /// <param name="period">The period the entries fall in.</param>
    /// <param name="roster">The members.</param>
    /// <param name="count">How many entries.</param>
    /// <param name="seed">The seed.</param>
    public static AssessmentEntry[] Ledger(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster, int count, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(ruleBook);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(roster);
        var random = new Random(seed);
        var declarable = Enumerable.Range(0, ruleBook.Items.Length)
            .Where(i => ruleBook.Items[i].Versions[0].Kind is not (ItemKind.AutomaticGrant or ItemKind.Threshold))
            .ToArray();
        var weights = declarable.Select(i => ruleBook.Items[i].Versions[0].Kind switch
        {
            ItemKind.Veto => 1,
            ItemKind.Deduction or ItemKind.Tiered => 20,
            _ => 100,
        }).ToArray();
        int totalWeight = weights.Sum();
        int days = Period.DaysBetween(period.Start, period.End) + 1;
        var entries = new AssessmentEntry[count];
        for (int k = 0; k < count; k++)
        {
            int pick = random.Next(totalWeight);
            int d = 0;
            while (pick >= weights[d])
            {
                pick -= weights[d++];
            }
            int item = declarable[d];
            var version = ruleBook.Items[item].Versions[0];
            entries[k] = new AssessmentEntry(roster[random.Next(roster.Count)].Member, item, period.Start.PlusDays(random.Next(days)), k)
            {
                Value = version.Kind == ItemKind.Discretionary ? Points.From(random.Next((int)version.Minimum!.Value.ToDecimal(), (int)version.Maximum!.Value.ToDecimal() + 1)) : default,
                Tier = version.Kind == ItemKind.Tiered ? random.Next(version.Tiers.Count) : 0,
                AfterReminder = random.Next(10) == 0,
            };
        }
        return entries;
    }

    /// <summary>A roster of <paramref name="members"/> members (ids 1…n) spread over branches, kinds as in the seeds.</summary>
    /// <param name="members">How many.</param>
    /// <param name="branches">How many branches (ids 1…b).</param>
    /// <param name="seed">The seed.</param>
    public static IReadOnlyList<AssessmentSubject> Roster(int members, int branches = 1, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(1, members)
            .Select(i => new AssessmentSubject(new MemberId(i), (MemberKind)(random.Next(10) switch { < 6 => 0, < 9 => 1, _ => 2 }), new OrgUnitId(1 + (i - 1) % Math.Max(1, branches))))
            .ToArray();
    }

    /// <summary>
    /// A small random scenario of every item kind, cap mode, version change and multiplier, for property tests.
    /// </summary>
    /// <param name="seed">The seed.</param>
    /// <param name="clipOnly">Use clip caps only (refuse caps are not monotone).</param>
    public static ScoringScenario Small(int seed, bool clipOnly = false)
    {
        var random = new Random(seed);
        int year = 2024;
        var start = new LocalDate(year, 1, 1);
        PointsCap? Cap() => random.Next(3) == 0 ? new PointsCap(Points.From(random.Next(1, 12)), clipOnly || random.Next(2) == 0 ? CapMode.Clip : CapMode.Refuse) : null;
        int categoryCount = random.Next(1, 4);
        var categories = Enumerable.Range(0, categoryCount).Select(c => new ScoreCategory($"c{c}", $"category {c}", Cap())).ToList();
        var items = new List<RuleItem>();
        int itemCount = random.Next(2, 7);
        for (int i = 0; i < itemCount; i++)
        {
            string category = $"c{random.Next(categoryCount)}";
            var kind = (ItemKind)random.Next(0, 5); // Fixed .. Tiered
            RuleItemVersion Version(LocalDate from) => new()
            {
                EffectiveFrom = from,
                Kind = kind,
                Points = kind switch
                {
                    ItemKind.Fixed => Points.From(random.Next(1, 6) / 2m),
                    ItemKind.Deduction => Points.From(-random.Next(1, 6) / 2m),
                    ItemKind.Veto => Points.From(-random.Next(0, 3)),
                    _ => default,
                },
                Minimum = kind == ItemKind.Discretionary ? Points.From(1) : null,
                Maximum = kind == ItemKind.Discretionary ? Points.From(5) : null,
                Tiers = kind == ItemKind.Tiered ? [new("low", Points.From(-0.5m)), new("high", Points.From(-2))] : [],
                Cap = kind is ItemKind.Fixed or ItemKind.Discretionary ? Cap() : null,
                OncePerPeriod = random.Next(5) == 0,
                DoubleAfterReminder = random.Next(2) == 0,
                EligibleKinds = random.Next(6) == 0 ? [MemberKind.InService] : [],
            };
            var versions = new List<RuleItemVersion> { Version(start) };
            if (random.Next(4) == 0)
            {
                versions.Add(Version(start.PlusDays(random.Next(30, 300))));
            }
            items.Add(new RuleItem($"i{i}", category, $"item {i}", versions));
        }
        if (random.Next(2) == 0)
        {
            items.Add(new RuleItem("grant", "c0", "base grant", [new RuleItemVersion { EffectiveFrom = start, Kind = ItemKind.AutomaticGrant, Points = Points.From(random.Next(1, 4)) }]));
        }
        if (random.Next(2) == 0)
        {
            items.Add(new RuleItem("threshold", "c0", "attendance", [new RuleItemVersion
            {
                EffectiveFrom = start, Kind = ItemKind.Threshold, Points = Points.From(-0.5m), Threshold = new ThresholdRule("i0", random.Next(1, 6), 0.8m),
            }]));
        }
        var book = RuleBook.Create(new RuleBookDefinition
        {
            Id = $"random-{seed}",
            Name = "random",
            Categories = categories,
            Items = items,
            KindMultipliers = random.Next(2) == 0 ? new Dictionary<MemberKind, decimal> { [MemberKind.InService] = 1.2m } : new Dictionary<MemberKind, decimal>(),
        });
        var period = AssessmentPeriod.Year(year);
        var roster = Roster(random.Next(1, 5), 2, seed).Select(s => random.Next(4) == 0 ? s with { Multiplier = 1.4m } : s).ToArray();
        int entryCount = random.Next(0, 40);
        var declarable = Enumerable.Range(0, book.Items.Length).Where(i => book.Items[i].Versions[0].Kind is not (ItemKind.AutomaticGrant or ItemKind.Threshold)).ToArray();
        var entries = new AssessmentEntry[entryCount];
        for (int k = 0; k < entryCount; k++)
        {
            int item = declarable[random.Next(declarable.Length)];
            entries[k] = new AssessmentEntry(roster[random.Next(roster.Length)].Member, item, start.PlusDays(random.Next(-5, 370)), random.Next(0, 5))
            {
                Value = Points.From(random.Next(0, 8)),
                Tier = random.Next(0, 3),
                AfterReminder = random.Next(3) == 0,
            };
        }
        return new ScoringScenario(book, period, roster, entries);
    }
}
