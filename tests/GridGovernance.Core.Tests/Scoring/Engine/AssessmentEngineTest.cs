using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Testing;
using NodaTime;
using static GridGovernance.Tests.Scoring.Engine.EngineSamples;

namespace GridGovernance.Tests.Scoring.Engine;

public sealed class AssessmentEngineTest
{
    private static RuleBook Book(PointsCap? categoryCap = null, params RuleItem[] items) => RuleBook.Create(new RuleBookDefinition
    {
        Id = "test",
        Name = "test",
        Categories = [new ScoreCategory("c", "category", categoryCap), new ScoreCategory("d", "discipline")],
        Items = items,
        KindMultipliers = new Dictionary<MemberKind, decimal> { [MemberKind.InService] = 1.2m },
    });

    private static RuleItem Item(string code, RuleItemVersion version, string category = "c") => new(code, category, code, [version]);

    private static MemberAssessment Assess(RuleBook book, params AssessmentEntry[] entries) =>
        AssessmentEngine.Assess(book, Year, [AliceSubject, BobSubject], entries)[Alice];

    [Fact]
    public void Fixed_CountsEveryOccurrence()
    {
        var book = Book(null, Item("day", V(ItemKind.Fixed, 1.25m)));
        var result = Assess(book, E(Alice, 0, 1), E(Alice, 0, 2), E(Alice, 0, 3));
        Assert.Equal(Points.From(3.75m), result.Total);
        Assert.Equal(3, result.ItemCounts[0]);
    }

    [Fact]
    public void Discretionary_TakesTheReviewersValue_WithinTheRange()
    {
        var book = Book(null, Item("well", new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Discretionary, Minimum = Points.From(1), Maximum = Points.From(5) }));
        var result = Assess(book, E(Alice, 0, 1) with { Value = Points.From(3) }, E(Alice, 0, 2) with { Value = Points.From(9) });
        Assert.Equal(Points.From(8), result.Total); // 3 + 9 clamped to 5
    }

    [Fact]
    public void Deduction_DoublesAfterAReminder()
    {
        var book = Book(null, Item("late", V(ItemKind.Deduction, -0.5m) with { DoubleAfterReminder = true }, "d"));
        var result = Assess(book, E(Alice, 0, 1), E(Alice, 0, 2) with { AfterReminder = true });
        Assert.Equal(Points.From(-1.5m), result.Total);
        Assert.Equal(Points.From(-1.5m), result.Deducted);
    }

    [Fact]
    public void Veto_FlagsTheMember_AndTakesItsPoints()
    {
        var book = Book(null, Item("award", V(ItemKind.Fixed, 2)), Item("veto", V(ItemKind.Veto, -5), "d"));
        var result = AssessmentEngine.Assess(book, Year, [AliceSubject, BobSubject], [E(Alice, 1, 5), E(Bob, 0, 5)]);
        Assert.True(result[Alice].Vetoed);
        Assert.Equal(Points.From(-5), result[Alice].Total);
        Assert.False(result[Bob].Vetoed);
    }

    [Fact]
    public void Tiered_TakesThePointsOfTheTier_AndIgnoresUnknownTiers()
    {
        var tiers = new PenaltyTier[] { new("county", Points.From(-0.5m)), new("city", Points.From(-1)), new("province", Points.From(-2)), new("capital", Points.From(-5)) };
        var book = Book(null, Item("petition", new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Tiered, Tiers = tiers }, "d"));
        var result = Assess(book, E(Alice, 0, 1) with { Tier = 1 }, E(Alice, 0, 2) with { Tier = 3 }, E(Alice, 0, 3) with { Tier = 7 });
        Assert.Equal(Points.From(-6), result.Total);
        Assert.Equal(1, result.IgnoredEntries);
    }

    [Fact]
    public void Threshold_AppliesWhenAttendanceIsUnder80Percent()
    {
        var book = Book(null,
            Item("party-day", V(ItemKind.Fixed, 1)),
            Item("attendance", new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Threshold, Points = Points.From(-0.5m), Threshold = new ThresholdRule("party-day", 12, 0.8m) }, "d"));
        var nine = Enumerable.Range(0, 9).Select(d => E(Alice, 0, d * 30)).ToArray();
        var ten = Enumerable.Range(0, 10).Select(d => E(Alice, 0, d * 30)).ToArray();
        Assert.Equal(Points.From(8.5m), Assess(book, nine).Total); // 9 < 9.6 → −0.5
        Assert.Equal(Points.From(10), Assess(book, ten).Total);    // 10 ≥ 9.6
    }

    [Fact]
    public void AutomaticGrant_GoesToEveryEligibleMember_AndDeclaredGrantsAreIgnored()
    {
        var book = Book(null, Item("base", V(ItemKind.AutomaticGrant, 20) with { EligibleKinds = [MemberKind.LongResident] }, "d"));
        var result = AssessmentEngine.Assess(book, Year, [AliceSubject, BobSubject], [E(Alice, 0, 3)]);
        Assert.Equal(Points.From(20), result[Alice].Total);
        Assert.Equal(1, result[Alice].IgnoredEntries);
        Assert.Equal(Points.Zero, result[Bob].Total); // in-service members are not eligible
    }

    [Fact]
    public void OncePerPeriod_CountsOneOccurrence_TheMostValuable()
    {
        var book = Book(null,
            Item("violation", V(ItemKind.Deduction, -20) with { OncePerPeriod = true }, "d"),
            Item("honour", new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Discretionary, Minimum = Points.From(1), Maximum = Points.From(5), OncePerPeriod = true }));
        var result = Assess(book, E(Alice, 0, 1), E(Alice, 0, 40), E(Alice, 1, 2) with { Value = Points.From(2) }, E(Alice, 1, 9) with { Value = Points.From(4) });
        Assert.Equal(Points.From(-16), result.Total);
        Assert.Equal(1, result.ItemCounts[0]);
    }

    [Fact]
    public void ItemCap_Clip_ClipsTheLastAward()
    {
        // Party dues +1.25 a month capped at 14 a year: the 12th month is clipped to 0.25, the 13th refused.
        var book = Book(null, Item("dues", V(ItemKind.Fixed, 1.25m) with { Cap = new PointsCap(Points.From(14)) }));
        var entries = Enumerable.Range(0, 13).Select(m => E(Alice, 0, m * 28, m)).ToArray();
        var result = Assess(book, entries);
        Assert.Equal(Points.From(14), result.Total);
        Assert.Equal(Points.From(2.25m), result.Clipped);
        var explanation = AssessmentEngine.Explain(book, Year, AliceSubject, entries);
        Assert.Equal(EntryOutcomeKind.ClippedByItemCap, explanation.Outcomes[11].Outcome);
        Assert.Equal(Points.From(0.25m), explanation.Outcomes[11].Counted);
        Assert.Equal(EntryOutcomeKind.RefusedByItemCap, explanation.Outcomes[12].Outcome);
        Assert.Equal(Points.Zero, explanation.Outcomes[12].Counted);
    }

    [Fact]
    public void ItemCap_Refuse_RefusesWhatDoesNotFit_InOccurrenceOrder()
    {
        var book = Book(null, Item("well", new RuleItemVersion
        {
            EffectiveFrom = Jan1, Kind = ItemKind.Discretionary, Minimum = Points.From(1), Maximum = Points.From(10), Cap = new PointsCap(Points.From(10), CapMode.Refuse),
        }));
        // In order: 6 fits, 5 does not (refused), 4 fits → 10. Listed in another order to show order does not matter.
        var result = Assess(book, E(Alice, 0, 30) with { Value = Points.From(4) }, E(Alice, 0, 1) with { Value = Points.From(6) }, E(Alice, 0, 10) with { Value = Points.From(5) });
        Assert.Equal(Points.From(10), result.Total);
        var outcomes = AssessmentEngine.Explain(book, Year, AliceSubject, [E(Alice, 0, 30) with { Value = Points.From(4) }, E(Alice, 0, 1) with { Value = Points.From(6) }, E(Alice, 0, 10) with { Value = Points.From(5) }]).Outcomes;
        Assert.Equal([EntryOutcomeKind.Counted, EntryOutcomeKind.RefusedByItemCap, EntryOutcomeKind.Counted], outcomes.Select(o => o.Outcome).ToArray());
    }

    [Fact]
    public void RefuseCaps_AreNotMonotone_AnEarlierSmallAwardCrowdsOutALaterLargeOne()
    {
        var book = Book(new PointsCap(Points.From(10), CapMode.Refuse), Item("well", new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Discretionary, Minimum = Points.From(1), Maximum = Points.From(10) }));
        var later = E(Alice, 0, 20) with { Value = Points.From(8) };
        var earlier = E(Alice, 0, 5) with { Value = Points.From(5) };
        Assert.Equal(Points.From(8), Assess(book, later).Total);
        Assert.Equal(Points.From(5), Assess(book, later, earlier).Total); // documented: refuse mode is order-dependent by nature
    }

    [Fact]
    public void CategoryCap_AppliesAcrossItems()
    {
        var book = Book(new PointsCap(Points.From(5)), Item("a", V(ItemKind.Fixed, 2)), Item("b", V(ItemKind.Fixed, 3)), Item("late", V(ItemKind.Deduction, -1)));
        var result = Assess(book, E(Alice, 0, 1), E(Alice, 1, 2), E(Alice, 0, 3), E(Alice, 2, 4));
        Assert.Equal(Points.From(4), result.Total); // 7 capped to 5, minus 1 (deductions are not capped)
        Assert.Equal(Points.From(2), result.Clipped);
    }

    [Fact]
    public void MidYearRuleChange_AppliesByOccurrenceDate()
    {
        var item = new RuleItem("day", "c", "day", [V(ItemKind.Fixed, 1), V(ItemKind.Fixed, 2) with { EffectiveFrom = new LocalDate(2024, 7, 1) }]);
        var book = Book(null, item);
        Assert.Equal(Points.From(3), Assess(book, E(Alice, 0, 10), E(Alice, 0, 200)).Total);
    }

    [Fact]
    public void Multipliers_ApplyToTheScore_NotTheTotal()
    {
        var book = Book(null, Item("day", V(ItemKind.Fixed, 10)));
        var leader = BobSubject with { Multiplier = 1.4m };
        var result = AssessmentEngine.Assess(book, Year, [AliceSubject, leader], [E(Alice, 0, 1), E(Bob, 0, 1)]);
        Assert.Equal(Points.From(10), result[Alice].Score);
        Assert.Equal(Points.From(10), result[Bob].Total);
        Assert.Equal(Points.From(16.8m), result[Bob].Score); // 10 × 1.2 (in-service) × 1.4 (leader)
    }

    [Fact]
    public void EntriesOutsideThePeriodOrOfUnknownMembers_AreSkippedAndCounted()
    {
        var book = Book(null, Item("day", V(ItemKind.Fixed, 1)));
        var result = AssessmentEngine.Assess(book, Year, [AliceSubject], [E(Alice, 0, -1), E(Alice, 0, 400), E(Bob, 0, 3), E(Alice, 0, 3)]);
        Assert.Equal(2, result.EntriesOutsidePeriod);
        Assert.Equal(1, result.EntriesOfUnknownMembers);
        Assert.Equal(Points.From(1), result[Alice].Total);
    }

    [Fact]
    public void UnknownItemPosition_Throws()
    {
        var book = Book(null, Item("day", V(ItemKind.Fixed, 1)));
        var exception = Assert.Throws<GridGovernanceValidationException>(() => AssessmentEngine.Assess(book, Year, [AliceSubject], [E(Alice, 5, 3)]));
        Assert.Contains("item position 5", exception.Message);
    }

    [Fact]
    public void DuplicateRosterMember_Throws()
    {
        var book = Book(null, Item("day", V(ItemKind.Fixed, 1)));
        Assert.Throws<GridGovernanceValidationException>(() => AssessmentEngine.Assess(book, Year, [AliceSubject, AliceSubject], []));
    }

    [Fact]
    public void LiveAssessment_UpdatesAMemberAfterEachAdd()
    {
        var book = Book(null, Item("day", V(ItemKind.Fixed, 1)));
        var live = new LiveAssessment(book, Year, [AliceSubject, BobSubject]);
        Assert.Equal(Points.Zero, live[Alice].Total);
        Assert.True(live.Add(E(Alice, 0, 1)));
        Assert.Equal(Points.From(1), live[Alice].Total);
        Assert.False(live.Add(E(new MemberId(99), 0, 1)));
        Assert.Equal(1, live.EntriesOfUnknownMembers);
    }

    [Fact]
    public void Periods_HaveCalendarBoundaries()
    {
        Assert.Equal(new LocalDate(2024, 4, 1), AssessmentPeriod.Quarter(2024, 2).Start);
        Assert.Equal(new LocalDate(2024, 6, 30), AssessmentPeriod.Quarter(2024, 2).End);
        Assert.Equal(new LocalDate(2024, 2, 29), AssessmentPeriod.Month(2024, 2).End);
        Assert.Equal("2024-Q4", AssessmentPeriod.Containing(PeriodKind.Quarter, new LocalDate(2024, 11, 24)).Label);
        var zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        // 2024-12-31T16:30Z is already 2025-01-01 in Shanghai.
        Assert.Equal("2025", AssessmentPeriod.Containing(PeriodKind.Year, Instant.FromUtc(2024, 12, 31, 16, 30), zone).Label);
    }

    [Fact]
    public void SumsBeyondWhatTheEngineCanHold_ThrowInsteadOfWrapping()
    {
        var book = Book(null, Item("huge", V(ItemKind.Fixed, 1_000_000)));
        var entries = Enumerable.Range(0, 1000).Select(i => E(Alice, 0, i % 300, i)).ToArray();
        var exception = Assert.Throws<GridGovernanceException>(() => AssessmentEngine.Assess(book, Year, [AliceSubject], entries));
        Assert.Contains("huge", exception.Message);
        Assert.Equal(ErrorCodes.ArithmeticOverflow, exception.Code);
        Assert.IsType<OverflowException>(exception.InnerException); // the inner exception is kept
    }

    [Fact]
    public void ALargeRoster_GivesEveryMemberTheReplayedResult_AndItsArraysMatchTheAccessors()
    {
        // Thousands of members: results share one block of counts and totals, so rows must not bleed into each other.
        var book = ScoringGenerator.Laiwu(2024);
        var period = AssessmentPeriod.Year(2024);
        var roster = ScoringGenerator.Roster(3000, branches: 300, seed: 5);
        var entries = ScoringGenerator.Ledger(book, period, roster, 60_000, seed: 6);
        var result = AssessmentEngine.Assess(book, period, roster, entries);
        foreach (var subject in roster.Where((_, i) => i % 97 == 0))
        {
            var replayed = AssessmentEngine.Explain(book, period, subject, entries).Result;
            var bulk = result[subject.Member];
            Assert.Equal(AssessmentEngineProperties.Describe(replayed), AssessmentEngineProperties.Describe(bulk));
            Assert.Equal(bulk.ItemCounts, Enumerable.Range(0, book.Items.Length).Select(bulk.ItemCount));
            Assert.Equal(bulk.CategoryTotals, Enumerable.Range(0, book.Categories.Length).Select(bulk.CategoryTotal));
        }
        Assert.Throws<GridGovernanceValidationException>(() => result.Members[0].ItemCount(book.Items.Length));
        Assert.Throws<GridGovernanceValidationException>(() => result.Members[0].CategoryTotal(-1));
    }

    [Fact]
    public void RuleBook_RefusesAnOccurrenceWorthMoreThanAMillionPoints()
    {
        var exception = Assert.Throws<GridGovernanceValidationException>(() => Book(null, Item("huge", V(ItemKind.Fixed, 1_000_001))));
        Assert.Contains(exception.Problems, p => p.Field == "Items[0].Versions[0].Points");
    }
}
