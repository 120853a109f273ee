using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

namespace GridGovernance.Tests.Scoring.Engine;

/// <summary>Rules stated for a calendar period (<see cref="RuleItemVersion.Period"/>, <see cref="ScoreCategory.Period"/>) fitted to the period assessed.</summary>
public sealed class PeriodKindTest
{
    private static readonly LocalDate Jan1 = new(2024, 1, 1);
    private static readonly AssessmentSubject Member = new(new MemberId(1), MemberKind.LongResident, new OrgUnitId(10));

    private static AssessmentPeriod[] Quarters => [.. Enumerable.Range(1, 4).Select(q => AssessmentPeriod.Quarter(2024, q))];

    private static AssessmentPeriod[] Months => [.. Enumerable.Range(1, 12).Select(m => AssessmentPeriod.Month(2024, m))];

    private static RuleBook Book(PeriodKind? grantPeriod, Points grant, PeriodKind? capPeriod = null, Points? cap = null, PeriodKind? categoryPeriod = null, Points? categoryCap = null) =>
        RuleBook.Create(new RuleBookDefinition
        {
            Id = "periods",
            Name = "periods",
            Categories =
            [
                new ScoreCategory("base", "基础"),
                new ScoreCategory("work", "工作", categoryCap is Points c ? new PointsCap(c) : null) { Period = categoryPeriod },
            ],
            Items =
            [
                new RuleItem("grant", "base", "遵纪守法基础分", [new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.AutomaticGrant, Points = grant, Period = grantPeriod }]),
                new RuleItem("visit", "work", "走访联系户",
                    [new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Fixed, Points = Points.From(0.5m), Cap = cap is Points l ? new PointsCap(l) : null, Period = capPeriod }]),
            ],
        });

    private static Points Total(RuleBook book, AssessmentPeriod period, AssessmentEntry[] entries) =>
        AssessmentEngine.Assess(book, period, [Member], entries)[Member.Member].Total;

    private static Points Sum(IEnumerable<Points> points) => points.Aggregate(Points.Zero, (a, b) => a + b);

    /// <summary>Amounts of 0.0001 to 10,000 points, four decimals.</summary>
    private static Arbitrary<Points> Amounts() => Gen.Choose(1, 100_000_000).Select(u => Points.FromUnits(u)).ToArbitrary();

    [Property(MaxTest = 100)]
    public Property YearlyGrant_FourQuartersAndTwelveMonths_SumToTheYearlyGrant() => Prop.ForAll(Amounts(), grant =>
    {
        var book = Book(PeriodKind.Year, grant);
        return Sum(Quarters.Select(q => Total(book, q, []))) == grant
            && Sum(Months.Select(m => Total(book, m, []))) == grant
            && Total(book, AssessmentPeriod.Year(2024), []) == grant;
    });

    [Property(MaxTest = 100)]
    public Property YearlyCaps_ArePartedProRata_AndThePartsSumToTheCap() => Prop.ForAll(Gen.Choose(1, 2_000).Select(u => Points.FromUnits(u * 5_000L)).ToArbitrary(), cap =>
    {
        // Far more visits than any cap: every period's total is its share of the cap, item cap and category cap alike.
        var entries = Enumerable.Range(0, 366).SelectMany(d => Enumerable.Repeat(new AssessmentEntry(Member.Member, 1, Jan1.PlusDays(d), d), 20)).ToArray();
        var byItem = Book(null, Points.From(1), PeriodKind.Year, cap);
        var byCategory = Book(null, Points.From(1), categoryPeriod: PeriodKind.Year, categoryCap: cap);
        return Sum(Quarters.Select(q => AssessmentEngine.Assess(byItem, q, [Member], entries)[Member.Member].CategoryTotals[1])) == cap
            && Sum(Months.Select(m => AssessmentEngine.Assess(byCategory, m, [Member], entries)[Member.Member].CategoryTotals[1])) == cap;
    });

    [Property(MaxTest = 100)]
    public Property MonthlyRules_AssessedOverAYear_GiveTheSumOfTheMonths() => Prop.ForAll(Amounts(), Gen.Choose(0, 40).ToArbitrary(), Gen.Choose(1, 20).ToArbitrary(),
        (grant, perMonth, monthlyCapHalves) =>
        {
            var book = Book(PeriodKind.Month, grant, PeriodKind.Month, Points.FromUnits(monthlyCapHalves * 5_000L));
            // The same visits every month, so a monthly cap and twelve times it over a year bind alike.
            var entries = Months.SelectMany(m => Enumerable.Range(0, perMonth).Select(k => new AssessmentEntry(Member.Member, 1, m.Start.PlusDays(k % 28), m.Start.Month * 100 + k))).ToArray();
            var year = Total(book, AssessmentPeriod.Year(2024), entries);
            return year == Sum(Months.Select(m => Total(book, m, entries)))
                && AssessmentEngine.Assess(book, AssessmentPeriod.Year(2024), [Member], entries)[Member.Member].CategoryTotals[0] == Points.FromUnits(grant.Units * 12);
        });

    [Property(MaxTest = 100)]
    public Property StatingThePeriodAssessed_ChangesNothing() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), s =>
    {
        var d = s.RuleBook.Definition;
        var stated = RuleBook.Create(d with
        {
            Categories = [.. d.Categories.Select(c => c with { Period = PeriodKind.Year })],
            Items = [.. d.Items.Select(i => i with { Versions = [.. i.Versions.Select(v => v with { Period = PeriodKind.Year })] })],
        });
        return AssessmentEngineProperties.Describe(AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries))
            == AssessmentEngineProperties.Describe(AssessmentEngine.Assess(stated, s.Period, s.Roster, s.Entries));
    });

    [Fact]
    public void WithoutAPeriod_AGrantIsGivenEveryPeriodAssessed()
    {
        var book = Book(null, Points.From(20));

        Assert.All(Quarters, q => Assert.Equal(Points.From(20), Total(book, q, [])));
    }

    [Fact]
    public void YearlyGrant_ByQuarterAndMonth()
    {
        var book = Book(PeriodKind.Year, Points.From(20));

        Assert.Equal(["5", "5", "5", "5"], Quarters.Select(q => Total(book, q, []).ToString()));
        Assert.Equal(["1.6666", "1.6667", "1.6667", "1.6666", "1.6667", "1.6667", "1.6666", "1.6667", "1.6667", "1.6666", "1.6667", "1.6667"],
            Months.Select(m => Total(book, m, []).ToString()));
        // A custom period is not a calendar period: the amount applies as stated.
        Assert.Equal(Points.From(20), Total(book, AssessmentPeriod.Custom(new DateInterval(Jan1, Jan1.PlusDays(29))), []));
    }

    [Fact]
    public void QuarterlyCap_ByMonth_IsAThird()
    {
        var book = Book(null, Points.From(1), PeriodKind.Quarter, Points.From(3));
        var entries = Enumerable.Range(0, 10).Select(k => new AssessmentEntry(Member.Member, 1, Jan1.PlusDays(k), k)).ToArray();

        var explanation = AssessmentEngine.Explain(book, AssessmentPeriod.Month(2024, 1), Member, entries);

        Assert.Equal(Points.From(1), explanation.Result.CategoryTotals[1]);
        Assert.Equal(EntryOutcomeKind.RefusedByItemCap, explanation.Outcomes[^1].Outcome);
    }

    [Fact]
    public void YearlyThreshold_ByQuarter_ExpectsAQuarterAndTakesAQuarter()
    {
        var book = RuleBook.Create(new RuleBookDefinition
        {
            Id = "threshold",
            Name = "threshold",
            Categories = [new ScoreCategory("day", "主题党日")],
            Items =
            [
                new RuleItem("attend", "day", "参加主题党日", [new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Fixed, Points = Points.From(1) }]),
                new RuleItem("short", "day", "出勤不足80%",
                    [new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Threshold, Points = Points.From(-0.5m), Threshold = new ThresholdRule("attend", 12, 0.8m), Period = PeriodKind.Year }]),
            ],
        });
        AssessmentEntry Attend(int month, int day) => new(Member.Member, 0, new LocalDate(2024, month, day), month * 100 + day);

        // 3 expected a quarter, 80 % of it is 2.4: three attendances pass, two lose a quarter of 0.5.
        Assert.Equal(Points.From(3), Total(book, AssessmentPeriod.Quarter(2024, 1), [Attend(1, 5), Attend(2, 5), Attend(3, 5)]));
        Assert.Equal(Points.From(1.875m), Total(book, AssessmentPeriod.Quarter(2024, 1), [Attend(1, 5), Attend(2, 5)]));
    }

    [Fact]
    public void OnceAMonth_AssessedOverAYear_IsRefused_OnceAYear_ByQuarter_IsOnceAQuarter()
    {
        RuleBook Once(PeriodKind period) => RuleBook.Create(new RuleBookDefinition
        {
            Id = "once",
            Name = "once",
            Categories = [new ScoreCategory("c", "纪律")],
            Items = [new RuleItem("violation", "c", "违反纪律", [new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Deduction, Points = Points.From(-20), OncePerPeriod = true, Period = period }])],
        });
        var entries = new[] { new AssessmentEntry(Member.Member, 0, new LocalDate(2024, 2, 1), 1), new AssessmentEntry(Member.Member, 0, new LocalDate(2024, 5, 1), 2) };

        var refused = Assert.Throws<GridGovernanceValidationException>(() => AssessmentEngine.Assess(Once(PeriodKind.Month), AssessmentPeriod.Year(2024), [Member], entries));
        Assert.Contains("'violation' counts once a month", refused.Message);
        Assert.Equal(Points.From(-20), Total(Once(PeriodKind.Month), AssessmentPeriod.Month(2024, 2), entries));
        Assert.Equal(Points.From(-20), Total(Once(PeriodKind.Year), AssessmentPeriod.Year(2024), entries));
        // One pass sees one quarter: a once-a-year item counts once in each quarter it occurs in (documented).
        Assert.Equal(Points.From(-40), Total(Once(PeriodKind.Year), AssessmentPeriod.Quarter(2024, 1), entries) + Total(Once(PeriodKind.Year), AssessmentPeriod.Quarter(2024, 2), entries));
    }

    [Fact]
    public void Validation_RefusesACustomOrUndefinedPeriod()
    {
        var book = Book(PeriodKind.Year, Points.From(1)).Definition;

        var custom = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(book with
        {
            Items = [book.Items[0] with { Versions = [book.Items[0].Versions[0] with { Period = PeriodKind.Custom }] }, book.Items[1]],
        }));
        Assert.Contains(custom.Problems, p => p.Field == "Items[0].Versions[0].Period");
        var undefined = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(book with
        {
            Categories = [book.Categories[0] with { Period = (PeriodKind)9 }, book.Categories[1]],
        }));
        Assert.Contains(undefined.Problems, p => p.Field == "Categories[0].Period");
    }

    [Fact]
    public void Json_CarriesThePeriod_AndNamesABadOneByPath()
    {
        var definition = Book(PeriodKind.Year, Points.From(20), PeriodKind.Quarter, Points.From(5), PeriodKind.Month, Points.From(2)).Definition;

        string json = RuleBookJson.Serialize(definition);
        var read = RuleBookJson.ReadDefinition(json);

        Assert.Contains("\"period\": \"year\"", json);
        Assert.Equal(PeriodKind.Year, read.Items[0].Versions[0].Period);
        Assert.Equal(PeriodKind.Quarter, read.Items[1].Versions[0].Period);
        Assert.Equal(PeriodKind.Month, read.Categories[1].Period);
        Assert.Null(read.Categories[0].Period);
        Assert.Equal(json, RuleBookJson.Serialize(read));

        var custom = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read(json.Replace("\"period\": \"year\"", "\"period\": \"custom\"")));
        Assert.Contains(custom.Problems, p => p.Field == "$.items[0].versions[0].period");
        var weekly = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read(json.Replace("\"period\": \"quarter\"", "\"period\": \"week\"")));
        Assert.Contains(weekly.Problems, p => p.Field == "$.items[1].versions[0].period");
    }
}
