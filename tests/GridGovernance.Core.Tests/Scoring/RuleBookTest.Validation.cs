using GridGovernance.Organisation;
using GridGovernance.Scoring;
using static GridGovernance.Tests.Scoring.RuleBookSamples;

namespace GridGovernance.Tests.Scoring;

public sealed partial class RuleBookTest
{
    [Fact]
    public void Create_InvalidBook_ListsEveryProblemAtOnce()
    {
        var definition = new RuleBookDefinition
        {
            Id = "bad",
            Name = "有问题的细则",
            Categories =
            [
                new ScoreCategory("study", "学习教育", new PointsCap(Points.From(-1))),
                new ScoreCategory("study", "学习教育（重复）"),
            ],
            Items =
            [
                Item("a", "nowhere", Fixed(1)),
                Item("a", "study", Fixed(1)),
                Item("petition", "study", new RuleItemVersion
                {
                    EffectiveFrom = January1,
                    Kind = ItemKind.Tiered,
                    Tiers = [new PenaltyTier("county", Points.From(-0.5m)), new PenaltyTier("county", Points.From(-1))],
                }),
                Item("done-well", "study", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Discretionary, Minimum = Points.From(5), Maximum = Points.From(1) }),
                Item("shortfall", "study", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Threshold, Points = Points.From(-0.5m), Threshold = new ThresholdRule("ghost", 12, 0.8m) }),
                Item("capped", "study", Fixed(1) with { Cap = new PointsCap(Points.From(-2), CapMode.Refuse) }),
                Item("twice", "study", Fixed(1), Fixed(2)),
                Item("no-versions", "study"),
                Item("deduct", "study", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Deduction, Points = Points.From(0.5m) }),
            ],
            KindMultipliers = new Dictionary<MemberKind, decimal> { [MemberKind.Mobile] = -1m },
            Stars = new StarRules
            {
                Bands = [new StarBand(1, Points.From(30)), new StarBand(2, Points.From(20))],
                NamedStars =
                [
                    new NamedStar("s1", "一星", new StarCriterion(StarCriterionKind.CategoryTotal, "nowhere", Points.From(1))),
                    new NamedStar("s2", "二星", new StarCriterion(StarCriterionKind.ItemCount, "ghost", MinimumCount: 1)),
                ],
                EventStarItems = ["ghost"],
                VetoStarCap = -1,
            },
        };

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        AssertProblems(ex,
            ("Categories[0].Cap.Limit", ErrorCodes.InvalidRuleBook),
            ("Categories[1].Code", ErrorCodes.DuplicateId),
            ("Items[0].Category", ErrorCodes.UnknownReference),
            ("Items[1].Code", ErrorCodes.DuplicateId),
            ("Items[2].Versions[0].Tiers", ErrorCodes.InvalidRuleBook),
            ("Items[3].Versions[0].Maximum", ErrorCodes.InvalidRuleBook),
            ("Items[4].Versions[0].Threshold.CountedItem", ErrorCodes.UnknownReference),
            ("Items[5].Versions[0].Cap.Limit", ErrorCodes.InvalidRuleBook),
            ("Items[6].Versions[1].EffectiveFrom", ErrorCodes.InvalidRuleBook),
            ("Items[7].Versions", ErrorCodes.InvalidRuleBook),
            ("Items[8].Versions[0].Points", ErrorCodes.InvalidRuleBook),
            ("KindMultipliers[Mobile]", ErrorCodes.InvalidRuleBook),
            ("Stars.Bands", ErrorCodes.InvalidRuleBook),
            ("Stars.NamedStars[0].Criterion.Code", ErrorCodes.UnknownReference),
            ("Stars.NamedStars[1].Criterion.Code", ErrorCodes.UnknownReference),
            ("Stars.EventStarItems[0]", ErrorCodes.UnknownReference),
            ("Stars.VetoStarCap", ErrorCodes.InvalidRuleBook));
        Assert.Equal(ErrorCodes.ValidationFailed, ex.Code);
        Assert.Contains("'bad'", ex.Message);
        Assert.Contains("17 problem(s)", ex.Message);
        Assert.Equal("a", ex.Problems.Single(p => p.Field == "Items[0].Category").Key);
    }

    [Fact]
    public void Create_OneProblem_ExceptionCodeIsThatProblemsRule()
    {
        var definition = EveryKind() with { Items = [Item("attendance", "nowhere", Fixed(1))], Stars = new StarRules() };

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(ErrorCodes.UnknownReference, ex.Code);
        Assert.Equal("Items[0].Category", problem.Field);
        Assert.Equal("attendance", problem.Key);
    }

    [Fact]
    public void Create_BlankIdAndNameAndVersionZero_AreProblems()
    {
        var definition = new RuleBookDefinition { Id = " ", Name = "", Version = 0 };

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        AssertProblems(ex, ("Id", ErrorCodes.InvalidRuleBook), ("Name", ErrorCodes.InvalidRuleBook), ("Version", ErrorCodes.InvalidRuleBook));
    }

    [Fact]
    public void Create_EmptyBook_IsValid()
    {
        var book = RuleBook.Create(new RuleBookDefinition { Id = "empty", Name = "空" });

        Assert.Empty(book.Items);
        Assert.Empty(book.Categories);
    }

    public static TheoryData<ItemKind, decimal> PointsOfTheWrongSign => new()
    {
        { ItemKind.Fixed, 0m },
        { ItemKind.Fixed, -1m },
        { ItemKind.AutomaticGrant, 0m },
        { ItemKind.Deduction, 0m },
        { ItemKind.Deduction, 0.5m },
        { ItemKind.Threshold, 0.5m },
        { ItemKind.Veto, 1m },
    };

    [Theory]
    [MemberData(nameof(PointsOfTheWrongSign))]
    public void Create_PointsOfTheWrongSignForTheKind_IsAProblem(ItemKind kind, decimal points)
    {
        var version = new RuleItemVersion
        {
            EffectiveFrom = January1,
            Kind = kind,
            Points = Points.From(points),
            Threshold = kind == ItemKind.Threshold ? new ThresholdRule("x", 12, 0.8m) : null,
        };
        var definition = new RuleBookDefinition { Id = "b", Name = "b", Categories = [new ScoreCategory("c", "c")], Items = [Item("x", "c", version)] };

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        AssertProblems(ex, ("Items[0].Versions[0].Points", ErrorCodes.InvalidRuleBook));
    }

    [Fact]
    public void Create_VetoTakingNoPoints_IsValid()
    {
        var definition = new RuleBookDefinition
        {
            Id = "b",
            Name = "b",
            Categories = [new ScoreCategory("c", "c")],
            Items = [Item("x", "c", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Veto }), Item("y", "c", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Veto, Points = Points.From(-10) })],
        };

        Assert.Equal(2, RuleBook.Create(definition).Items.Length);
    }

    [Fact]
    public void Create_BadDiscretionaryTieredAndThresholdShapes_AreEachReported()
    {
        var definition = new RuleBookDefinition
        {
            Id = "b",
            Name = "b",
            Categories = [new ScoreCategory("c", "c")],
            Items =
            [
                Item("no-range", "c", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Discretionary, Minimum = Points.From(1) }),
                Item("no-tiers", "c", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Tiered }),
                Item("blank-tier", "c", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Tiered, Tiers = [new PenaltyTier("", Points.From(-1))] }),
                Item("no-rule", "c", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Threshold, Points = Points.From(-1) }),
                Item("bad-rule", "c", new RuleItemVersion { EffectiveFrom = January1, Kind = ItemKind.Threshold, Points = Points.From(-1), Threshold = new ThresholdRule("no-range", 0, 1.5m) }),
                Item("unknown-kind", "c", new RuleItemVersion { EffectiveFrom = January1, Kind = (ItemKind)99, Points = Points.From(1) }),
            ],
        };

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        AssertProblems(ex,
            ("Items[0].Versions[0].Minimum", ErrorCodes.InvalidRuleBook),
            ("Items[1].Versions[0].Tiers", ErrorCodes.InvalidRuleBook),
            ("Items[2].Versions[0].Tiers", ErrorCodes.InvalidRuleBook),
            ("Items[3].Versions[0].Threshold", ErrorCodes.InvalidRuleBook),
            ("Items[4].Versions[0].Threshold.Expected", ErrorCodes.InvalidRuleBook),
            ("Items[4].Versions[0].Threshold.MinimumRatio", ErrorCodes.InvalidRuleBook),
            ("Items[5].Versions[0].Kind", ErrorCodes.InvalidRuleBook));
    }

    [Fact]
    public void Create_BandsGivingTheSameStarsTwice_IsAProblem()
    {
        var definition = new RuleBookDefinition
        {
            Id = "b",
            Name = "b",
            Stars = new StarRules { Bands = [new StarBand(1, Points.From(10)), new StarBand(1, Points.From(20)), new StarBand(0, Points.From(5))] },
        };

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        AssertProblems(ex, ("Stars.Bands[2].Stars", ErrorCodes.InvalidRuleBook), ("Stars.Bands", ErrorCodes.InvalidRuleBook));
    }

    [Fact]
    public void Create_BandsListedInAnyOrder_AreCheckedByStars()
    {
        var definition = new RuleBookDefinition
        {
            Id = "b",
            Name = "b",
            Stars = new StarRules { Bands = [new StarBand(3, Points.From(60)), new StarBand(1, Points.From(20)), new StarBand(2, Points.From(40))] },
        };

        Assert.Equal(3, RuleBook.Create(definition).Stars.Bands.Count);
    }

    [Fact]
    public void Create_ThirteenNamedStars_IsAProblem()
    {
        var definition = new RuleBookDefinition
        {
            Id = "b",
            Name = "b",
            Categories = [new ScoreCategory("c", "c")],
            Stars = new StarRules
            {
                NamedStars = [.. Enumerable.Range(1, 13).Select(i => new NamedStar($"star-{i}", $"第{i}星", new StarCriterion(StarCriterionKind.CategoryTotal, "c", Points.From(i))))],
            },
        };

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        AssertProblems(ex, ("Stars.NamedStars", ErrorCodes.InvalidRuleBook));
        Assert.True(RuleBook.Create(definition with { Stars = new StarRules { NamedStars = [.. definition.Stars.NamedStars.Take(12)] } }).Stars.NamedStars.Count == 12);
    }

    [Fact]
    public void Create_NamedStarWithoutCriterion_IsAProblem()
    {
        var definition = new RuleBookDefinition { Id = "b", Name = "b", Stars = new StarRules { NamedStars = [new NamedStar("s", "星", null!)] } };

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        AssertProblems(ex, ("Stars.NamedStars[0]", ErrorCodes.InvalidRuleBook));
    }

    [Fact]
    public void Create_ZeroCap_IsAProblem()
    {
        var definition = new RuleBookDefinition { Id = "b", Name = "b", Categories = [new ScoreCategory("c", "c", new PointsCap(Points.Zero))] };

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        AssertProblems(ex, ("Categories[0].Cap.Limit", ErrorCodes.InvalidRuleBook));
    }

    [Fact]
    public void Create_NullEntries_AreProblemsNotCrashes()
    {
        var definition = new RuleBookDefinition
        {
            Id = "b",
            Name = "b",
            Categories = [null!, new ScoreCategory("c", "c")],
            Items = [null!, new RuleItem("x", "c", "x", [null!])],
        };

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        AssertProblems(ex, ("Categories[0].Code", ErrorCodes.InvalidRuleBook), ("Items[0].Code", ErrorCodes.InvalidRuleBook), ("Items[1].Versions[0]", ErrorCodes.InvalidRuleBook));
    }

    /// <summary>Asserts the exception lists exactly these (field, rule) problems, in any order.</summary>
    internal static void AssertProblems(GridGovernanceValidationException ex, params (string Field, string Rule)[] expected)
    {
        var actual = ex.Problems.Select(p => (p.Field, p.Rule)).Order().ToList();
        Assert.Equal(expected.Order().ToList(), actual);
    }
}
