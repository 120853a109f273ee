using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Scoring.Engine;

/// <summary>
/// The engine over <see cref="ScoringGenerator.Small"/> scenarios (every item kind, cap mode, version change and
/// multiplier, entries outside the period too), which shrink by entries, then members.
/// </summary>
public sealed class AssessmentEngineProperties
{
    /// <summary>Small scenarios that shrink (<see cref="LedgerArbitraries.ShrinkScenario"/>).</summary>
    internal static Arbitrary<ScoringScenario> Scenarios(bool clipOnly = false) =>
        SeededArbitraries.Seeded(seed => ScoringGenerator.Small(seed, clipOnly), LedgerArbitraries.ShrinkScenario);

    [Property(MaxTest = 300)]
    public Property Assessment_IsIndependentOfEntryAndRosterOrder() => Prop.ForAll(Scenarios(), Choices.Arbitrary(), (s, order) =>
    {
        var first = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries);
        var second = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster.OrderBy(_ => order.Next()).ToArray(), s.Entries.OrderBy(_ => order.Next()).ToArray());
        return Describe(first) == Describe(second);
    });

    [Property(MaxTest = 300)]
    public Property BulkAssessment_EqualsTheInOrderReplay_ForEveryMember() => Prop.ForAll(Scenarios(), s =>
    {
        var bulk = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries);
        return s.Roster.All(subject => Describe(bulk[subject.Member]) == Describe(AssessmentEngine.Explain(s.RuleBook, s.Period, subject, s.Entries).Result));
    });

    [Property(MaxTest = 300)]
    public Property NoCap_IsEverExceeded() => Prop.ForAll(Scenarios(), s =>
    {
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
    });

    [Property(MaxTest = 300)]
    public Property Total_IsTheSumOfCategoryTotals() => Prop.ForAll(Scenarios(), s =>
        AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries).Members.All(m =>
            m.Total.Units == m.CategoryTotals.Sum(c => c.Units)
            && !m.Awarded.IsNegative && !m.Deducted.IsPositive && !m.Clipped.IsNegative));

    [Property(MaxTest = 300)]
    public Property AddingAnApprovedPositiveEntry_NeverLowersATotal_WhenCapsClip() => Prop.ForAll(Scenarios(clipOnly: true), Choices.Arbitrary(), (s, random) =>
    {
        var book = s.RuleBook;
        var positiveItems = Enumerable.Range(0, book.Items.Length)
            .Where(i => book.Items[i].Versions.All(v => v.Kind is ItemKind.Fixed or ItemKind.Discretionary))
            .ToArray();
        if (positiveItems.Length == 0)
        {
            return true;
        }
        var subject = s.Roster[random.Next(s.Roster.Count)];
        var added = new AssessmentEntry(subject.Member, positiveItems[random.Next(positiveItems.Length)], s.Period.Start.PlusDays(random.Next(366)), random.Next(-3, 6))
        {
            Value = Points.From(random.Next(1, 6)),
        };
        var before = AssessmentEngine.Assess(book, s.Period, s.Roster, s.Entries)[subject.Member];
        var after = AssessmentEngine.Assess(book, s.Period, s.Roster, [.. s.Entries, added])[subject.Member];
        return after.Total >= before.Total;
    });

    [Property(MaxTest = 200)]
    public Property LiveAssessment_GivesWhatTheBulkAssessmentGives() => Prop.ForAll(Scenarios(), ArbMap.Default.ArbFor<int>(), (s, split) =>
    {
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
    });

    internal static string Describe(AssessmentResult result) =>
        string.Join("\n", result.Members.Select(Describe)) + $"\noutside={result.EntriesOutsidePeriod} unknown={result.EntriesOfUnknownMembers}";

    internal static string Describe(MemberAssessment m) =>
        $"{m.Member} [{string.Join(",", m.CategoryTotals)}] counts=[{string.Join(",", m.ItemCounts)}] awarded={m.Awarded} deducted={m.Deducted} clipped={m.Clipped} score={m.Score} veto={m.Vetoed} ignored={m.IgnoredEntries}";
}
