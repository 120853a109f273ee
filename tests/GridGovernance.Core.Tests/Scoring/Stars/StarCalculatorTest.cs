using GridGovernance.Scoring;
using GridGovernance.Scoring.Stars;
using static GridGovernance.Tests.Scoring.Stars.StarsRankingsBook;

namespace GridGovernance.Tests.Scoring.Stars;

public sealed partial class StarCalculatorTest
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(19, 2)]
    [InlineData(20, 3)]
    [InlineData(45, 3)]
    public void For_BandStarsFollowTheScore(int score, int expected)
    {
        var member = AssessOne(EntriesForScore(1, score));

        Assert.Equal(Points.From(score), member.Score);
        Assert.Equal(expected, StarCalculator.For(member, Book).BandStars);
    }

    [Fact]
    public void For_NegativeScore_NoBandStars()
    {
        var member = AssessOne(EntriesForScore(1, -3));

        Assert.Equal(0, StarCalculator.For(member, Book).BandStars);
    }

    [Fact]
    public void For_Vetoed_BandStarsCappedAtVetoStarCap()
    {
        var entries = EntriesForScore(1, 30).Concat(Times(1, SeriousViolation, 1)).ToList();

        var capZero = StarCalculator.For(AssessOne(entries), Book);
        var capTwo = StarCalculator.For(AssessOne(entries, Create(vetoStarCap: 2)), Create(vetoStarCap: 2));
        var noCap = StarCalculator.For(AssessOne(entries, Create(vetoStarCap: null)), Create(vetoStarCap: null));

        Assert.True(capZero.Vetoed);
        Assert.Equal(0, capZero.BandStars);
        Assert.Equal(2, capTwo.BandStars);
        Assert.Equal(3, noCap.BandStars);
    }

    [Fact]
    public void For_VetoCapDoesNotRaiseStars()
    {
        var entries = EntriesForScore(1, 12).Concat(Times(1, SeriousViolation, 1)); // 12 − 5 = 7: one star
        var book = Create(vetoStarCap: 2);

        Assert.Equal(1, StarCalculator.For(AssessOne(entries, book), book).BandStars);
    }

    [Fact]
    public void For_NamedStars_CategoryTotalAndItemCount()
    {
        var both = AssessOne(Times(1, PartyDay, 3).Concat(Times(1, ProblemSolved, 2)));
        var study = AssessOne(Times(1, PartyDay, 3).Concat(Times(1, ProblemSolved, 1)));
        var neither = AssessOne(Times(1, PartyDay, 2).Concat(Times(1, ProblemSolved, 1)));

        Assert.Equal(["study-star", "service-star"], StarCalculator.For(both, Book).NamedStars.ToArray());
        Assert.Equal(["study-star"], StarCalculator.For(study, Book).NamedStars.ToArray());
        Assert.Empty(StarCalculator.For(neither, Book).NamedStars);
        Assert.True(StarCalculator.For(both, Book).HasNamedStar("service-star"));
        Assert.False(StarCalculator.For(study, Book).HasNamedStar("service-star"));
    }

    [Fact]
    public void For_EventStars_OnePerPartyDayOrSolvedProblem()
    {
        var member = AssessOne(Times(1, PartyDay, 4).Concat(Times(1, ProblemSolved, 3)).Concat(Times(1, Volunteer, 2, 5m)));

        var stars = StarCalculator.For(member, Book);

        Assert.Equal(7, stars.EventStars);
        // 4 + 6 + 10 = 20 points: 3 band stars; both named stars; 7 event stars.
        Assert.Equal(3, stars.BandStars);
        Assert.Equal(3 + 2 + 7, stars.Total);
    }

    [Fact]
    public void For_EventStarItemListedTwice_CountsOnce()
    {
        var definition = Book.Definition with { Stars = Book.Stars with { EventStarItems = ["themed-party-day", "themed-party-day"] } };
        var book = RuleBook.Create(definition);

        Assert.Equal(3, StarCalculator.For(AssessOne(Times(1, PartyDay, 3), book), book).EventStars);
    }

    [Fact]
    public void For_NoStarRules_NoStars()
    {
        var book = RuleBook.Create(Book.Definition with { Stars = new StarRules() });

        var stars = StarCalculator.For(AssessOne(EntriesForScore(1, 30), book), book);

        Assert.Equal(0, stars.Total);
    }

    [Fact]
    public void For_Result_OnePerMemberInIdOrder()
    {
        var result = Assess([Subject(3, 1001), Subject(1), Subject(2)], Times(2, PartyDay, 5).Concat(Times(3, ProblemSolved, 2)));

        var stars = StarCalculator.For(result);

        Assert.Equal([1, 2, 3], stars.Select(s => s.Member.Value));
        Assert.Equal([0, 1, 0], stars.Select(s => s.BandStars));
        Assert.Equal([0, 5, 2], stars.Select(s => s.EventStars));
        Assert.Equal(new OrgUnitId(1001), stars[2].Branch);
        Assert.Equal(Points.From(5), stars[1].Score);
    }

    [Fact]
    public void For_MemberOfAnotherRuleBook_Throws()
    {
        var other = RuleBook.Create(new RuleBookDefinition
        {
            Id = "other",
            Name = "Other",
            Categories = [new ScoreCategory("only", "Only")],
            Items = [new RuleItem("one", "only", "One", [new RuleItemVersion { EffectiveFrom = From, Kind = ItemKind.Fixed, Points = Points.From(1) }])],
        });
        var member = AssessOne([], other);

        Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.For(member, Book));
    }

    [Fact]
    public void BandStarsFor_HighestBandReached()
    {
        StarBand[] bands = [new(3, Points.From(90)), new(1, Points.From(60)), new(2, Points.From(75))];

        Assert.Equal(0, StarCalculator.BandStarsFor(Points.Parse("59.9999"), bands));
        Assert.Equal(1, StarCalculator.BandStarsFor(Points.From(60), bands));
        Assert.Equal(2, StarCalculator.BandStarsFor(Points.From(89), bands));
        Assert.Equal(3, StarCalculator.BandStarsFor(Points.From(90), bands));
        Assert.Equal(0, StarCalculator.BandStarsFor(Points.From(90), []));
    }

    [Fact]
    public void BandStarsFor_BadBands_Throw()
    {
        Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.BandStarsFor(Points.Zero, [new StarBand(0, Points.Zero)]));
        Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.BandStarsFor(Points.Zero, [new StarBand(1, Points.From(10)), new StarBand(2, Points.From(10))]));
        Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.BandStarsFor(Points.Zero, [new StarBand(1, Points.From(10)), new StarBand(1, Points.From(20))]));
        Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.BandStarsFor(Points.Zero, [null!]));
        Assert.Throws<ArgumentNullException>(() => StarCalculator.BandStarsFor(Points.Zero, null!));
    }
}
