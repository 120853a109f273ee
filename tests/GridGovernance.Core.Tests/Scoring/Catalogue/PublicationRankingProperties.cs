using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Scoring.Catalogue;

/// <summary>What a publication stores is enough to rank it: the same ranking as a fresh assessment with the same book and ledger.</summary>
public sealed class PublicationRankingProperties
{
    [Property(MaxTest = 150)]
    public bool Ranking_FromThePublication_EqualsRanking_FromAFreshAssessment(PositiveInt seed, int floor, byte negative)
    {
        var scenario = ScoringGenerator.Small(seed.Get);
        var book = scenario.RuleBook;
        var result = AssessmentEngine.Assess(book, scenario.Period, scenario.Roster, scenario.Entries);
        var published = PublishedResults.Of(result);
        var rules = new BottomLineRules
        {
            Floor = Points.From(floor % 50),
            NegativeListItems = book.Items.Length == 0 ? [] : [book.Items[negative % book.Items.Length].Code],
        };

        var fromPublication = RankingBoard.RankPublication(published, rules);
        var fresh = RankingBoard.Rank(AssessmentEngine.Assess(book, scenario.Period, scenario.Roster, scenario.Entries), rules);

        return fromPublication.Rows.SequenceEqual(fresh.Rows) && fromPublication.Period == fresh.Period;
    }

    [Property(MaxTest = 100)]
    public bool PublishedLines_KeepTheSubject_AndTheItemCounts(PositiveInt seed)
    {
        var scenario = ScoringGenerator.Small(seed.Get);
        var result = AssessmentEngine.Assess(scenario.RuleBook, scenario.Period, scenario.Roster, scenario.Entries);
        var published = PublishedResults.Of(result);

        return published.ItemCodes.SequenceEqual(scenario.RuleBook.Items.Select(i => i.Code))
               && result.Members.All(m => published.ResultOf(m.Member) is { } line
                                          && line.Subject == m.Subject
                                          && line.ItemCounts.SequenceEqual(m.ItemCounts));
    }
}
