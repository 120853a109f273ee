using FsCheck;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>The published ranking for the public (issue 16) is the live ranking's public board, row for row.</summary>
public sealed class PublishedRankingProperties
{
    private static string NameOf(MemberId member) => "张三" + (char)('一' + member.Value % 9) + "明";

    [Property(MaxTest = 60)]
    public bool ToPublic_IsTheLiveRankingsPublicBoard(PositiveInt seed)
    {
        var scenario = ScoringGenerator.Small(seed.Get);
        var result = AssessmentEngine.Assess(scenario.RuleBook, scenario.Period, scenario.Roster, scenario.Entries);
        var published = PublishedResults.Of(result).ToPublic(NameOf);
        return published.SequenceEqual(RankingBoard.Rank(result).ToPublic(NameOf));
    }

    [Fact]
    public void ToPublic_SharesRanksOnTies_AndMasksNames()
    {
        var scenario = ScoringGenerator.Small(7);
        var result = AssessmentEngine.Assess(scenario.RuleBook, scenario.Period, scenario.Roster, scenario.Entries);
        var rows = PublishedResults.Of(result).ToPublic(NameOf);
        Assert.Equal(result.Count, rows.Length);
        Assert.Equal(1, rows[0].Rank);
        for (int i = 1; i < rows.Length; i++)
        {
            Assert.True(rows[i].Score <= rows[i - 1].Score);
            Assert.Equal(rows[i].Score == rows[i - 1].Score ? rows[i - 1].Rank : i + 1, rows[i].Rank);
        }
        Assert.All(rows, r => Assert.Contains("*", r.MaskedName));
        Assert.Throws<ArgumentNullException>(() => PublishedResults.Of(result).ToPublic(null!));
    }
}
