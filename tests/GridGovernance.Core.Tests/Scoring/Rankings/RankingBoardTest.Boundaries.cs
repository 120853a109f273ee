using GridGovernance.Scoring;
using GridGovernance.Scoring.Rankings;
using static GridGovernance.Tests.Scoring.Stars.StarsRankingsBook;

namespace GridGovernance.Tests.Scoring.Rankings;

/// <summary>
/// Rankings at their edges: a mean exactly half a unit from two neighbours (and just below and above half), the floor
/// at, just below and just above a score, bottom-line rules given to a scoped ranking, and a negative list that
/// names an item twice.
/// </summary>
public sealed partial class RankingBoardTest
{
    private static readonly OrgUnitId Grid1000 = new(1000);
    private static readonly OrgUnitId Community100 = new(100);

    /// <summary>Members 1–3 (grids 1000, 1000, 1001, all under community 100), scoring exactly the given points.</summary>
    private static AssessmentResult ThreeMembers(decimal first, decimal second, decimal third) =>
        Assess([Subject(1, 1000), Subject(2, 1000), Subject(3, 1001)], Exactly(1, first).Concat(Exactly(2, second)).Concat(Exactly(3, third)));

    /// <summary>Entries that score exactly <paramref name="points"/>: one volunteer award of 1–5 points, then −2 violations to go below.</summary>
    private static IEnumerable<AssessmentEntry> Exactly(int member, decimal points)
    {
        int violations = points >= 1 ? 0 : (int)Math.Ceiling((1 - points) / 2);
        decimal award = points + 2 * violations;
        var entries = Times(member, Volunteer, 1, award).ToList();
        entries.AddRange(Times(member, Violation, violations).Select(e => e with { Sequence = e.Sequence + 1 }));
        return entries;
    }

    private static Points MeanOf(AssessmentResult result, OrgUnitId unit) =>
        RankingBoard.RankUnits(result, City(), [unit], UnitScoreAggregate.Mean)[unit].Score;

    [Theory]
    [InlineData("1.0001", "1", "1.0001")] // 2.0001 / 2 = 1.00005: exactly half a unit, rounded up
    [InlineData("1.0003", "1", "1.0002")] // 1.00015: half again, rounded away from zero
    [InlineData("1", "1", "1")] // no remainder
    [InlineData("-2", "-2.9999", "-2.5")] // −2.49995: half below zero, rounded away from zero (down)
    [InlineData("-2", "-2.0001", "-2.0001")] // −2.00005
    public void RankUnits_Mean_ExactlyHalfAUnit_RoundsAwayFromZero(string first, string second, string expected)
    {
        var result = ThreeMembers(decimal.Parse(first, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(second, System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal(Points.Parse(first) + Points.Parse(second), RankingBoard.RankUnits(result, City(), [Grid1000])[Grid1000].Score);

        Assert.Equal(Points.Parse(expected), MeanOf(result, Grid1000));
    }

    [Theory]
    [InlineData("1.0001", "1", "1", "1")] // 3.0001 / 3: a third of a unit over, just below half: down
    [InlineData("1.0001", "1.0001", "1", "1.0001")] // 3.0002 / 3: two thirds over, just above half: up
    [InlineData("-1", "-1", "-1.0001", "-1")] // −3.0001 / 3: a third below: towards zero
    [InlineData("-1", "-1.0001", "-1.0001", "-1.0001")] // −3.0002 / 3: two thirds below: away from zero
    public void RankUnits_Mean_JustBelowAndJustAboveHalf(string a, string b, string c, string expected)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var result = ThreeMembers(D(a), D(b), D(c));

        Assert.Equal(Points.Parse(expected), MeanOf(result, Community100));
        Assert.Equal(3, RankingBoard.RankUnits(result, City(), [Community100], UnitScoreAggregate.Mean)[Community100].MemberCount);
    }

    [Theory]
    [InlineData(-1, true)] // just below the floor
    [InlineData(0, false)] // at the floor
    [InlineData(1, false)] // just above
    public void BottomLine_Floor_AtJustBelowAndJustAbove(int unitsFromFloor, bool below)
    {
        var floor = Points.From(3);
        var result = ThreeMembers(3m + unitsFromFloor / 10000m, 4, 4);

        var ranking = RankingBoard.Rank(result, new BottomLineRules { Floor = floor });

        Assert.Equal(below ? BottomLineFlags.BelowFloor : BottomLineFlags.None, ranking[new MemberId(1)].Flags);
        Assert.Equal(BottomLineFlags.None, ranking[new MemberId(2)].Flags);
    }

    [Fact]
    public void BottomLine_NoFloor_NegativeScoresAreNotBelowAFloor()
    {
        var result = ThreeMembers(-3, -1, 0);

        var ranking = RankingBoard.Rank(result, new BottomLineRules { NegativeListItems = ["volunteer"] });

        Assert.All(ranking.Rows, r => Assert.False(r.Flags.HasFlag(BottomLineFlags.BelowFloor)));
        Assert.All(ranking.Rows, r => Assert.Equal(BottomLineFlags.NegativeList, r.Flags));
    }

    [Fact]
    public void BottomLine_ANegativeFloor()
    {
        var ranking = RankingBoard.Rank(ThreeMembers(-3, -1, 0), new BottomLineRules { Floor = Points.From(-1) });

        Assert.Equal([BottomLineFlags.None, BottomLineFlags.None, BottomLineFlags.BelowFloor], ranking.Rows.Select(r => r.Flags));
    }

    [Fact]
    public void RankScope_AppliesTheBottomLineRulesItIsGiven()
    {
        var result = CityResult(); // grid 1000: member 1 scores 10, member 2 scores 30
        var rules = new BottomLineRules { Floor = Points.From(20) };

        var ranking = RankingBoard.Rank(result, City(), Grid1000, rules);

        Assert.Equal(BottomLineFlags.BelowFloor, ranking[new MemberId(1)].Flags);
        Assert.Equal(BottomLineFlags.None, ranking[new MemberId(2)].Flags);
        Assert.Equal([1], Members(ranking.Flagged()));
        Assert.Empty(RankingBoard.Rank(result, City(), Grid1000).Flagged());
    }

    [Fact]
    public void BottomLine_AnItemNamedTwice_CountsItsHitsOnce()
    {
        var result = Assess([Subject(1)], Times(1, Violation, 3));

        var ranking = RankingBoard.Rank(result, new BottomLineRules { NegativeListItems = ["violation", "violation"] });

        Assert.Equal(3, ranking[new MemberId(1)].NegativeListHits);
        Assert.Equal(BottomLineFlags.NegativeList, ranking[new MemberId(1)].Flags);
    }

    [Fact]
    public void BottomLine_NullNegativeListCode_Throws()
    {
        var e = Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.Rank(WithScores([1]), new BottomLineRules { NegativeListItems = [null!] }));

        Assert.Equal("bottomLine", e.ParamName);
    }

    [Fact]
    public void Rank_RowsCarryTheMembersBranch()
    {
        var ranking = RankingBoard.Rank(CityResult());

        Assert.Equal([9999, 1010, 1000, 1001, 1000], ranking.Rows.Select(r => r.Branch.Value));
    }

    [Fact]
    public void RankUnits_RowsCarryRankPositionAndCounts()
    {
        var result = CityResult(); // grids: 1000 sums 40 (2 members), 1001 sums 20, 1010 sums 40
        OrgUnitId[] grids = [new(1001), new(1010), new(1000)];

        var rows = RankingBoard.RankUnits(result, City(), grids).Rows;

        Assert.Equal(
            [(1000, 1, 1, 1, 3, 2), (1010, 1, 2, 1, 3, 1), (1001, 3, 3, 0, 3, 1)],
            rows.Select(r => (r.Unit.Value, r.Rank, r.Position, r.BelowCount, r.ScopeCount, r.MemberCount)));
    }

    [Fact]
    public void RankUnits_NullArguments_Throw()
    {
        var result = CityResult();

        Assert.Throws<ArgumentNullException>(() => RankingBoard.RankUnits(null!, City(), [Grid1000]));
        Assert.Throws<ArgumentNullException>(() => RankingBoard.RankUnits(result, null!, [Grid1000]));
        Assert.Throws<ArgumentNullException>(() => RankingBoard.RankUnits(result, City(), (IEnumerable<OrgUnitId>)null!));
        Assert.Throws<ArgumentNullException>(() => RankingBoard.Rank(null!));
        Assert.Throws<ArgumentNullException>(() => RankingBoard.Rank(result, null!, Grid1000));
    }

    [Fact]
    public void Refusals_SayWhatIsWrong()
    {
        var result = CityResult();
        var index = City();

        Assert.Contains("unit:4242 is not in the hierarchy index as of 2024-06-01", Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.Rank(result, index, new OrgUnitId(4242))).Message);
        Assert.Contains("unit:4242 is not in the hierarchy index", Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.RankUnits(result, index, [new OrgUnitId(4242)])).Message);
        Assert.Contains("unit:1000 appears twice", Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.RankUnits(result, index, [Grid1000, Grid1000])).Message);
        Assert.Contains("Unknown aggregate 7", Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.RankUnits(result, index, [Grid1000], (UnitScoreAggregate)7)).Message);
        Assert.Contains("names item 'no-such-item', which the rule book 'stars-test' does not define",
            Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.Rank(result, new BottomLineRules { NegativeListItems = ["no-such-item"] })).Message);
    }
}
