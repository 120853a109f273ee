using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Rankings;
using NodaTime;
using static GridGovernance.Tests.Scoring.Stars.StarsRankingsBook;

namespace GridGovernance.Tests.Scoring.Rankings;

public sealed partial class RankingBoardTest
{
    [Theory]
    [InlineData(1, 3000)]
    [InlineData(2, 5000)]
    [InlineData(3, 600)]
    public void Rank_LargeRoster_MatchesAReferenceRanking(int seed, int count)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(1, count * 3).OrderBy(_ => random.Next()).Take(count).ToList(); // sparse, shuffled ids
        var roster = ids.Select(id => Subject(id)).ToList();
        var entries = ids.SelectMany(id => Times(id, Volunteer, random.Next(0, 8), random.Next(1, 6))
            .Concat(Times(id, Violation, random.Next(0, 4) == 0 ? random.Next(1, 30) : 0))).ToList();
        var result = Assess(roster, entries);

        var rows = RankingBoard.Rank(result).Rows;

        var expected = result.Members.OrderByDescending(m => m.Score).ThenBy(m => m.Member.Value).ToList();
        Assert.Equal(expected.Select(m => m.Member), rows.Select(r => r.Member));
        Assert.All(rows, r => Assert.Equal(1 + expected.Count(m => m.Score > r.Score), r.Rank));
    }

    [Fact]
    public void Rank_ScoresTooFarApartToPack_StillRanked()
    {
        // ±1 million points (the most an occurrence may be worth) times a multiplier of 10^8 (±10^14 points): the spread does not fit the packed key,
        // so the comparison sort takes over.
        var from = new LocalDate(2024, 1, 1);
        var book = RuleBook.Create(new RuleBookDefinition
        {
            Id = "extreme",
            Name = "Extreme",
            Categories = [new ScoreCategory("all", "All")],
            Items =
            [
                new RuleItem("windfall", "all", "Windfall", [new RuleItemVersion { EffectiveFrom = from, Kind = ItemKind.Fixed, Points = Points.From(1_000_000m) }]),
                new RuleItem("fine", "all", "Fine", [new RuleItemVersion { EffectiveFrom = from, Kind = ItemKind.Deduction, Points = Points.From(-1_000_000m) }]),
            ],
        });
        var roster = Enumerable.Range(1, 5).Select(i => new AssessmentSubject(new MemberId(i), MemberKind.LongResident, new OrgUnitId(1)) { Multiplier = 100_000_000m }).ToList();
        AssessmentEntry[] entries =
        [
            new(new MemberId(2), 1, from, 0), new(new MemberId(4), 0, from, 0), new(new MemberId(5), 0, from, 0),
        ];
        var result = AssessmentEngine.Assess(book, Year, roster, entries);

        var ranking = RankingBoard.Rank(result);

        Assert.Equal(Points.From(100_000_000_000_000m), result[new MemberId(4)].Score);
        Assert.Equal([4, 5, 1, 3, 2], ranking.Rows.Select(r => r.Member.Value));
        Assert.Equal([1, 1, 3, 3, 5], ranking.Rows.Select(r => r.Rank));
    }
}
