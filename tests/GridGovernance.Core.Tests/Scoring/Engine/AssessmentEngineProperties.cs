using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Scoring.Engine;

public sealed class AssessmentEngineProperties
{
    [Property(MaxTest = 300)]
    public bool Assessment_IsIndependentOfEntryAndRosterOrder(int seed, int shuffle)
    {
        var s = ScoringGenerator.Small(seed);
        var random = new Random(shuffle);
        var first = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries);
        var second = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster.OrderBy(_ => random.Next()).ToArray(), s.Entries.OrderBy(_ => random.Next()).ToArray());
        return Describe(first) == Describe(second);
    }

    [Property(MaxTest = 300)]
    public bool BulkAssessment_EqualsTheInOrderReplay_ForEveryMember(int seed)
    {
        var s = ScoringGenerator.Small(seed);
        var bulk = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries);
        return s.Roster.All(subject => Describe(bulk[subject.Member]) == Describe(AssessmentEngine.Explain(s.RuleBook, s.Period, subject, s.Entries).Result));
    }

    [Property(MaxTest = 300)]
    public bool NoCap_IsEverExceeded(int seed)
    {
        var s = ScoringGenerator.Small(seed);
        foreach (var subject in s.Roster)
        {
            var explanation = AssessmentEngine.Explain(s.RuleBook, s.Period, subject, s.Entries);
            var positive = explanation.Outcomes.Where(o => o.Counted.IsPositive).ToList();
            foreach (var item in s.RuleBook.Items.Select((item, i) => (item, i)))
            {
                var cap = s.RuleBook.VersionOn(item.i, s.Period.End)?.Cap;
                long counted = positive.Where(o => o.Item == item.item.Code).Sum(o => o.Counted.Units);
                if (cap is not null && item.item.Versions.All(v => v.Kind != ItemKind.AutomaticGrant) && counted > cap.Limit.Units)
                {
                    return false;
                }
            }
            for (int c = 0; c < s.RuleBook.Categories.Length; c++)
            {
                if (s.RuleBook.Categories[c].Cap is PointsCap cap)
                {
                    long counted = positive.Where(o => s.RuleBook.ItemCategories[s.RuleBook.IndexOfItem(o.Item)] == c).Sum(o => o.Counted.Units);
                    if (counted > cap.Limit.Units || explanation.Result.CategoryTotals[c].Units > cap.Limit.Units)
                    {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    [Property(MaxTest = 300)]
    public bool Total_IsTheSumOfCategoryTotals(int seed)
    {
        var s = ScoringGenerator.Small(seed);
        return AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries).Members.All(m =>
            m.Total.Units == m.CategoryTotals.Sum(c => c.Units)
            && !m.Awarded.IsNegative && !m.Deducted.IsPositive && !m.Clipped.IsNegative);
    }

    [Property(MaxTest = 300)]
    public bool AddingAnApprovedPositiveEntry_NeverLowersATotal_WhenCapsClip(int seed, int pick)
    {
        var s = ScoringGenerator.Small(seed, clipOnly: true);
        var book = s.RuleBook;
        var positiveItems = Enumerable.Range(0, book.Items.Length)
            .Where(i => book.Items[i].Versions.All(v => v.Kind is ItemKind.Fixed or ItemKind.Discretionary))
            .ToArray();
        if (positiveItems.Length == 0)
        {
            return true;
        }
        var random = new Random(pick);
        var subject = s.Roster[random.Next(s.Roster.Count)];
        var added = new AssessmentEntry(subject.Member, positiveItems[random.Next(positiveItems.Length)], s.Period.Start.PlusDays(random.Next(366)), random.Next(-3, 6))
        {
            Value = Points.From(random.Next(1, 6)),
        };
        var before = AssessmentEngine.Assess(book, s.Period, s.Roster, s.Entries)[subject.Member];
        var after = AssessmentEngine.Assess(book, s.Period, s.Roster, [.. s.Entries, added])[subject.Member];
        return after.Total >= before.Total;
    }

    [Property(MaxTest = 200)]
    public bool LiveAssessment_GivesWhatTheBulkAssessmentGives(int seed, int split)
    {
        var s = ScoringGenerator.Small(seed);
        int cut = s.Entries.Length == 0 ? 0 : Math.Abs(split % (s.Entries.Length + 1));
        var live = new LiveAssessment(s.RuleBook, s.Period, s.Roster, s.Entries.AsSpan(0, cut));
        _ = live.ToResult(); // results cached midway must be refreshed by later adds
        foreach (var entry in s.Entries.AsSpan(cut))
        {
            live.Add(in entry);
        }
        var bulk = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries);
        var liveResult = live.ToResult();
        return Describe(bulk) == Describe(liveResult)
               && bulk.EntriesOutsidePeriod == liveResult.EntriesOutsidePeriod
               && bulk.EntriesOfUnknownMembers == liveResult.EntriesOfUnknownMembers;
    }

    internal static string Describe(AssessmentResult result) =>
        string.Join("\n", result.Members.Select(Describe)) + $"\noutside={result.EntriesOutsidePeriod} unknown={result.EntriesOfUnknownMembers}";

    internal static string Describe(MemberAssessment m) =>
        $"{m.Member} [{string.Join(",", m.CategoryTotals)}] counts=[{string.Join(",", m.ItemCounts)}] awarded={m.Awarded} deducted={m.Deducted} clipped={m.Clipped} score={m.Score} veto={m.Vetoed} ignored={m.IgnoredEntries}";
}
