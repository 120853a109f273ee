using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.Stars;
using GridGovernance.Scoring.Statements;
using GridGovernance.Tests.Scoring.Engine;

namespace GridGovernance.Tests.Scoring.Statements;

/// <summary>Statements over random scenarios (every item kind, both cap modes, version changes, multipliers): they agree with the publication.</summary>
public sealed class MemberStatementProperties
{
    [Property(MaxTest = 200)]
    public Property Lines_AddUpToThePublishedCategoryTotalsAndScore() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), s =>
    {
        var result = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries);
        var published = PublishedResults.Of(result);
        foreach (var subject in s.Roster)
        {
            var statement = MemberStatement.Create(s.RuleBook, published, subject, s.Entries, "张三明");
            var line = published.ResultOf(subject.Member)!;
            var byCategory = new Points[s.RuleBook.Categories.Length];
            foreach (var l in statement.Lines)
            {
                int c = s.RuleBook.IndexOfCategory(l.CategoryCode);
                byCategory[c] += l.Counted;
            }
            var member = result[subject.Member];
            if (!byCategory.SequenceEqual(line.CategoryTotals)
                || !statement.Categories.Select(c => c.Total).SequenceEqual(line.CategoryTotals)
                || !statement.Categories.All(c => c.Awarded + c.Deducted == c.Total)
                || byCategory.Aggregate(Points.Zero, (a, b) => a + b) != line.Total
                || statement.Total != line.Total || statement.Score != line.Score
                || statement.Awarded != member.Awarded || statement.Deducted != member.Deducted || statement.Clipped != member.Clipped)
            {
                return false;
            }
        }
        return true;
    });

    [Property(MaxTest = 200)]
    public Property StarsAndRank_AreWhatTheCalculatorAndTheBoardGive() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), s =>
    {
        var result = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries);
        var published = PublishedResults.Of(result);
        var ranking = RankingBoard.Rank(result);
        foreach (var subject in s.Roster)
        {
            var statement = MemberStatement.Create(s.RuleBook, published, subject, s.Entries, "张三明");
            var stars = StarCalculator.For(result[subject.Member], s.RuleBook);
            var row = ranking.Rows.Single(r => r.Member == subject.Member);
            bool nextBandIsRight = statement.Stars.NextBand is not StarBand next
                || (next.MinimumScore > statement.Score && statement.Score + statement.Stars.NextBandShortfall == next.MinimumScore);
            if (stars.BandStars != statement.Stars.BandStars || stars.EventStars != statement.Stars.EventStars
                || !stars.NamedStars.SequenceEqual(statement.Stars.Named.Where(n => n.Earned).Select(n => n.Code))
                || statement.Stars.Named.Any(n => n.Earned != (n.Shortfall == Points.Zero))
                || !nextBandIsRight
                || row.Rank != statement.Rank.Rank || row.BelowCount != statement.Rank.BelowCount || row.ScopeCount != statement.Rank.ScopeCount)
            {
                return false;
            }
        }
        return true;
    });

    [Property(MaxTest = 200)]
    public Property EveryLine_CountsAsAnOccurrence_ExactlyWhenTheEngineCountsIt() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), s =>
    {
        var result = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries);
        var published = PublishedResults.Of(result);
        foreach (var subject in s.Roster)
        {
            var statement = MemberStatement.Create(s.RuleBook, published, subject, s.Entries, "张三明");
            var counts = new int[s.RuleBook.Items.Length];
            foreach (var l in statement.Lines.Where(l => l.CountsAsOccurrence))
            {
                counts[s.RuleBook.IndexOfItem(l.ItemCode)]++;
            }
            if (!counts.SequenceEqual(result[subject.Member].ItemCounts))
            {
                return false;
            }
        }
        return true;
    });
}
