using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Scoring.Engine;

/// <summary>
/// A rule book compiled for one period and roster: every item version flattened into <see cref="ItemRule"/>s found by
/// date key, the period-level rules (caps, grants, thresholds, veto items, multipliers) as arrays, and the roster by
/// handle. Built once an assessment; the passes and the replay read it, and <see cref="Finish(int, ReadOnlySpan{long}, Tally, ResultColumns, int)"/>
/// turns a member's tally into the member's result.
/// </summary>
internal sealed class CompiledRuleBook
{
    private readonly int[] vetoItemList;
    private readonly Factor[] kindMultipliers;

    // The period-level rules flattened for Finish: item and category caps as limits (long.MaxValue when
    // none), grants and thresholds with kind masks, and a threshold's ratio × expected as a whole count.
    private readonly int[] itemCategory;
    private readonly long[] itemCapLimit;
    private readonly bool[] itemCapRefuse;
    private readonly long[] categoryCapLimit;
    private readonly bool[] categoryCapRefuse;
    private readonly int[] sideItemList;

    internal CompiledRuleBook(RuleBook book, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster)
    {
        Book = book;
        Period = period;
        ItemCount = book.Items.Length;
        Members = AssessmentRoster.Create(roster);
        PeriodVersions = new RuleItemVersion?[ItemCount];
        ItemCaps = new PointsCap?[ItemCount];
        CategoryCaps = [.. book.Categories.Select(c => PeriodScaling.Scale(c.Cap, c.Period, period))];
        vetoItemList = [.. Enumerable.Range(0, ItemCount).Where(i => book.Versions[i].Any(v => v.Kind == ItemKind.Veto))];
        kindMultipliers = [.. Enum.GetValues<MemberKind>().Select(k => new Factor(book.MultiplierFor(k)))];
        var thresholds = new List<(int Item, ThresholdRule Rule, long Penalty, int CountedItem)>();
        var grants = new List<(int Item, long Units, RuleItemVersion Version)>();
        for (int i = 0; i < ItemCount; i++)
        {
            var atEnd = book.VersionOn(i, period.End);
            PeriodVersions[i] = atEnd;
            ItemCaps[i] = PeriodScaling.Scale(atEnd?.Cap, atEnd?.Period, period);
            if (atEnd is { Kind: ItemKind.Threshold, Threshold: not null })
            {
                var rule = atEnd.Threshold with { Expected = PeriodScaling.Scale(atEnd.Threshold.Expected, atEnd.Period, period) };
                thresholds.Add((i, rule, PeriodScaling.Scale(atEnd.Points.Units, atEnd.Period, period), book.IndexOfItem(atEnd.Threshold.CountedItem)));
            }
            if (atEnd is { Kind: ItemKind.AutomaticGrant })
            {
                grants.Add((i, PeriodScaling.Scale(atEnd.Points.Units, atEnd.Period, period), atEnd));
            }
        }

        StartKey = Key(period.Start);
        EndKey = Key(period.End);
        SegmentStart = new int[ItemCount + 1];
        var fromKeys = new List<int>();
        var rules = new List<ItemRule>();
        SideItems = new bool[ItemCount];
        for (int i = 0; i < ItemCount; i++)
        {
            SegmentStart[i] = rules.Count;
            bool positive = false, negative = false, once = false;
            foreach (var version in book.Versions[i])
            {
                if (version.OncePerPeriod && PeriodScaling.AssessedLonger(version.Period, period) && version.EffectiveFrom <= period.End)
                {
                    throw Preconditions.InvalidArgument(
                        $"Item '{book.Items[i].Code}' counts once a {version.Period.ToString()!.ToLowerInvariant()}; {period.Label} is longer, and one pass over it cannot tell the {version.Period.ToString()!.ToLowerInvariant()}s apart: assess it period by period.",
                        nameof(period));
                }
                fromKeys.Add(Key(version.EffectiveFrom));
                var rule = new ItemRule(version);
                rules.Add(rule);
                var (p, n) = rule.Signs;
                positive |= p;
                negative |= n;
                once |= version.OncePerPeriod;
            }
            SideItems[i] = once || (positive && negative);
        }
        SegmentStart[ItemCount] = rules.Count;
        SegmentFromKey = [.. fromKeys];
        SegmentRules = [.. rules];

        itemCategory = [.. book.ItemCategories];
        itemCapLimit = [.. ItemCaps.Select(c => c?.Limit.Units ?? long.MaxValue)];
        itemCapRefuse = [.. ItemCaps.Select(c => c?.Mode == CapMode.Refuse)];
        categoryCapLimit = [.. CategoryCaps.Select(c => c?.Limit.Units ?? long.MaxValue)];
        categoryCapRefuse = [.. CategoryCaps.Select(c => c?.Mode == CapMode.Refuse)];
        GrantRules = [.. grants.Where(g => g.Units != 0).Select(g => (g.Item, g.Units, MaskOf(g.Version)))];
        ThresholdRules = [.. thresholds.Select(t => (t.Item, t.CountedItem, t.Penalty, MaskOf(PeriodVersions[t.Item]!), MinimumCount(t.Rule)))];
        sideItemList = [.. Enumerable.Range(0, ItemCount).Where(i => SideItems[i])];
    }

    internal int StartKey { get; }

    internal int EndKey { get; }

    /// <summary>Per item, where its versions start in <see cref="SegmentFromKey"/> and <see cref="SegmentRules"/>.</summary>
    internal int[] SegmentStart { get; }

    internal int[] SegmentFromKey { get; }

    internal ItemRule[] SegmentRules { get; }

    /// <summary>Items whose occurrences go to the side table (once per period, or both signs possible).</summary>
    internal bool[] SideItems { get; }

    /// <summary>An order-preserving number for an ISO date, cheaper to compare than a LocalDate.</summary>
    internal static int Key(LocalDate date) => (date.Year << 9) | (date.Month << 5) | date.Day;

    /// <summary>The flattened version of an item in force on a date key.</summary>
    internal ref readonly ItemRule RuleOn(int item, int key, out bool inForce) => ref SegmentRules[SegmentOn(item, key, out inForce)];

    /// <summary>The position in <see cref="SegmentRules"/> of the item's version in force on a date key (the first version when none is yet).</summary>
    internal int SegmentOn(int item, int key, out bool inForce)
    {
        int first = SegmentStart[item];
        int s = SegmentStart[item + 1] - 1;
        while (s > first && SegmentFromKey[s] > key)
        {
            s--;
        }
        inForce = SegmentFromKey[s] <= key;
        return s;
    }

    internal RuleBook Book { get; }

    internal AssessmentPeriod Period { get; }

    internal int ItemCount { get; }

    /// <summary>The roster in id order: row m is member handle m.</summary>
    internal AssessmentRoster Members { get; }

    internal RuleItemVersion?[] PeriodVersions { get; }

    /// <summary>Each item's cap for the period (the version in force on the last day), fitted to the period by <see cref="PeriodScaling"/>.</summary>
    internal PointsCap?[] ItemCaps { get; }

    /// <summary>Each category's cap for the period, fitted to the period by <see cref="PeriodScaling"/>.</summary>
    internal PointsCap?[] CategoryCaps { get; }

    /// <summary>The period's automatic grants: item, points and the kind mask of the version in force on the last day.</summary>
    internal (int Item, long Units, int Mask)[] GrantRules { get; }

    /// <summary>The period's threshold rules: a member of a masked kind with fewer than <c>MinimumCount</c> occurrences of <c>Counted</c> gets <c>Penalty</c>.</summary>
    internal (int Item, int Counted, long Penalty, int Mask, int MinimumCount)[] ThresholdRules { get; }

    internal int MemberIndex(MemberId member) => Members.Map.HandleOf(member.Value);

    /// <summary>Member handle + 1 by id when the roster's ids are dense, else null.</summary>
    internal int[]? MemberTable => Members.Map.DenseTable;

    private static int MaskOf(RuleItemVersion version) => new ItemRule(version).EligibleMask;

    /// <summary>The smallest whole count that is not below the threshold (count &lt; ratio × expected, for whole counts).</summary>
    private static int MinimumCount(ThresholdRule rule) => (int)Math.Min(int.MaxValue, decimal.Ceiling(rule.MinimumRatio * rule.Expected));

    internal static bool Eligible(RuleItemVersion version, MemberKind kind)
    {
        var kinds = version.EligibleKinds;
        if (kinds.Count == 0)
        {
            return true;
        }
        for (int i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == kind)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The points an entry is worth under the version in force on its date, or false when it does not count.</summary>
    internal bool TryValue(in AssessmentEntry e, MemberKind kind, out long value, out bool once)
    {
        ref readonly var rule = ref RuleOn(e.ItemIndex, Key(e.OccurredOn), out bool inForce);
        once = rule.OncePerPeriod;
        if (!inForce || (rule.EligibleMask & (1 << (int)kind)) == 0)
        {
            value = 0;
            return false;
        }
        return rule.TryValue(in e, out value);
    }

    internal EntryOutcomeKind WhyIgnored(in AssessmentEntry e, MemberKind kind)
    {
        var version = Book.VersionOn(e.ItemIndex, e.OccurredOn);
        if (version is null)
        {
            return EntryOutcomeKind.IgnoredNoVersionInForce;
        }
        if (!Eligible(version, kind))
        {
            return EntryOutcomeKind.IgnoredNotEligible;
        }
        return version.Kind is ItemKind.Threshold or ItemKind.AutomaticGrant ? EntryOutcomeKind.IgnoredComputedItem : EntryOutcomeKind.IgnoredBadTier;
    }

    /// <summary>The closed form for one member, written to row <paramref name="row"/>; false when a refuse-mode cap binds and the member must be replayed in order.</summary>
    internal bool Finish(int m, ReadOnlySpan<long> packedRow, Tally tally, ResultColumns results, int row) => Finish(m, packedRow, [], tally, results, row);

    /// <summary>As above, with the member's side accumulators by item in <paramref name="sideRow"/> (when empty: the tally's side table).</summary>
    internal bool Finish(int m, ReadOnlySpan<long> packedRow, ReadOnlySpan<Accumulator> sideRow, Tally tally, ResultColumns results, int row)
    {
        int kindBit = Members.KindBit(m);
        int categories = categoryCapLimit.Length;
        Span<long> categoryPositive = categories <= 64 ? stackalloc long[categories] : new long[categories];
        Span<long> categoryNegative = categories <= 64 ? stackalloc long[categories] : new long[categories];
        Span<int> counts = ItemCount <= 256 ? stackalloc int[ItemCount] : new int[ItemCount];
        long raw = 0;
        foreach (var (i, units, mask) in GrantRules)
        {
            if ((mask & kindBit) != 0)
            {
                counts[i]++;
                raw += units;
                if (!AddCapped(i, units, categoryPositive))
                {
                    return false;
                }
            }
        }
        for (int i = 0; i < packedRow.Length; i++)
        {
            long p = packedRow[i];
            if (p == 0)
            {
                continue;
            }
            int count = (int)(p & Tally.CountMask);
            long sum = p >> Tally.CountBits;
            counts[i] += count;
            if (sum < 0)
            {
                categoryNegative[itemCategory[i]] += sum;
            }
            else if (sum > 0)
            {
                raw += sum;
                if (!AddCapped(i, sum, categoryPositive))
                {
                    return false;
                }
            }
        }
        if (tally.Side.Count > 0 || !sideRow.IsEmpty)
        {
            foreach (int i in sideItemList)
            {
                Accumulator a;
                if (!sideRow.IsEmpty)
                {
                    a = sideRow[i];
                }
                else if (!tally.Side.TryGetValue(m * ItemCount + i, out a))
                {
                    continue;
                }
                long positive = a.Positive, negative = a.Negative;
                int count = a.Count - a.OnceCount;
                if (a.OnceCount > 0)
                {
                    count++;
                    if (a.FirstValue >= 0) positive += a.FirstValue; else negative += a.FirstValue;
                }
                if (count == 0)
                {
                    continue;
                }
                counts[i] += count;
                raw += positive;
                categoryNegative[itemCategory[i]] += negative;
                if (positive > 0 && !AddCapped(i, positive, categoryPositive))
                {
                    return false;
                }
            }
        }
        foreach (var (i, counted, penalty, mask, minimumCount) in ThresholdRules)
        {
            if ((mask & kindBit) != 0 && counts[counted] < minimumCount)
            {
                categoryNegative[itemCategory[i]] += penalty;
                counts[i]++;
            }
        }
        for (int c = 0; c < categories; c++)
        {
            if (categoryPositive[c] > categoryCapLimit[c])
            {
                if (categoryCapRefuse[c])
                {
                    return false;
                }
                categoryPositive[c] = categoryCapLimit[c];
            }
        }
        Build(m, categoryPositive, categoryNegative, counts, results, row, raw, tally.Ignored[m]);
        return true;
    }

    /// <summary>Adds an item's positive sum under its item cap; false when a refuse-mode item cap binds.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool AddCapped(int item, long positive, Span<long> categoryPositive)
    {
        if (positive > itemCapLimit[item])
        {
            if (itemCapRefuse[item])
            {
                return false;
            }
            positive = itemCapLimit[item];
        }
        categoryPositive[itemCategory[item]] += positive;
        return true;
    }

    /// <summary>Results for the whole roster, one row a member.</summary>
    internal ResultColumns NewResults() => new(Members, ItemCount, categoryCapLimit.Length);

    /// <summary>Results for member <paramref name="m"/> alone, in a row of its own.</summary>
    internal ResultColumns NewResults(int m) => new(Members.Row(m), ItemCount, categoryCapLimit.Length);

    /// <summary>Writes member <paramref name="m"/>'s counts, totals, score and veto flag to row <paramref name="row"/>.</summary>
    internal void Build(int m, ReadOnlySpan<long> categoryPositive, ReadOnlySpan<long> categoryNegative, ReadOnlySpan<int> counts, ResultColumns results, int row, long raw, int ignored)
    {
        long awarded = 0, deducted = 0;
        for (int c = 0; c < categoryPositive.Length; c++)
        {
            results.SetTotal(row, c, categoryPositive[c] + categoryNegative[c]);
            awarded += categoryPositive[c];
            deducted += categoryNegative[c];
        }
        results.SetCounts(row, counts);
        bool vetoed = false;
        foreach (int i in vetoItemList)
        {
            vetoed |= counts[i] > 0;
        }
        var total = Points.FromUnits(awarded + deducted);
        long score = kindMultipliers[(int)Members.Kind(m)].Apply(total.Units);
        if (Members.HasOwnMultiplier(m))
        {
            score = Points.FromUnits(score).Multiply(Members.Multiplier(m)).Units;
        }
        results.SetScalars(row, awarded, deducted, raw - awarded, score, vetoed, ignored);
    }
}
