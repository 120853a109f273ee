using System.Runtime.InteropServices;
using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Scoring;

/// <summary>
/// The assessment engine (量化考核): folds a period's approved ledger entries into each member's category
/// totals after caps, deductions, veto flags, counts and score. Pure and deterministic: the same rule book,
/// period, roster and entries give the same result whatever the order of the entries or the roster.
/// </summary>
/// <remarks>
/// <para>
/// Caps are applied in occurrence order: entries sorted by (occurrence date, sequence, item, value descending),
/// automatic grants first. For clip caps the totals do not depend on that order, so the engine sums in one
/// pass over the entries; only a member whose refuse-mode cap actually binds is replayed in order. Of the
/// occurrences of a once-per-period item, the one worth most counts (on a tie, the earliest), so with clip caps
/// adding an award never lowers a total; refuse caps are by nature not monotone (an earlier small award can
/// crowd out a later large one). Period-level
/// rules (caps, thresholds, grants) use the item version in force on the period's last day; the points of each
/// entry come from the version in force on its occurrence date.
/// </para>
/// <para><see cref="Explain"/> replays one member in order and says, entry by entry, what counted, what was
/// clipped and what was refused, and why.</para>
/// </remarks>
[Immutable]
public static partial class AssessmentEngine
{
    /// <summary>Assesses a roster over a period.</summary>
    /// <param name="ruleBook">The rules.</param>
    /// <param name="period">The period.</param>
    /// <param name="roster">The members assessed; each member once.</param>
    /// <param name="entries">Approved, effective entries (reversed entries and reversals left out); entries outside the period or of members not on the roster are skipped and counted.</param>
    /// <returns>One result per member of the roster, in id order.</returns>
    /// <exception cref="ArgumentException">A member is on the roster twice or a subject has no member or an undefined kind, or an entry names an
    /// item position the rule book does not have.</exception>
    public static AssessmentResult Assess(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster, ReadOnlySpan<AssessmentEntry> entries)
    {
        var plan = new Plan(Preconditions.CheckNotNull(ruleBook), Preconditions.CheckNotNull(period), Preconditions.CheckNotNull(roster));
        var tally = new Tally(plan);
        int outside = 0, unknown = 0;

        FastPass(plan, tally, entries, ref outside, ref unknown);

        var results = plan.NewResults();
        List<int>? replay = null;
        for (int m = 0; m < results.Rows; m++)
        {
            if (!plan.Finish(m, tally.Row(m), tally, results, m))
            {
                (replay ??= []).Add(m);
            }
        }
        if (replay is not null)
        {
            Replay(plan, entries, replay, results);
        }
        return new AssessmentResult(ruleBook, period, results, outside, unknown);
    }

    /// <summary>
    /// Replays one member's entries in order and reports each entry's outcome: counted, clipped to a cap,
    /// refused by a cap or by a once-per-period rule, or ignored (and why). What a member sees as "caps they
    /// can see".
    /// </summary>
    /// <param name="ruleBook">The rules.</param>
    /// <param name="period">The period.</param>
    /// <param name="subject">The member.</param>
    /// <param name="entries">Entries (other members' and other periods' are skipped).</param>
    /// <returns>The member's result and the outcome of each of their entries, in the order applied.</returns>
    public static MemberExplanation Explain(RuleBook ruleBook, AssessmentPeriod period, AssessmentSubject subject, ReadOnlySpan<AssessmentEntry> entries)
    {
        var plan = new Plan(Preconditions.CheckNotNull(ruleBook), Preconditions.CheckNotNull(period), [subject]);
        var mine = new List<AssessmentEntry>();
        foreach (var e in entries)
        {
            if (e.Member == subject.Member && period.Contains(e.OccurredOn))
            {
                mine.Add(e);
            }
        }
        var outcomes = new List<EntryOutcome>();
        var result = plan.NewResults();
        Simulate(plan, 0, mine, outcomes, result, 0);
        return new MemberExplanation(new MemberAssessment(result, 0), [.. outcomes]);
    }

    private const int CountBits = 20;
    private const long CountMask = (1L << CountBits) - 1;

    internal enum Added
    {
        Counted,
        Ignored,
        OutsidePeriod,
        UnknownMember,
    }

    /// <summary>
    /// The bulk pass with everything the common case needs held in locals: single-signed items whose version is
    /// found in one step, members from a dense id table. Anything else goes through <see cref="Accumulate"/>, so
    /// both paths give the same tally.
    /// </summary>
    private static unsafe void FastPass(Plan plan, Tally tally, ReadOnlySpan<AssessmentEntry> entries, ref int outside, ref int unknown)
    {
        var table = plan.MemberTable;
        if (table is null || !System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            for (int k = 0; k < entries.Length; k++)
            {
                var added = Accumulate(plan, tally, in entries[k], out _);
                outside += added == Added.OutsidePeriod ? 1 : 0;
                unknown += added == Added.UnknownMember ? 1 : 0;
            }
            return;
        }
        const int Ahead = 16;
        int items = plan.ItemCount;
        int startKey = plan.StartKey, endKey = plan.EndKey;
        var segmentStart = plan.SegmentStart;
        var segmentFrom = plan.SegmentFromKey;
        var rules = plan.SegmentRules;
        var side = plan.SideItems;
        var roster = plan.Members;
        var packedArray = tally.Packed;
        fixed (long* packedBase = packedArray)
        {
            for (int k = 0; k < entries.Length; k++)
            {
                if (k + Ahead < entries.Length)
                {
                    ref readonly var ahead = ref entries[k + Ahead];
                    uint id = (uint)ahead.Member.Value;
                    if (id < (uint)table.Length && (uint)ahead.ItemIndex < (uint)items)
                    {
                        long slot = (long)(table[id] - 1) * items + ahead.ItemIndex;
                        if ((ulong)slot < (ulong)packedArray.Length)
                        {
                            System.Runtime.Intrinsics.X86.Sse.Prefetch0(packedBase + slot);
                        }
                    }
                }
                ref readonly var e = ref entries[k];
                int item = e.ItemIndex;
                uint memberId = (uint)e.Member.Value;
                int key = Plan.Key(e.OccurredOn);
                int m = memberId < (uint)table.Length ? table[memberId] - 1 : -1;
                if (m < 0 || (uint)item >= (uint)items || side[item] || key < startKey || key > endKey
                    || segmentStart[item + 1] - segmentStart[item] != 1)
                {
                    var added = Accumulate(plan, tally, in e, out _);
                    outside += added == Added.OutsidePeriod ? 1 : 0;
                    unknown += added == Added.UnknownMember ? 1 : 0;
                    continue;
                }
                int s = segmentStart[item];
                ref readonly var rule = ref rules[s];
                if (segmentFrom[s] > key || (rule.EligibleMask & roster.KindBit(m)) == 0)
                {
                    tally.Ignored[m]++;
                    continue;
                }
                if (!TryValue(in rule, in e, out long value))
                {
                    tally.Ignored[m]++;
                    continue;
                }
                long* packed = packedBase + ((long)m * items + item);
                long add = (value << CountBits) + 1;
                long next = *packed + add;
                if (((*packed ^ next) & (add ^ next)) < 0 || (*packed & CountMask) == CountMask)
                {
                    // Let the checked path report it.
                    Accumulate(plan, tally, in e, out _);
                    continue;
                }
                *packed = next;
            }
        }
    }

    private static ArgumentException TallyOverflow(Plan plan, int m, int item) =>
        new($"{plan.Members.Id(m)} has more points or occurrences of '{plan.Book.Items[item].Code}' in {plan.Period} than the engine can add up " +
            $"(at most {CountMask - 1:N0} occurrences and {(long.MaxValue >> CountBits) / Points.UnitsPerPoint:N0} points per member and item).", "entries");

    /// <summary>What an occurrence is worth under a flattened rule; false for a bad tier, or for a threshold or grant (the engine computes those itself).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool TryValue(in ItemRule rule, in AssessmentEntry e, out long value)
    {
        switch (rule.Kind)
        {
            case ItemKind.Fixed:
            case ItemKind.Deduction:
            case ItemKind.Veto:
                value = e.AfterReminder && rule.DoubleAfterReminder ? rule.Units * 2 : rule.Units;
                return true;
            case ItemKind.Discretionary:
                value = Math.Clamp(e.Value.Units, rule.Minimum, rule.Maximum);
                return true;
            case ItemKind.Tiered when (uint)e.Tier < (uint)rule.Tiers.Length:
                value = e.AfterReminder && rule.DoubleAfterReminder ? rule.Tiers[e.Tier] * 2 : rule.Tiers[e.Tier];
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>Folds one entry into the tally: O(1), no allocation on the common path.</summary>
    internal static Added Accumulate(Plan plan, Tally tally, in AssessmentEntry e, out int member)
    {
        member = -1;
        var date = e.OccurredOn;
        int key = Plan.Key(date);
        if (key < plan.StartKey || key > plan.EndKey)
        {
            return Added.OutsidePeriod;
        }
        int m = plan.MemberIndex(e.Member);
        if (m < 0)
        {
            return Added.UnknownMember;
        }
        member = m;
        return AccumulateMember(plan, tally, tally.Row(m), [], m, in e);
    }

    /// <summary>
    /// Folds one entry of a known member, inside the period, into the member's packed row or side accumulators: those
    /// of <paramref name="sideRow"/> (by item) when given, else the tally's side table.
    /// </summary>
    internal static Added AccumulateMember(Plan plan, Tally tally, Span<long> packedRow, Span<Accumulator> sideRow, int m, in AssessmentEntry e)
    {
        var date = e.OccurredOn;
        int key = Plan.Key(date);
        int items = plan.ItemCount;
        int item = e.ItemIndex;
        if ((uint)item >= (uint)items)
        {
            throw new ArgumentException($"An entry names item position {item}, but the rule book '{plan.Book.Id}' has {items} items.", "entries");
        }
        ref readonly var rule = ref plan.RuleOn(item, key, out bool inForce);
        if (!inForce || (rule.EligibleMask & (1 << (int)plan.Members.Kind(m))) == 0 || !TryValue(in rule, in e, out long value))
        {
            tally.Ignored[m]++;
            return Added.Ignored;
        }
        if (!plan.SideItems[item])
        {
            // Sum and count in one long: sum << 20 plus the count. Overflow is detected, never wrapped.
            ref long packed = ref packedRow[item];
            long add = (value << CountBits) + 1;
            long next = packed + add;
            if (((packed ^ next) & (add ^ next)) < 0 || (packed & CountMask) == CountMask)
            {
                throw TallyOverflow(plan, m, item);
            }
            packed = next;
            return Added.Counted;
        }
        ref var a = ref sideRow.IsEmpty ? ref CollectionsMarshal.GetValueRefOrAddDefault(tally.Side, m * items + item, out _) : ref sideRow[item];
        a.Add(value, rule.OncePerPeriod, key, e.Sequence);
        return Added.Counted;
    }

    private static void Replay(Plan plan, ReadOnlySpan<AssessmentEntry> entries, List<int> members, ResultColumns results)
    {
        var lists = members.ToDictionary(m => m, _ => new List<AssessmentEntry>());
        foreach (ref readonly var e in entries)
        {
            if (plan.Period.Contains(e.OccurredOn))
            {
                int m = plan.MemberIndex(e.Member);
                if (m >= 0 && lists.TryGetValue(m, out var list))
                {
                    list.Add(e);
                }
            }
        }
        foreach (var (m, list) in lists)
        {
            Simulate(plan, m, list, outcomes: null, results, m);
        }
    }

    /// <summary>The reference algorithm: applies one member's entries in canonical order, and writes the result to row <paramref name="row"/>.</summary>
    internal static void Simulate(Plan plan, int m, List<AssessmentEntry> entries, List<EntryOutcome>? outcomes, ResultColumns results, int row)
    {
        var book = plan.Book;
        var kind = plan.Members.Kind(m);
        int items = plan.ItemCount;
        var itemPositive = new long[items];
        var categoryPositive = new long[book.Categories.Length];
        var categoryNegative = new long[book.Categories.Length];
        var counts = new int[items];
        long raw = 0;
        int ignored = 0;

        // Grants first: they stand at the start of the period.
        int kindBit = plan.Members.KindBit(m);
        foreach (var (i, units, mask) in plan.GrantRules)
        {
            if ((mask & kindBit) != 0)
            {
                raw += units;
                long counted = ApplyCaps(plan, i, units, itemPositive, categoryPositive, out var outcome);
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
            if ((uint)e.ItemIndex < (uint)items && plan.TryValue(in e, kind, out long v, out bool isOnce) && isOnce)
            {
                int c = chosen[e.ItemIndex];
                if (c < 0)
                {
                    chosen[e.ItemIndex] = k;
                }
                else
                {
                    var other = entries[c];
                    plan.TryValue(in other, kind, out long ov, out _);
                    if (Preferred(v, e.OccurredOn, e.Sequence, ov, other.OccurredOn, other.Sequence))
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
                throw new ArgumentException($"An entry names item position {e.ItemIndex}, but the rule book '{book.Id}' has {items} items.", nameof(entries));
            }
            string code = book.Items[e.ItemIndex].Code;
            if (!plan.TryValue(in e, kind, out long value, out bool once))
            {
                ignored++;
                outcomes?.Add(new EntryOutcome(e, code, Points.Zero, Points.Zero, plan.WhyIgnored(in e, kind)));
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
            long counted = ApplyCaps(plan, e.ItemIndex, value, itemPositive, categoryPositive, out var kindOfOutcome);
            outcomes?.Add(new EntryOutcome(e, code, Points.FromUnits(value), Points.FromUnits(counted), kindOfOutcome));
        }

        foreach (var (i, countedItem, penalty, mask, minimumCount) in plan.ThresholdRules)
        {
            if ((mask & kindBit) != 0 && counts[countedItem] < minimumCount)
            {
                categoryNegative[book.ItemCategories[i]] += penalty;
                counts[i]++;
                outcomes?.Add(new EntryOutcome(null, book.Items[i].Code, Points.FromUnits(penalty), Points.FromUnits(penalty), EntryOutcomeKind.Counted));
            }
        }
        plan.Build(m, categoryPositive, categoryNegative, counts, results, row, raw, ignored);
    }

    private static long ApplyCaps(Plan plan, int item, long value, long[] itemPositive, long[] categoryPositive, out EntryOutcomeKind outcome)
    {
        outcome = EntryOutcomeKind.Counted;
        long afterItem = value;
        if (plan.ItemCaps[item] is PointsCap cap)
        {
            long room = Math.Max(0, cap.Limit.Units - itemPositive[item]);
            if (value > room)
            {
                afterItem = cap.Mode == CapMode.Clip ? room : 0;
                outcome = afterItem == 0 ? EntryOutcomeKind.RefusedByItemCap : EntryOutcomeKind.ClippedByItemCap;
            }
        }
        itemPositive[item] += afterItem;
        int category = plan.Book.ItemCategories[item];
        long counted = afterItem;
        if (plan.Book.Categories[category].Cap is PointsCap categoryCap && afterItem > 0)
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

    /// <summary>Of two occurrences of a once-per-period item, the one worth most counts; on a tie, the earliest.</summary>
    private static bool Preferred(long value, LocalDate day, long sequence, long otherValue, LocalDate otherDay, long otherSequence) =>
        Preferred(value, Plan.Key(day), sequence, otherValue, Plan.Key(otherDay), otherSequence);

    /// <summary>As above, with days as <see cref="Plan.Key"/> numbers.</summary>
    private static bool Preferred(long value, int dayKey, long sequence, long otherValue, int otherDayKey, long otherSequence)
    {
        if (value != otherValue) return value > otherValue;
        if (dayKey != otherDayKey) return dayKey < otherDayKey;
        return sequence < otherSequence;
    }

    /// <summary>The running sums of one (member, item) whose occurrences count once per period or can go both ways.</summary>
    [StructLayout(LayoutKind.Auto)]
    internal struct Accumulator
    {
        public long Positive;
        public long Negative;
        public long FirstValue;
        public long FirstSequence;
        public int FirstDayKey;
        public int Count;
        public int OnceCount;

        /// <summary>
        /// As <see cref="Add"/>, for the bulk columnar pass, which reads only the sums and the chosen once-value:
        /// of once-occurrences worth the same, any gives the same result, so neither day nor sequence is kept.
        /// </summary>
        public void AddAt(long value, bool once)
        {
            Count++;
            if (!once)
            {
                AddToSum(value);
            }
            else if (++OnceCount == 1 || value > FirstValue)
            {
                FirstValue = value;
            }
        }

        /// <summary>Adds one occurrence worth <paramref name="value"/> on day <paramref name="dayKey"/>.</summary>
        public void Add(long value, bool once, int dayKey, long sequence)
        {
            Count++;
            if (once)
            {
                // An item's versions may differ on once-per-period: only the once-occurrences compete for one place.
                if (++OnceCount == 1 || Preferred(value, dayKey, sequence, FirstValue, FirstDayKey, FirstSequence))
                {
                    FirstDayKey = dayKey;
                    FirstSequence = sequence;
                    FirstValue = value;
                }
            }
            else
            {
                AddToSum(value);
            }
        }

        private void AddToSum(long value)
        {
            if (value >= 0)
            {
                Positive += value;
            }
            else
            {
                Negative += value;
            }
        }
    }

    /// <summary>
    /// A multiplier applied as <see cref="Points.Multiply"/> does (to whole units, half away from zero), with integer
    /// arithmetic when the factor is a short decimal (1.4, 1.2, 0.5) and the product fits: the same result, without
    /// a decimal multiplication for every member.
    /// </summary>
    internal readonly struct Factor
    {
        private readonly decimal value;
        private readonly long mantissa;
        private readonly long divisor;

        internal Factor(decimal value)
        {
            this.value = value;
            int scale = value.Scale;
            decimal whole = value * Pow10(scale);
            if (scale <= 9 && whole == decimal.Truncate(whole) && Math.Abs(whole) <= int.MaxValue)
            {
                mantissa = (long)whole;
                divisor = (long)Pow10(scale);
            }
        }

        private static decimal Pow10(int scale)
        {
            decimal power = 1m;
            for (int i = 0; i < scale; i++)
            {
                power *= 10m;
            }
            return power;
        }

        internal long Apply(long units)
        {
            if (divisor == 0 || units == long.MinValue || Math.Abs(units) > long.MaxValue / Math.Max(1, Math.Abs(mantissa)))
            {
                return Points.FromUnits(units).Multiply(value).Units;
            }
            if (divisor == 1)
            {
                return units * mantissa;
            }
            long product = units * mantissa;
            long quotient = Math.DivRem(product, divisor, out long remainder);
            if (Math.Abs(remainder) * 2 >= divisor)
            {
                quotient += Math.Sign(product);
            }
            return quotient;
        }
    }

    /// <summary>The running sums of an assessment: a packed long per (member, item), and a side table for items that count once per period or can go both ways.</summary>
    internal sealed class Tally
    {
        private readonly int items;

        /// <param name="plan">The plan.</param>
        /// <param name="packed">Whether to keep a packed row per member; the columnar pass keeps one row at a time itself.</param>
        internal Tally(Plan plan, bool packed = true)
        {
            items = plan.ItemCount;
            Packed = packed ? new long[plan.Members.Count * plan.ItemCount] : [];
            Ignored = new int[plan.Members.Count];
        }

        internal long[] Packed { get; }

        /// <summary>A member's packed row: per item, the sum shifted left by 20 bits plus the count.</summary>
        internal Span<long> Row(int m) => Packed.AsSpan(m * items, items);

        internal Dictionary<int, Accumulator> Side { get; } = [];

        internal int[] Ignored { get; }
    }

    /// <summary>One item version flattened for the hot loop.</summary>
    internal readonly struct ItemRule
    {
        internal ItemRule(RuleItemVersion version)
        {
            Kind = version.Kind;
            OncePerPeriod = version.OncePerPeriod;
            DoubleAfterReminder = version.DoubleAfterReminder;
            Units = version.Points.Units;
            Minimum = version.Minimum?.Units ?? 0;
            Maximum = version.Maximum?.Units ?? 0;
            Tiers = [.. version.Tiers.Select(t => t.Points.Units)];
            int mask = 0;
            foreach (var kind in version.EligibleKinds)
            {
                mask |= 1 << (int)kind;
            }
            EligibleMask = version.EligibleKinds.Count == 0 ? -1 : mask;
        }

        internal ItemKind Kind { get; }

        internal bool OncePerPeriod { get; }

        internal bool DoubleAfterReminder { get; }

        internal long Units { get; }

        internal long Minimum { get; }

        internal long Maximum { get; }

        internal long[] Tiers { get; }

        internal int EligibleMask { get; }

        /// <summary>Whether an occurrence can be worth more than zero, and less than zero.</summary>
        internal (bool Positive, bool Negative) Signs => Kind switch
        {
            ItemKind.Fixed or ItemKind.AutomaticGrant => (true, false),
            ItemKind.Deduction or ItemKind.Threshold or ItemKind.Veto => (false, Units < 0),
            ItemKind.Discretionary => (Maximum > 0, Minimum < 0),
            ItemKind.Tiered => (Tiers.Any(t => t > 0), Tiers.Any(t => t < 0)),
            _ => (false, false),
        };
    }

    /// <summary>Everything precomputed from the rule book, period and roster.</summary>
    internal sealed class Plan
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

        internal Plan(RuleBook book, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster)
        {
            Book = book;
            Period = period;
            ItemCount = book.Items.Length;
            Members = AssessmentRoster.Create(roster);
            PeriodVersions = new RuleItemVersion?[ItemCount];
            ItemCaps = new PointsCap?[ItemCount];
            vetoItemList = [.. Enumerable.Range(0, ItemCount).Where(i => book.Versions[i].Any(v => v.Kind == ItemKind.Veto))];
            kindMultipliers = [.. Enum.GetValues<MemberKind>().Select(k => new Factor(book.MultiplierFor(k)))];
            var thresholds = new List<(int Item, ThresholdRule Rule, long Penalty, int CountedItem)>();
            var grants = new List<(int Item, RuleItemVersion Version)>();
            for (int i = 0; i < ItemCount; i++)
            {
                var atEnd = book.VersionOn(i, period.End);
                PeriodVersions[i] = atEnd;
                ItemCaps[i] = atEnd?.Cap;
                if (atEnd is { Kind: ItemKind.Threshold, Threshold: not null })
                {
                    thresholds.Add((i, atEnd.Threshold, atEnd.Points.Units, book.IndexOfItem(atEnd.Threshold.CountedItem)));
                }
                if (atEnd is { Kind: ItemKind.AutomaticGrant })
                {
                    grants.Add((i, atEnd));
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
            categoryCapLimit = [.. book.Categories.Select(c => c.Cap?.Limit.Units ?? long.MaxValue)];
            categoryCapRefuse = [.. book.Categories.Select(c => c.Cap?.Mode == CapMode.Refuse)];
            GrantRules = [.. grants.Select(g => (g.Item, g.Version.Points.Units, MaskOf(g.Version)))];
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

        internal PointsCap?[] ItemCaps { get; }

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
            return AssessmentEngine.TryValue(in rule, in e, out value);
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
                int count = (int)(p & CountMask);
                long sum = p >> CountBits;
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
}
