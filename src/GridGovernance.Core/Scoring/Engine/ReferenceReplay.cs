namespace GridGovernance.Scoring.Engine;

/// <summary>
/// The reference algorithm: one member's entries applied one by one in canonical order, caps as they bind. What
/// <see cref="AssessmentEngine.Explain"/> reports entry by entry, and what the bulk passes fall back to for a member
/// whose refuse-mode cap binds (their closed form then depends on order).
/// </summary>
internal static class ReferenceReplay
{
    /// <summary>Explains <paramref name="subject"/>'s result (the compiled roster's only member) from its entries in the period.</summary>
    internal static MemberExplanation Explain(CompiledRuleBook compiled, AssessmentSubject subject, ReadOnlySpan<AssessmentEntry> entries)
    {
        var mine = new List<AssessmentEntry>();
        foreach (var e in entries)
        {
            if (e.Member == subject.Member && compiled.Period.Contains(e.OccurredOn))
            {
                mine.Add(e);
            }
        }
        var outcomes = new List<EntryOutcome>();
        var result = compiled.NewResults();
        Simulate(compiled, 0, mine, outcomes, result, 0);
        return new MemberExplanation(new MemberAssessment(result, 0), [.. outcomes]);
    }

    /// <summary>Replays <paramref name="members"/> in order from <paramref name="entries"/>, writing their rows of <paramref name="results"/>.</summary>
    internal static void Replay(CompiledRuleBook compiled, ReadOnlySpan<AssessmentEntry> entries, List<int> members, ResultColumns results)
    {
        var lists = members.ToDictionary(m => m, _ => new List<AssessmentEntry>());
        foreach (ref readonly var e in entries)
        {
            if (compiled.Period.Contains(e.OccurredOn))
            {
                int m = compiled.MemberIndex(e.Member);
                if (m >= 0 && lists.TryGetValue(m, out var list))
                {
                    list.Add(e);
                }
            }
        }
        foreach (var (m, list) in lists)
        {
            Simulate(compiled, m, list, outcomes: null, results, m);
        }
    }

    /// <summary>The reference algorithm: applies one member's entries in canonical order, and writes the result to row <paramref name="row"/>.</summary>
    internal static void Simulate(CompiledRuleBook compiled, int m, List<AssessmentEntry> entries, List<EntryOutcome>? outcomes, ResultColumns results, int row)
    {
        var book = compiled.Book;
        var kind = compiled.Members.Kind(m);
        int items = compiled.ItemCount;
        var itemPositive = new long[items];
        var categoryPositive = new long[book.Categories.Length];
        var categoryNegative = new long[book.Categories.Length];
        var counts = new int[items];
        long raw = 0;
        int ignored = 0;

        // Grants first: they stand at the start of the period.
        int kindBit = compiled.Members.KindBit(m);
        foreach (var (i, units, mask) in compiled.GrantRules)
        {
            if ((mask & kindBit) != 0)
            {
                raw += units;
                long counted = ApplyCaps(compiled, i, units, itemPositive, categoryPositive, out var outcome);
                counts[i]++;
                outcomes?.Add(new EntryOutcome(null, book.Items[i].Code, Points.FromUnits(units), Points.FromUnits(counted), outcome));
            }
        }

        entries.Sort(static (x, y) =>
        {
            int c = x.OccurredOn.CompareTo(y.OccurredOn);
            if (c == 0) c = x.Sequence.CompareTo(y.Sequence);
            if (c == 0) c = x.ItemIndex.CompareTo(y.ItemIndex);
            if (c == 0) c = y.Value.CompareTo(x.Value);
            // A total order on everything the outcome depends on, so the unstable sort cannot make the replay
            // depend on the input order.
            if (c == 0) c = x.Tier.CompareTo(y.Tier);
            if (c == 0) c = x.AfterReminder.CompareTo(y.AfterReminder);
            return c;
        });
        var chosen = new int[items];
        Array.Fill(chosen, -1);
        for (int k = 0; k < entries.Count; k++)
        {
            var e = entries[k];
            if ((uint)e.ItemIndex < (uint)items && compiled.TryValue(in e, kind, out long v, out bool isOnce) && isOnce)
            {
                int c = chosen[e.ItemIndex];
                if (c < 0)
                {
                    chosen[e.ItemIndex] = k;
                }
                else
                {
                    var other = entries[c];
                    compiled.TryValue(in other, kind, out long ov, out _);
                    if (Accumulator.Preferred(v, CompiledRuleBook.Key(e.OccurredOn), e.Sequence, ov, CompiledRuleBook.Key(other.OccurredOn), other.Sequence))
                    {
                        chosen[e.ItemIndex] = k;
                    }
                }
            }
        }
        for (int k = 0; k < entries.Count; k++)
        {
            var e = entries[k];
            if ((uint)e.ItemIndex >= (uint)items)
            {
                throw Preconditions.InvalidInput(nameof(entries), ErrorCodes.OutOfRange, $"An entry names item position {e.ItemIndex}, but the rule book '{book.Id}' has {items} items.");
            }
            string code = book.Items[e.ItemIndex].Code;
            if (!compiled.TryValue(in e, kind, out long value, out bool once))
            {
                ignored++;
                outcomes?.Add(new EntryOutcome(e, code, Points.Zero, Points.Zero, compiled.WhyIgnored(in e, kind)));
                continue;
            }
            if (once && chosen[e.ItemIndex] != k)
            {
                outcomes?.Add(new EntryOutcome(e, code, Points.FromUnits(value), Points.Zero, EntryOutcomeKind.RefusedOncePerPeriod));
                continue;
            }
            counts[e.ItemIndex]++;
            if (value < 0)
            {
                categoryNegative[book.ItemCategories[e.ItemIndex]] += value;
                outcomes?.Add(new EntryOutcome(e, code, Points.FromUnits(value), Points.FromUnits(value), EntryOutcomeKind.Counted));
                continue;
            }
            raw += value;
            long counted = ApplyCaps(compiled, e.ItemIndex, value, itemPositive, categoryPositive, out var kindOfOutcome);
            outcomes?.Add(new EntryOutcome(e, code, Points.FromUnits(value), Points.FromUnits(counted), kindOfOutcome));
        }

        foreach (var (i, countedItem, penalty, mask, minimumCount) in compiled.ThresholdRules)
        {
            if ((mask & kindBit) != 0 && counts[countedItem] < minimumCount)
            {
                categoryNegative[book.ItemCategories[i]] += penalty;
                counts[i]++;
                outcomes?.Add(new EntryOutcome(null, book.Items[i].Code, Points.FromUnits(penalty), Points.FromUnits(penalty), EntryOutcomeKind.Counted));
            }
        }
        compiled.Build(m, categoryPositive, categoryNegative, counts, results, row, raw, ignored);
    }

    private static long ApplyCaps(CompiledRuleBook compiled, int item, long value, long[] itemPositive, long[] categoryPositive, out EntryOutcomeKind outcome)
    {
        outcome = EntryOutcomeKind.Counted;
        long afterItem = value;
        if (compiled.ItemCaps[item] is PointsCap cap)
        {
            long room = Math.Max(0, cap.Limit.Units - itemPositive[item]);
            if (value > room)
            {
                afterItem = cap.Mode == CapMode.Clip ? room : 0;
                outcome = afterItem == 0 ? EntryOutcomeKind.RefusedByItemCap : EntryOutcomeKind.ClippedByItemCap;
            }
        }
        itemPositive[item] += afterItem;
        int category = compiled.Book.ItemCategories[item];
        long counted = afterItem;
        if (compiled.CategoryCaps[category] is PointsCap categoryCap && afterItem > 0)
        {
            long room = Math.Max(0, categoryCap.Limit.Units - categoryPositive[category]);
            if (afterItem > room)
            {
                counted = categoryCap.Mode == CapMode.Clip ? room : 0;
                outcome = counted == 0 ? EntryOutcomeKind.RefusedByCategoryCap : EntryOutcomeKind.ClippedByCategoryCap;
            }
        }
        categoryPositive[category] += counted;
        return counted;
    }
}
