using GridGovernance.Scoring;
using GridGovernance.Scoring.Stars;
using static GridGovernance.Tests.Scoring.Stars.StarsRankingsBook;

namespace GridGovernance.Tests.Scoring.Stars;

/// <summary>
/// The star rules at their boundaries: a named star's minimum (at, just below, just above), the veto cap against
/// band stars below, at and above it, and a result whose members share one plan.
/// </summary>
public sealed partial class StarCalculatorTest
{
    [Theory]
    [InlineData(2, false)] // party-day total just below the minimum of 3
    [InlineData(3, true)] // at the minimum
    [InlineData(4, true)] // just above
    public void For_CategoryTotalStar_FromItsMinimum(int partyDays, bool earned)
    {
        var stars = StarCalculator.For(AssessOne(Times(1, PartyDay, partyDays)), Book);

        Assert.Equal(earned, stars.HasNamedStar("study-star"));
        Assert.Equal(earned ? ["study-star"] : [], stars.NamedStars.ToArray());
    }

    [Theory]
    [InlineData(1, false)] // one solved problem: just below the minimum count of 2
    [InlineData(2, true)] // at the minimum
    [InlineData(3, true)] // just above
    public void For_ItemCountStar_FromItsMinimumCount(int solved, bool earned)
    {
        var stars = StarCalculator.For(AssessOne(Times(1, ProblemSolved, solved)), Book);

        Assert.Equal(earned ? ["service-star"] : [], stars.NamedStars.ToArray());
    }

    [Fact]
    public void For_ItemCountStar_CountsOccurrencesNotPoints()
    {
        // Five volunteer awards of 5 points each: 25 service points, but no solved problem.
        var stars = StarCalculator.For(AssessOne(Times(1, Volunteer, 5, 5m)), Book);

        Assert.Empty(stars.NamedStars);
        Assert.Equal(0, stars.EventStars);
        Assert.Equal(3, stars.BandStars);
    }

    [Theory]
    [InlineData(4, 0)] // band stars 0, below the cap: unchanged
    [InlineData(5, 1)] // band stars 1, at the cap
    [InlineData(10, 1)] // band stars 2, above the cap: capped
    [InlineData(25, 1)]
    public void For_VetoCap_AgainstBandStarsBelowAtAndAbove(int scoreBeforeVeto, int expected)
    {
        var book = Create(vetoStarCap: 1);
        // The veto item costs 5 points: earn 5 more so the score stays scoreBeforeVeto.
        var entries = EntriesForScore(1, scoreBeforeVeto + 5).Concat(Times(1, SeriousViolation, 1));

        var stars = StarCalculator.For(AssessOne(entries, book), book);

        Assert.True(stars.Vetoed);
        Assert.Equal(Points.From(scoreBeforeVeto), stars.Score);
        Assert.Equal(expected, stars.BandStars);
    }

    [Fact]
    public void For_VetoCap_OnlyForVetoedMembers()
    {
        var stars = StarCalculator.For(AssessOne(EntriesForScore(1, 25)), Book); // cap 0, not vetoed

        Assert.False(stars.Vetoed);
        Assert.Equal(3, stars.BandStars);
    }

    [Fact]
    public void For_VetoCap_LeavesNamedAndEventStars()
    {
        var entries = Times(1, PartyDay, 8).Concat(Times(1, ProblemSolved, 2)).Concat(Times(1, SeriousViolation, 1));

        var stars = StarCalculator.For(AssessOne(entries), Book);

        Assert.True(stars.Vetoed);
        Assert.Equal(0, stars.BandStars);
        Assert.Equal(["study-star", "service-star"], stars.NamedStars.ToArray());
        Assert.Equal(10, stars.EventStars);
    }

    [Fact]
    public void For_Result_EachMemberGetsItsOwnCombinationOfNamedStars()
    {
        // Members: 1 both stars, 2 study only, 3 service only, 4 neither, 5 both again, 6 service only again.
        var entries = Times(1, PartyDay, 3).Concat(Times(1, ProblemSolved, 2))
            .Concat(Times(2, PartyDay, 3))
            .Concat(Times(3, ProblemSolved, 2))
            .Concat(Times(4, PartyDay, 1))
            .Concat(Times(5, PartyDay, 4)).Concat(Times(5, ProblemSolved, 3))
            .Concat(Times(6, ProblemSolved, 5));
        var result = Assess([Subject(1), Subject(2), Subject(3), Subject(4), Subject(5), Subject(6)], entries);

        var stars = StarCalculator.For(result);

        Assert.Equal(
            [["study-star", "service-star"], ["study-star"], ["service-star"], [], ["study-star", "service-star"], ["service-star"]],
            stars.Select(s => s.NamedStars.ToArray()));
        for (int i = 0; i < stars.Length; i++)
        {
            Assert.Equal(StarCalculator.For(result.Members[i], Book).NamedStars.ToArray(), stars[i].NamedStars.ToArray());
        }
    }

    [Fact]
    public void For_MemberAssessedUnderABookWithTheSameCategoriesButOtherItems_Throws()
    {
        var sameCategories = RuleBook.Create(Book.Definition with { Items = [.. Book.Definition.Items.Take(1)], Stars = new StarRules() });
        var sameItems = RuleBook.Create(Book.Definition with
        {
            Categories = [.. Book.Definition.Categories, new ScoreCategory("extra", "Extra")],
        });

        var e = Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.For(AssessOne(Times(1, PartyDay, 1), sameCategories), Book));
        Assert.Equal("member", e.ParamName);
        Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.For(AssessOne(Times(1, PartyDay, 1), sameItems), Book));
    }

    /// <summary>
    /// The rule-book validator reads a star list set to <c>null</c> as empty, so the calculator must too: a book whose
    /// bands, named stars or event-star items are <c>null</c> gives none of them, and the other two as before.
    /// </summary>
    [Theory]
    [InlineData("bands")]
    [InlineData("named")]
    [InlineData("events")]
    public void For_AStarListSetToNull_ReadsAsEmpty(string which)
    {
        var stars = Book.Stars;
        var book = RuleBook.Create(Book.Definition with
        {
            Id = "stars-null-" + which,
            Stars = stars with
            {
                Bands = which == "bands" ? null! : stars.Bands,
                NamedStars = which == "named" ? null! : stars.NamedStars,
                EventStarItems = which == "events" ? null! : stars.EventStarItems,
            },
        });
        // 25 party days and 2 problems solved: 29 points (3 band stars), both named stars, 27 event stars.
        var entries = Times(1, PartyDay, 25).Concat(Times(1, ProblemSolved, 2)).ToArray();
        var full = StarCalculator.For(AssessOne(entries), Book);
        var result = StarCalculator.For(AssessOne(entries, book), book);

        Assert.Equal((3, 2, 27), (full.BandStars, full.NamedStars.Length, full.EventStars));
        Assert.Equal(which == "bands" ? 0 : 3, result.BandStars);
        Assert.Equal(which == "named" ? 0 : 2, result.NamedStars.Length);
        Assert.Equal(which == "events" ? 0 : 27, result.EventStars);
    }

    [Fact]
    public void For_NullArguments_Throw()
    {
        var member = AssessOne([]);

        Assert.Throws<ArgumentNullException>(() => StarCalculator.For(null!, Book));
        Assert.Throws<ArgumentNullException>(() => StarCalculator.For(member, null!));
        Assert.Throws<ArgumentNullException>(() => StarCalculator.For(null!));
    }

    [Theory]
    [InlineData("4.9999", 0)] // just below the 1-star band
    [InlineData("5", 1)] // at it
    [InlineData("5.0001", 1)] // just above
    [InlineData("9.9999", 1)]
    [InlineData("10", 2)]
    [InlineData("19.9999", 2)]
    [InlineData("20", 3)]
    public void BandStarsFor_AtJustBelowAndJustAboveEachMinimum(string score, int expected) =>
        Assert.Equal(expected, StarCalculator.BandStarsFor(Points.Parse(score), Book.Stars!.Bands!));

    [Fact]
    public void BandStarsFor_ABandOfOneStar_IsTheSmallestAllowed()
    {
        Assert.Equal(1, StarCalculator.BandStarsFor(Points.From(1), [new StarBand(1, Points.Zero)]));
        var e = Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.BandStarsFor(Points.From(1), [new StarBand(2, Points.Zero), new StarBand(-1, Points.From(5))]));
        Assert.Contains("bands[1] gives -1 stars", e.Message);
    }

    [Fact]
    public void Refusals_SayWhatIsWrong()
    {
        Assert.Contains("bands[0] is null", Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.BandStarsFor(Points.Zero, [null!])).Message);
        Assert.Contains("bands[0] gives 0 stars; a band gives at least one", Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.BandStarsFor(Points.Zero, [new StarBand(0, Points.Zero)])).Message);
        Assert.Contains("Two bands give 2 stars", Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.BandStarsFor(Points.Zero, [new StarBand(2, Points.From(1)), new StarBand(2, Points.From(5))])).Message);
        Assert.Contains("The 2-star band starts at 5, not above the 1-star band (5); bands overlap",
            Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.BandStarsFor(Points.Zero, [new StarBand(2, Points.From(5)), new StarBand(1, Points.From(5))])).Message);
        var other = RuleBook.Create(Book.Definition with { Items = [.. Book.Definition.Items.Take(1)], Stars = new StarRules() });
        Assert.Contains("under a rule book with 3 categories and 1 items, not under 'stars-test' (3 and 5)",
            Assert.Throws<GridGovernanceValidationException>(() => StarCalculator.For(AssessOne([], other), Book)).Message);
    }
}
