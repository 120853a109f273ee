using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Tests.Scoring.Stars;
using static GridGovernance.Tests.Scoring.Stars.StarsRankingsBook;

namespace GridGovernance.Tests.Scoring.Rankings;

public sealed class RankingProperties
{
    [Property(Arbitrary = new[] { typeof(RankingArbitraries) }, MaxTest = 200)]
    public bool Rank_OrdersByScoreAndTiesShareARank(RankingScenario scenario)
    {
        var rows = RankingBoard.Rank(scenario.Assess()).Rows;
        for (int i = 1; i < rows.Length; i++)
        {
            var (before, after) = (rows[i - 1], rows[i]);
            if (before.Score < after.Score)
            {
                return false;
            }
            if (before.Score == after.Score && (before.Rank != after.Rank || before.Member.Value >= after.Member.Value))
            {
                return false;
            }
            if (before.Score > after.Score && before.Rank >= after.Rank)
            {
                return false;
            }
        }
        return rows.Select(r => r.Position).SequenceEqual(Enumerable.Range(1, rows.Length));
    }

    [Property(Arbitrary = new[] { typeof(RankingArbitraries) }, MaxTest = 200)]
    public bool Rank_IsOnePlusTheNumberWithAStrictlyHigherScore(RankingScenario scenario)
    {
        var result = scenario.Assess();
        var rows = RankingBoard.Rank(result).Rows;
        var scores = result.Members.Select(m => m.Score).ToList();
        return rows.Length == scores.Count
               && rows.All(r => r.Rank == 1 + scores.Count(s => s > r.Score)
                                && r.BelowCount == scores.Count(s => s < r.Score)
                                && r.Percentile == 100.0 * r.BelowCount / scores.Count);
    }

    [Property(Arbitrary = new[] { typeof(RankingArbitraries) }, MaxTest = 200)]
    public bool BottomLine_FlaggedMembersAreNeverDropped(RankingScenario scenario, int floor)
    {
        var result = scenario.Assess();
        var rules = new BottomLineRules { Floor = Points.From(floor % 40), NegativeListItems = ["violation"] };

        var ranking = RankingBoard.Rank(result, rules);

        bool everyoneListed = ranking.Rows.Select(r => r.Member).Order().SequenceEqual(result.Members.Select(m => m.Member));
        bool flagsRight = result.Members.All(m =>
        {
            var row = ranking[m.Member];
            bool shouldFlag = m.Vetoed || m.Score < rules.Floor!.Value || m.ItemCounts[Violation] > 0;
            return row.IsFlagged == shouldFlag
                   && row.Flags.HasFlag(BottomLineFlags.Vetoed) == m.Vetoed
                   && row.NegativeListHits == m.ItemCounts[Violation];
        });
        var unflagged = RankingBoard.Rank(result).Rows;
        bool sameOrder = ranking.Rows.Select(r => (r.Member, r.Rank)).SequenceEqual(unflagged.Select(r => (r.Member, r.Rank)));
        return everyoneListed && flagsRight && sameOrder && ranking.Flagged().All(r => ranking.Rows.Contains(r));
    }

    [Property(Arbitrary = new[] { typeof(RankingArbitraries) }, MaxTest = 200)]
    public bool Benchmarks_AreTheFirstNAndEveryoneTiedWithTheNth(RankingScenario scenario, byte n)
    {
        var ranking = RankingBoard.Rank(scenario.Assess());
        int count = n % 12;
        var benchmarks = ranking.Benchmarks(count);
        if (count == 0 || ranking.Count == 0)
        {
            return benchmarks.IsEmpty;
        }
        var nth = ranking.Rows[Math.Min(count, ranking.Count) - 1];
        var expected = ranking.Rows.Where((r, i) => i < count || r.Score == nth.Score);
        return benchmarks.SequenceEqual(expected);
    }

    public sealed record RankingScenario(int[] Scores, bool[] Vetoes, int[] Violations)
    {
        public AssessmentResult Assess()
        {
            var roster = Scores.Select((_, i) => Subject(i + 1)).ToList();
            var entries = new List<AssessmentEntry>();
            for (int i = 0; i < Scores.Length; i++)
            {
                entries.AddRange(EntriesForScore(i + 1, Scores[i]));
                if (Vetoes[i])
                {
                    entries.AddRange(Times(i + 1, SeriousViolation, 1));
                }
                entries.AddRange(Times(i + 1, Violation, Violations[i]));
            }
            return StarsRankingsBook.Assess(roster, entries);
        }

        public override string ToString() =>
            string.Join(", ", Scores.Select((s, i) => $"{i + 1}:{s}{(Vetoes[i] ? "V" : "")}{(Violations[i] > 0 ? "x" + Violations[i] : "")}"));
    }

    public static class RankingArbitraries
    {
        public static Arbitrary<RankingScenario> Scenarios() =>
            (from count in Gen.Choose(0, 30)
             from scores in Gen.ArrayOf(Gen.Choose(-6, 30), count)
             from vetoes in Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true))), count)
             from violations in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(1, 3))), count)
             select new RankingScenario(scores, vetoes, violations)).ToArbitrary();
    }
}
