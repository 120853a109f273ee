using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Testing;
using GridGovernance.Tests.Authority;
using GridGovernance.Tests.Scoring.Ledger;
using static GridGovernance.Tests.Authority.YibinWorld;

namespace GridGovernance.Tests.Scoring.Rankings;

/// <summary>
/// Rankings scoped to a regional committee (区域党委) on the roster of <see cref="YibinWorld"/>: committee 50 sits
/// under street 10 with no members of its own below it, and spans communities 100 and 101, so its jurisdiction is
/// members 1, 2, 5 (grid 1000) and 3, 6 (grid 1010).
/// </summary>
public sealed class RankingBoardRegionalCommitteeTest : IClassFixture<YibinWorld>
{
    private static readonly int[] Spanned = [1, 2, 3, 5, 6];

    private readonly YibinWorld yibin;

    public RankingBoardRegionalCommitteeTest(YibinWorld yibin)
    {
        this.yibin = yibin;
    }

    [Fact]
    public async Task Rank_ScopedToARegionalCommittee_RanksTheMembersOfTheSpannedCommunities()
    {
        var (index, result) = await AssessAsync();

        var ranking = RankingBoard.Rank(result, index, U(50));

        Assert.Equal(Spanned, ranking.Rows.Select(r => r.Member.Value).Order());
        Assert.Equal(U(50), ranking.Scope);
        var expected = Spanned.Select(m => result[M(m)].Score).OrderDescending().ToArray();
        Assert.Equal(expected, ranking.Rows.Select(r => r.Score));
        Assert.All(ranking.Rows, r => Assert.Equal(1 + expected.Count(s => s > r.Score), r.Rank));
    }

    [Fact]
    public async Task Rank_ScopedToAStreet_StillRanksItsSubtreeOnly()
    {
        var (index, result) = await AssessAsync();

        var ranking = RankingBoard.Rank(result, index, U(10));

        // Street 10: communities 100 and 101 and functional branch 20 (the district secretary, member 90).
        Assert.Equal([1, 2, 3, 5, 6, 90], ranking.Rows.Select(r => r.Member.Value).Order());
    }

    [Fact]
    public async Task RankUnits_ARegionalCommittee_CountsItsJurisdiction()
    {
        var (index, result) = await AssessAsync();

        var units = RankingBoard.RankUnits(result, index, [U(50), U(100), U(101), U(110)]);

        var committee = units.Rows.Single(r => r.Unit == U(50));
        Assert.Equal(Spanned.Length, committee.MemberCount);
        Assert.Equal(Points.FromUnits(Spanned.Sum(m => result[M(m)].Score.Units)), committee.Score);
        var community = units.Rows.Single(r => r.Unit == U(100));
        Assert.Equal(3, community.MemberCount);
        Assert.Equal(Points.FromUnits(new[] { 1, 2, 5 }.Sum(m => result[M(m)].Score.Units)), community.Score);
        Assert.Equal(2, units.Rows.Single(r => r.Unit == U(110)).MemberCount); // members 4 and 8 of grid 1100
        Assert.Equal(units.Rows.OrderByDescending(r => r.Score.Units).ThenBy(r => r.Unit.Value).Select(r => r.Unit), units.Rows.Select(r => r.Unit));
    }

    [Fact]
    public async Task RankUnits_ARegionalCommittee_Averages_OverItsJurisdiction()
    {
        var (index, result) = await AssessAsync();

        var units = RankingBoard.RankUnits(result, index, [U(50)], UnitScoreAggregate.Mean);

        var total = Spanned.Sum(m => result[M(m)].Score.Units);
        var row = Assert.Single(units.Rows);
        Assert.Equal(Spanned.Length, row.MemberCount);
        Assert.InRange(row.Score.Units, total / Spanned.Length - 1, total / Spanned.Length + 1);
    }

    private async Task<(HierarchyIndex Index, AssessmentResult Result)> AssessAsync()
    {
        var authority = await yibin.World.BuildIndexAsync(Day);
        var (_, members, _) = await yibin.World.SnapshotAsync();
        var roster = members.Select(m => new AssessmentSubject(m.Id, m.Kind, m.BranchOn(Day)!.Value)).OrderBy(s => s.Member.Value).ToArray();
        var book = LedgerFixture.CreateBook("ranking-book");
        var quarter = AssessmentPeriod.Quarter(2024, 1);
        var result = AssessmentEngine.Assess(book, quarter, roster, ScoringGenerator.Ledger(book, quarter, roster, count: 200, seed: 50));
        return (authority.Hierarchy, result);
    }
}
