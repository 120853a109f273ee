using GridGovernance.Scoring;

namespace GridGovernance.Benchmarks.Scoring;

/// <summary>
/// The baseline an application would write: LINQ GroupBy by member and item, then the same rules (version by
/// occurrence date, clip caps per item and category, grants, thresholds, once-per-period, multipliers).
/// Only clip caps are handled, which is all the benchmark's rule book uses.
/// </summary>
internal static class LinqAssessment
{
    internal static Dictionary<GridGovernance.MemberId, Points> Assess(RuleBook book, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster, AssessmentEntry[] entries)
    {
        var subjects = roster.ToDictionary(s => s.Member);
        var byMember = entries
            .Where(e => period.Contains(e.OccurredOn) && subjects.ContainsKey(e.Member))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.ToList());
        var result = new Dictionary<GridGovernance.MemberId, Points>();
        foreach (var subject in roster)
        {
            var mine = byMember.GetValueOrDefault(subject.Member) ?? [];
            var counted = mine
                .Select(e => (Entry: e, Version: book.VersionOn(e.ItemIndex, e.OccurredOn)))
                .Where(x => x.Version is not null && (x.Version.EligibleKinds.Count == 0 || x.Version.EligibleKinds.Contains(subject.Kind)))
                .Select(x => (x.Entry, x.Version, Value: ValueOf(x.Entry, x.Version!)))
                .Where(x => x.Value is not null)
                .GroupBy(x => x.Entry.ItemIndex)
                .Select(g =>
                {
                    var version = book.VersionOn(g.Key, period.End)!;
                    var values = g.First().Version!.OncePerPeriod
                        ? [g.OrderByDescending(x => x.Value!.Value).ThenBy(x => x.Entry.OccurredOn).ThenBy(x => x.Entry.Sequence).First().Value!.Value]
                        : g.Select(x => x.Value!.Value).ToList();
                    long positive = values.Where(v => v > 0).Sum();
                    long negative = values.Where(v => v < 0).Sum();
                    if (version.Cap is PointsCap cap)
                    {
                        positive = Math.Min(positive, cap.Limit.Units);
                    }
                    return (Item: g.Key, Category: book.ItemCategories[g.Key], Positive: positive, Negative: negative, Count: values.Count);
                })
                .ToList();
            var counts = counted.ToDictionary(c => c.Item, c => c.Count);
            var grants = Enumerable.Range(0, book.Items.Length)
                .Select(i => (Item: i, Version: book.VersionOn(i, period.End)))
                .Where(x => x.Version is { Kind: ItemKind.AutomaticGrant } v && (v.EligibleKinds.Count == 0 || v.EligibleKinds.Contains(subject.Kind)))
                .Select(x => (x.Item, Category: book.ItemCategories[x.Item], Positive: x.Version!.Points.Units, Negative: 0L, Count: 1));
            var thresholds = Enumerable.Range(0, book.Items.Length)
                .Select(i => (Item: i, Version: book.VersionOn(i, period.End)))
                .Where(x => x.Version is { Kind: ItemKind.Threshold } v
                            && counts.GetValueOrDefault(book.IndexOfItem(v.Threshold!.CountedItem)) < v.Threshold.MinimumRatio * v.Threshold.Expected)
                .Select(x => (x.Item, Category: book.ItemCategories[x.Item], Positive: 0L, Negative: x.Version!.Points.Units, Count: 1));
            long total = counted.Concat(grants).Concat(thresholds)
                .GroupBy(c => c.Category)
                .Sum(g =>
                {
                    long positive = g.Sum(c => c.Positive);
                    if (book.Categories[g.Key].Cap is PointsCap cap)
                    {
                        positive = Math.Min(positive, cap.Limit.Units);
                    }
                    return positive + g.Sum(c => c.Negative);
                });
            result[subject.Member] = Points.FromUnits(total).Multiply(book.MultiplierFor(subject.Kind)).Multiply(subject.Multiplier);
        }
        return result;
    }

    private static long? ValueOf(AssessmentEntry e, RuleItemVersion v) => v.Kind switch
    {
        ItemKind.Fixed or ItemKind.Deduction or ItemKind.Veto => v.Points.Units * (e.AfterReminder && v.DoubleAfterReminder ? 2 : 1),
        ItemKind.Discretionary => Math.Clamp(e.Value.Units, v.Minimum!.Value.Units, v.Maximum!.Value.Units),
        ItemKind.Tiered when e.Tier < v.Tiers.Count => v.Tiers[e.Tier].Points.Units * (e.AfterReminder && v.DoubleAfterReminder ? 2 : 1),
        _ => null,
    };
}
