using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

namespace GridGovernance.Tests.Scoring;

public sealed class RuleBookHardeningTest
{
    private static readonly LocalDate Jan1 = new(2024, 1, 1);

    private static RuleBookDefinition Definition(List<RuleItem> items, List<string> eventStars) => new()
    {
        Id = "hardening",
        Name = "hardening",
        Categories = [new ScoreCategory("c", "c")],
        Items = items,
        Stars = new StarRules { EventStarItems = eventStars },
    };

    [Fact]
    public void Create_CopiesTheDefinition_SoLaterChangesToTheCallersListsDoNotReachTheBook()
    {
        var kinds = new List<MemberKind> { MemberKind.InService };
        var items = new List<RuleItem> { new("a", "c", "a", [new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Fixed, Points = Points.From(1), EligibleKinds = kinds }]) };
        var eventStars = new List<string> { "a" };
        var book = RuleBook.Create(Definition(items, eventStars));

        items.Add(new RuleItem("ghost", "nowhere", "ghost", []));
        eventStars.Add("ghost");
        kinds.Add(MemberKind.Mobile);

        Assert.Single(book.Items);
        Assert.Equal(["a"], book.Stars.EventStarItems);
        Assert.Equal([MemberKind.InService], book.Items[0].Versions[0].EligibleKinds);
    }

    [Fact]
    public void Create_ReportsNullListsAndUndefinedEnumValues()
    {
        var items = new List<RuleItem>
        {
            new("a", "c", "a", [new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Fixed, Points = Points.From(1), EligibleKinds = null!, Cap = new PointsCap(Points.From(5), (CapMode)7) }]),
        };
        var definition = Definition(items, []) with { KindMultipliers = new Dictionary<MemberKind, decimal> { [(MemberKind)9] = 1.5m } };

        var exception = Assert.Throws<GridGovernanceValidationException>(() => RuleBook.Create(definition));

        Assert.Contains(exception.Problems, p => p.Field == "Items[0].Versions[0].EligibleKinds");
        Assert.Contains(exception.Problems, p => p.Field == "Items[0].Versions[0].Cap.Mode");
        Assert.Contains(exception.Problems, p => p.Field == "KindMultipliers[9]");
    }

    [Fact]
    public void PointsParse_RefusesThousandsSeparators()
    {
        Assert.Throws<FormatException>(() => Points.Parse("1,5"));
        Assert.Equal(Points.From(-0.5m), Points.Parse(" -0.5 "));
    }
}
