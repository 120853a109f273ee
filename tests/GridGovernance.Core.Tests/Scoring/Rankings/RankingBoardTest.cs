using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Rankings;
using static GridGovernance.Tests.Organisation.OrganisationFixture;
using static GridGovernance.Tests.Scoring.Stars.StarsRankingsBook;

namespace GridGovernance.Tests.Scoring.Rankings;

public sealed partial class RankingBoardTest
{
    private static int[] Members(IEnumerable<RankingRow> rows) => rows.Select(r => r.Member.Value).ToArray();

    [Fact]
    public void Rank_CompetitionRanks_TiesByMemberId()
    {
        // Members 1..5 score 20, 30, 20, 10, 20.
        var ranking = RankingBoard.Rank(WithScores([20, 30, 20, 10, 20]));

        Assert.Equal([2, 1, 3, 5, 4], Members(ranking.Rows));
        Assert.Equal([1, 2, 2, 2, 5], ranking.Rows.Select(r => r.Rank));
        Assert.Equal([1, 2, 3, 4, 5], ranking.Rows.Select(r => r.Position));
        Assert.Equal(5, ranking.Count);
        Assert.Null(ranking.Scope);
        Assert.Equal(Year, ranking.Period);
    }

    [Fact]
    public void Rank_TheClassicExample_1_2_2_4()
    {
        var ranking = RankingBoard.Rank(WithScores([30, 20, 20, 10]));

        Assert.Equal([1, 2, 2, 4], ranking.Rows.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_Percentile_IsTheShareStrictlyBelow()
    {
        var ranking = RankingBoard.Rank(WithScores([30, 20, 20, 10]));

        Assert.Equal([3, 1, 1, 0], ranking.Rows.Select(r => r.BelowCount));
        Assert.Equal([75.0, 25.0, 25.0, 0.0], ranking.Rows.Select(r => r.Percentile));
        Assert.All(ranking.Rows, r => Assert.Equal(4, r.ScopeCount));
    }

    [Fact]
    public void Rank_NegativeScoresAndEmptyRoster()
    {
        var ranking = RankingBoard.Rank(WithScores([-3, 0, -1]));

        Assert.Equal([2, 3, 1], Members(ranking.Rows));
        Assert.Equal(Points.From(-3), ranking[new MemberId(1)].Score);
        Assert.Empty(RankingBoard.Rank(WithScores([])).Rows);
    }

    [Fact]
    public void Rank_DoesNotDependOnRosterOrder()
    {
        var forward = Assess([Subject(1), Subject(2), Subject(3)], EntriesForScore(1, 5).Concat(EntriesForScore(2, 5)).Concat(EntriesForScore(3, 7)));
        var backward = Assess([Subject(3), Subject(2), Subject(1)], EntriesForScore(3, 7).Concat(EntriesForScore(2, 5)).Concat(EntriesForScore(1, 5)));

        Assert.Equal(RankingBoard.Rank(forward).Rows.ToArray(), RankingBoard.Rank(backward).Rows.ToArray());
    }

    [Fact]
    public void Lookup_ByMember()
    {
        var ranking = RankingBoard.Rank(WithScores([10, 20]));

        Assert.Equal(2, ranking[new MemberId(1)].Rank);
        Assert.True(ranking.TryGetRow(new MemberId(2), out var row));
        Assert.Equal(1, row.Rank);
        Assert.False(ranking.TryGetRow(new MemberId(3), out _));
        Assert.Throws<KeyNotFoundException>(() => ranking[new MemberId(3)]);
    }

    [Fact]
    public void Benchmarks_TopNWithEveryoneTiedWithTheNth()
    {
        // Scores 50, 40, 40, 40, 30, 20.
        var ranking = RankingBoard.Rank(WithScores([50, 40, 40, 40, 30, 20]));

        Assert.Empty(ranking.Benchmarks(0));
        Assert.Equal([1], Members(ranking.Benchmarks(1)));
        Assert.Equal([1, 2, 3, 4], Members(ranking.Benchmarks(2)));
        Assert.Equal([1, 2, 3, 4], Members(ranking.Benchmarks(4)));
        Assert.Equal([1, 2, 3, 4, 5], Members(ranking.Benchmarks(5)));
        Assert.Equal(6, ranking.Benchmarks(100).Length);
        Refused.With("count", ErrorCodes.OutOfRange, () => ranking.Benchmarks(-1));
    }

    [Fact]
    public void BottomLine_FloorVetoAndNegativeList_FlaggedNotDropped()
    {
        var roster = new[] { Subject(1), Subject(2), Subject(3), Subject(4) };
        var entries = EntriesForScore(1, 30)
            .Concat(EntriesForScore(2, 4))                                          // below the floor of 5
            .Concat(EntriesForScore(3, 20)).Concat(Times(3, SeriousViolation, 1))  // vetoed: 15
            .Concat(EntriesForScore(4, 12)).Concat(Times(4, Violation, 2));        // two negative-list hits: 8
        var rules = new BottomLineRules { Floor = Points.From(5), NegativeListItems = ["violation"] };

        var ranking = RankingBoard.Rank(Assess(roster, entries), rules);

        Assert.Equal([1, 3, 4, 2], Members(ranking.Rows));
        Assert.Equal(BottomLineFlags.None, ranking[new MemberId(1)].Flags);
        Assert.Equal(BottomLineFlags.BelowFloor, ranking[new MemberId(2)].Flags);
        Assert.Equal(BottomLineFlags.Vetoed, ranking[new MemberId(3)].Flags);
        Assert.Equal(BottomLineFlags.NegativeList, ranking[new MemberId(4)].Flags);
        Assert.Equal(2, ranking[new MemberId(4)].NegativeListHits);
        Assert.Equal([3, 4, 2], Members(ranking.Flagged()));
        Assert.False(ranking[new MemberId(1)].IsFlagged);
    }

    [Fact]
    public void BottomLine_ScoreEqualToTheFloor_NotFlagged_FlagsCombine()
    {
        var roster = new[] { Subject(1), Subject(2) };
        var entries = EntriesForScore(1, 5).Concat(Times(2, Violation, 1)).Concat(Times(2, SeriousViolation, 1));
        var rules = new BottomLineRules { Floor = Points.From(5), NegativeListItems = ["violation", "serious-violation"] };

        var ranking = RankingBoard.Rank(Assess(roster, entries), rules);

        Assert.Equal(BottomLineFlags.None, ranking[new MemberId(1)].Flags);
        Assert.Equal(BottomLineFlags.BelowFloor | BottomLineFlags.Vetoed | BottomLineFlags.NegativeList, ranking[new MemberId(2)].Flags);
        Assert.Equal(2, ranking[new MemberId(2)].NegativeListHits);
    }

    [Fact]
    public void BottomLine_DefaultFlagsVetoOnly()
    {
        var result = Assess([Subject(1), Subject(2)], Times(1, Violation, 3).Concat(Times(2, SeriousViolation, 1)));

        var ranking = RankingBoard.Rank(result);

        Assert.Equal([2], Members(ranking.Flagged()));
    }

    [Fact]
    public void BottomLine_UnknownNegativeListItem_Throws()
    {
        var result = WithScores([1]);

        Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.Rank(result, new BottomLineRules { NegativeListItems = ["no-such-item"] }));
    }

    [Fact]
    public void ToPublic_MasksNames_KeepsRanksAndScores()
    {
        var names = new Dictionary<int, string> { [1] = "张三明", [2] = "李四", [3] = "John Smith" };
        var ranking = RankingBoard.Rank(WithScores([10, 20, 10]));

        var board = ranking.ToPublic(m => names[m.Value]);

        Assert.Equal(
            [new PublicRankingRow(1, "李*", Points.From(20)), new PublicRankingRow(2, "张*明", Points.From(10)), new PublicRankingRow(2, "J* S*", Points.From(10))],
            board.ToArray());
        Assert.Throws<ArgumentNullException>(() => ranking.ToPublic(null!));
    }

    [Fact]
    public void ToString_SaysWhatIsRanked() => Assert.Equal("Ranking of 2 members, 2024, scope roster", RankingBoard.Rank(WithScores([1, 2])).ToString());

    // District 1 → street 10 → community 100 → grids 1000 (members 1, 2) and 1001 (member 3);
    // street 10 → community 101 → grid 1010 (member 4). Member 5 (branch 9999) is not in the index.
    private static HierarchyIndex City()
    {
        var units = new[]
        {
            OrgUnit.Create(UnitRow(1, UnitKind.District, null), D0),
            OrgUnit.Create(UnitRow(10, UnitKind.Street, 1), D0),
            OrgUnit.Create(UnitRow(100, UnitKind.Community, 10), D0),
            OrgUnit.Create(UnitRow(101, UnitKind.Community, 10), D0),
            OrgUnit.Create(UnitRow(1000, UnitKind.GridBranch, 100), D0),
            OrgUnit.Create(UnitRow(1001, UnitKind.GridBranch, 100), D0),
            OrgUnit.Create(UnitRow(1010, UnitKind.GridBranch, 101), D0),
        };
        var members = new[] { Member.Create(MemberRow(1, 1000), D0), Member.Create(MemberRow(2, 1000), D0), Member.Create(MemberRow(3, 1001), D0), Member.Create(MemberRow(4, 1010), D0) };
        return HierarchyIndex.Build(units, members, [], D2);
    }

    private static AssessmentResult CityResult() =>
        WithScores([10, 30, 20, 40, 50], m => m switch { 1 or 2 => 1000, 3 => 1001, 4 => 1010, _ => 9999 });

    [Fact]
    public void RankScope_Branch_OnlyItsMembers()
    {
        var ranking = RankingBoard.Rank(CityResult(), City(), new OrgUnitId(1000));

        Assert.Equal([2, 1], Members(ranking.Rows));
        Assert.Equal([1, 2], ranking.Rows.Select(r => r.Rank));
        Assert.Equal(new OrgUnitId(1000), ranking.Scope);
        Assert.All(ranking.Rows, r => Assert.Equal(2, r.ScopeCount));
    }

    [Fact]
    public void RankScope_CommunityStreetAndCity()
    {
        var result = CityResult();
        var index = City();

        Assert.Equal([2, 3, 1], Members(RankingBoard.Rank(result, index, new OrgUnitId(100)).Rows));
        Assert.Equal([4, 2, 3, 1], Members(RankingBoard.Rank(result, index, new OrgUnitId(10)).Rows));
        Assert.Equal([4, 2, 3, 1], Members(RankingBoard.Rank(result, index, new OrgUnitId(1)).Rows));
        Assert.Equal([4], Members(RankingBoard.Rank(result, index, new OrgUnitId(1010)).Rows));
    }

    [Fact]
    public void RankScope_UnitNotInIndex_Throws() =>
        Refused.With("scope", ErrorCodes.UnknownKey, () => RankingBoard.Rank(CityResult(), City(), new OrgUnitId(4242)));

    [Fact]
    public void RankUnits_BySumAndMean()
    {
        var result = CityResult();
        var index = City();
        OrgUnitId[] grids = [new(1000), new(1001), new(1010)];

        var bySum = RankingBoard.RankUnits(result, index, grids);
        var byMean = RankingBoard.RankUnits(result, index, grids, UnitScoreAggregate.Mean);

        Assert.Equal([1000, 1010, 1001], bySum.Rows.Select(r => r.Unit.Value));
        Assert.Equal([Points.From(40), Points.From(40), Points.From(20)], bySum.Rows.Select(r => r.Score));
        Assert.Equal([1, 1, 3], bySum.Rows.Select(r => r.Rank));
        Assert.Equal(2, bySum[new OrgUnitId(1000)].MemberCount);
        Assert.Equal([1010, 1000, 1001], byMean.Rows.Select(r => r.Unit.Value));
        Assert.Equal([Points.From(40), Points.From(20), Points.From(20)], byMean.Rows.Select(r => r.Score));
        Assert.Equal([1, 2, 2], byMean.Rows.Select(r => r.Rank));
        Assert.Equal([2, 0, 0], byMean.Rows.Select(r => r.BelowCount));
        Assert.Equal(UnitScoreAggregate.Mean, byMean.Aggregate);
        Assert.Equal([1000, 1010], bySum.Benchmarks(1).Select(r => r.Unit.Value));
    }

    [Fact]
    public void RankUnits_ByKind_MeanRoundsHalfAwayFromZero_EmptyUnitScoresZero()
    {
        var index = City();
        var result = Assess(
            [Subject(1, 1000), Subject(2, 1000), Subject(3, 1001)],
            Times(1, PartyDay, 1).Concat(Times(2, PartyDay, 2)).Concat(Times(3, PartyDay, 1)));

        var communities = RankingBoard.RankUnits(result, index, UnitKind.Community, UnitScoreAggregate.Mean);

        // Community 100: (1 + 2 + 1) / 3 = 1.3333; community 101 has no assessed member.
        Assert.Equal([100, 101], communities.Rows.Select(r => r.Unit.Value));
        Assert.Equal(Points.Parse("1.3333"), communities[new OrgUnitId(100)].Score);
        Assert.Equal(Points.Zero, communities[new OrgUnitId(101)].Score);
        Assert.Equal(0, communities[new OrgUnitId(101)].MemberCount);
        Assert.Equal(50.0, communities[new OrgUnitId(100)].Percentile);
    }

    [Fact]
    public void RankUnits_BadUnits_Throw()
    {
        var result = CityResult();
        var index = City();

        Refused.With("units", ErrorCodes.UnknownKey, () => RankingBoard.RankUnits(result, index, [new OrgUnitId(4242)]));
        Refused.With("units", ErrorCodes.DuplicateInput, () => RankingBoard.RankUnits(result, index, [new OrgUnitId(1000), new OrgUnitId(1000)]));
        Refused.With("aggregate", ErrorCodes.UndefinedEnum, () => RankingBoard.RankUnits(result, index, [new OrgUnitId(1000)], (UnitScoreAggregate)7));
        var ranking = RankingBoard.RankUnits(result, index, [new OrgUnitId(1000)]);
        // An indexer: KeyNotFoundException beside TryGetRow, the .NET convention for an absent key.
        Assert.Throws<KeyNotFoundException>(() => ranking[new OrgUnitId(1001)]);
        Assert.False(ranking.TryGetRow(new OrgUnitId(1001), out _));
        Assert.True(ranking.TryGetRow(new OrgUnitId(1000), out var row));
        Assert.Equal(new OrgUnitId(1000), row.Unit);
    }
}
