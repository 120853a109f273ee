using System.Collections.Immutable;
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
public static class AssessmentEngine
{
    /// <summary>Assesses a roster over a period.</summary>
    /// <param name="ruleBook">The rules.</param>
    /// <param name="period">The period.</param>
    /// <param name="roster">The members assessed; each member once.</param>
    /// <param name="entries">Approved, effective entries (reversed entries and reversals left out); entries outside the period or of members not on the roster are skipped and counted.</param>
    /// <returns>One result per member of the roster, in id order.</returns>
    /// <exception cref="ArgumentException">A member is on the roster twice, or an entry names an item position the rule book does not have.</exception>
    public static AssessmentResult Assess(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster, ReadOnlySpan<AssessmentEntry> entries)
    {
        var plan = new Plan(Preconditions.CheckNotNull(ruleBook), Preconditions.CheckNotNull(period), Preconditions.CheckNotNull(roster));
        var acc = new Accumulator[plan.Members.Length * plan.ItemCount];
        var ignored = new int[plan.Members.Length];
        int outside = 0, unknown = 0;
        int items = plan.ItemCount;

        for (int k = 0; k < entries.Length; k++)
        {
            switch (Accumulate(plan, acc, ignored, in entries[k], out _))
            {
                case Added.OutsidePeriod:
                    outside++;
                    break;
                case Added.UnknownMember:
                    unknown++;
                    break;
            }
        }

        var results = new MemberAssessment[plan.Members.Length];
        List<int>? replay = null;
        for (int m = 0; m < results.Length; m++)
        {
            var result = plan.Finish(m, acc.AsSpan(m * items, items), ignored[m]);
            if (result is null)
            {
                (replay ??= []).Add(m);
            }
            else
            {
                results[m] = result;
            }
        }
        if (replay is not null)
        {
            Replay(plan, entries, replay, results, ignored);
        }
        return new AssessmentResult(ruleBook, period, [.. results], outside, unknown);
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
        var result = Simulate(plan, 0, mine, outcomes);
        return new MemberExplanation(result, [.. outcomes]);
    }

    internal enum Added
    {
        Counted,
        Ignored,
        OutsidePeriod,
        UnknownMember,
    }

    /// <summary>Folds one entry into the accumulators: O(1), no allocation.</summary>
    internal static Added Accumulate(Plan plan, Accumulator[] acc, int[] ignored, in AssessmentEntry e, out int member)
    {
        member = -1;
        if (e.OccurredOn < plan.Period.Start || e.OccurredOn > plan.Period.End)
        {
            return Added.OutsidePeriod;
        }
        int m = plan.MemberIndex(e.Member);
        if (m < 0)
        {
            return Added.UnknownMember;
        }
        member = m;
        int items = plan.ItemCount;
        if ((uint)e.Item >= (uint)items)
        {
            throw new ArgumentException($"An entry names item position {e.Item}, but the rule book '{plan.Book.Id}' has {items} items.", "entries");
        }
        if (!plan.TryValue(in e, plan.Kinds[m], out long value, out bool once))
        {
            ignored[m]++;
            return Added.Ignored;
        }
        ref var a = ref acc[m * items + e.Item];
        a.Count++;
        if (once)
        {
            // An item's versions may differ on once-per-period: only the once-occurrences compete for one place.
            if (++a.OnceCount == 1 || Preferred(value, e.OccurredOn, e.Sequence, a.FirstValue, a.FirstDay, a.FirstSequence))
            {
                a.FirstDay = e.OccurredOn;
                a.FirstSequence = e.Sequence;
                a.FirstValue = value;
            }
        }
        else if (value >= 0)
        {
            a.Positive += value;
        }
        else
        {
            a.Negative += value;
        }
        return Added.Counted;
    }

    private static void Replay(Plan plan, ReadOnlySpan<AssessmentEntry> entries, List<int> members, MemberAssessment[] results, int[] ignored)
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
            results[m] = Simulate(plan, m, list, outcomes: null);
        }
    }

    /// <summary>The reference algorithm: applies one member's entries in canonical order.</summary>
    internal static MemberAssessment Simulate(Plan plan, int m, List<AssessmentEntry> entries, List<EntryOutcome>? outcomes)
    {
        var book = plan.Book;
        var kind = plan.Kinds[m];
        int items = plan.ItemCount;
        var itemPositive = new long[items];
        var categoryPositive = new long[book.Categories.Length];
        var categoryNegative = new long[book.Categories.Length];
        var counts = new int[items];
        long raw = 0;
        int ignored = 0;

        // Grants first: they stand at the start of the period.
        for (int i = 0; i < items; i++)
        {
            var grant = plan.PeriodVersions[i];
            if (grant is { Kind: ItemKind.AutomaticGrant } && Plan.Eligible(grant, kind))
            {
                raw += grant.Points.Units;
                long counted = ApplyCaps(plan, i, grant.Points.Units, itemPositive, categoryPositive, out var outcome);
                counts[i]++;
                outcomes?.Add(new EntryOutcome(null, book.Items[i].Code, grant.Points, Points.FromUnits(counted), outcome));
            }
        }

        entries.Sort(static (x, y) =>
        {
            int c = x.OccurredOn.CompareTo(y.OccurredOn);
            if (c == 0) c = x.Sequence.CompareTo(y.Sequence);
            if (c == 0) c = x.Item.CompareTo(y.Item);
            if (c == 0) c = y.Value.CompareTo(x.Value);
            return c;
        });
        var chosen = new int[items];
        Array.Fill(chosen, -1);
        for (int k = 0; k < entries.Count; k++)
        {
            var e = entries[k];
            if ((uint)e.Item < (uint)items && plan.TryValue(in e, kind, out long v, out bool isOnce) && isOnce)
            {
                int c = chosen[e.Item];
                if (c < 0)
                {
                    chosen[e.Item] = k;
                }
                else
                {
                    var other = entries[c];
                    plan.TryValue(in other, kind, out long ov, out _);
                    if (Preferred(v, e.OccurredOn, e.Sequence, ov, other.OccurredOn, other.Sequence))
                    {
                        chosen[e.Item] = k;
                    }
                }
            }
        }
        for (int k = 0; k < entries.Count; k++)
        {
            var e = entries[k];
            if ((uint)e.Item >= (uint)items)
            {
                throw new ArgumentException($"An entry names item position {e.Item}, but the rule book '{book.Id}' has {items} items.", nameof(entries));
            }
            string code = book.Items[e.Item].Code;
            if (!plan.TryValue(in e, kind, out long value, out bool once))
            {
                ignored++;
                outcomes?.Add(new EntryOutcome(e, code, Points.Zero, Points.Zero, plan.WhyIgnored(in e, kind)));
                continue;
            }
            if (once && chosen[e.Item] != k)
            {
                outcomes?.Add(new EntryOutcome(e, code, Points.FromUnits(value), Points.Zero, EntryOutcomeKind.RefusedOncePerPeriod));
                continue;
            }
            counts[e.Item]++;
            if (value < 0)
            {
                categoryNegative[book.ItemCategories[e.Item]] += value;
                outcomes?.Add(new EntryOutcome(e, code, Points.FromUnits(value), Points.FromUnits(value), EntryOutcomeKind.Counted));
                continue;
            }
            raw += value;
            long counted = ApplyCaps(plan, e.Item, value, itemPositive, categoryPositive, out var kindOfOutcome);
            outcomes?.Add(new EntryOutcome(e, code, Points.FromUnits(value), Points.FromUnits(counted), kindOfOutcome));
        }

        foreach (var (i, rule, penalty, countedItem) in plan.Thresholds)
        {
            if (Plan.Eligible(plan.PeriodVersions[i]!, kind) && BelowThreshold(counts[countedItem], rule))
            {
                categoryNegative[book.ItemCategories[i]] += penalty;
                counts[i]++;
                outcomes?.Add(new EntryOutcome(null, book.Items[i].Code, Points.FromUnits(penalty), Points.FromUnits(penalty), EntryOutcomeKind.Counted));
            }
        }
        return plan.Build(m, categoryPositive, categoryNegative, counts, raw, ignored);
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

    private static bool BelowThreshold(int count, ThresholdRule rule) => count < rule.MinimumRatio * rule.Expected;

    /// <summary>Of two occurrences of a once-per-period item, the one worth most counts; on a tie, the earliest.</summary>
    private static bool Preferred(long value, LocalDate day, long sequence, long otherValue, LocalDate otherDay, long otherSequence)
    {
        if (value != otherValue) return value > otherValue;
        int c = day.CompareTo(otherDay);
        if (c != 0) return c < 0;
        return sequence < otherSequence;
    }

    [StructLayout(LayoutKind.Auto)]
    internal struct Accumulator
    {
        public long Positive;
        public long Negative;
        public long FirstValue;
        public long FirstSequence;
        public LocalDate FirstDay;
        public int Count;
        public int OnceCount;
    }

    /// <summary>Everything precomputed from the rule book, period and roster.</summary>
    internal sealed class Plan
    {
        private readonly IdMap memberMap;
        private readonly RuleItemVersion?[] singleVersion; // non-null when one version covers the whole period
        private readonly bool[] vetoItems;

        internal Plan(RuleBook book, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster)
        {
            Book = book;
            Period = period;
            ItemCount = book.Items.Length;
            var ids = new int[roster.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = roster[i].Member.Value;
            }
            memberMap = IdMap.Create(ids, 0, "member");
            Members = new AssessmentSubject[roster.Count];
            foreach (var subject in roster)
            {
                Members[memberMap.HandleOf(subject.Member.Value)] = subject;
            }
            Kinds = [.. Members.Select(s => s.Kind)];
            singleVersion = new RuleItemVersion?[ItemCount];
            PeriodVersions = new RuleItemVersion?[ItemCount];
            ItemCaps = new PointsCap?[ItemCount];
            vetoItems = [.. book.Versions.Select(vs => vs.Any(v => v.Kind == ItemKind.Veto))];
            var thresholds = new List<(int, ThresholdRule, long, int)>();
            var grants = new List<(int, RuleItemVersion)>();
            for (int i = 0; i < ItemCount; i++)
            {
                var versions = book.Versions[i];
                var atEnd = book.VersionOn(i, period.End);
                PeriodVersions[i] = atEnd;
                ItemCaps[i] = atEnd?.Cap;
                var atStart = book.VersionOn(i, period.Start);
                if (atStart is not null && ReferenceEquals(atStart, atEnd))
                {
                    singleVersion[i] = atStart;
                }
                if (atEnd is { Kind: ItemKind.Threshold, Threshold: not null })
                {
                    thresholds.Add((i, atEnd.Threshold, atEnd.Points.Units, book.IndexOfItem(atEnd.Threshold.CountedItem)));
                }
                if (atEnd is { Kind: ItemKind.AutomaticGrant })
                {
                    grants.Add((i, atEnd));
                }
            }
            Thresholds = [.. thresholds];
            Grants = [.. grants];
        }

        internal RuleBook Book { get; }

        internal AssessmentPeriod Period { get; }

        internal int ItemCount { get; }

        internal AssessmentSubject[] Members { get; }

        internal MemberKind[] Kinds { get; }

        internal RuleItemVersion?[] PeriodVersions { get; }

        internal PointsCap?[] ItemCaps { get; }

        internal (int Item, ThresholdRule Rule, long Penalty, int CountedItem)[] Thresholds { get; }

        internal (int Item, RuleItemVersion Version)[] Grants { get; }

        internal int MemberIndex(MemberId member) => memberMap.HandleOf(member.Value);

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
            var version = singleVersion[e.Item] ?? Book.VersionOn(e.Item, e.OccurredOn);
            value = 0;
            once = false;
            if (version is null || !Eligible(version, kind))
            {
                return false;
            }
            once = version.OncePerPeriod;
            switch (version.Kind)
            {
                case ItemKind.Fixed:
                case ItemKind.Deduction:
                case ItemKind.Veto:
                    value = version.Points.Units * (e.AfterReminder && version.DoubleAfterReminder ? 2 : 1);
                    return true;
                case ItemKind.Discretionary:
                    value = Math.Clamp(e.Value.Units, version.Minimum!.Value.Units, version.Maximum!.Value.Units);
                    return true;
                case ItemKind.Tiered:
                    if ((uint)e.Tier >= (uint)version.Tiers.Count)
                    {
                        return false;
                    }
                    value = version.Tiers[e.Tier].Points.Units * (e.AfterReminder && version.DoubleAfterReminder ? 2 : 1);
                    return true;
                default:
                    return false; // thresholds and grants are computed by the engine, never declared
            }
        }

        internal EntryOutcomeKind WhyIgnored(in AssessmentEntry e, MemberKind kind)
        {
            var version = Book.VersionOn(e.Item, e.OccurredOn);
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

        /// <summary>The closed form for one member, or null when a refuse-mode cap binds and the member must be replayed in order.</summary>
        internal MemberAssessment? Finish(int m, ReadOnlySpan<Accumulator> acc, int ignored)
        {
            var kind = Kinds[m];
            var categoryPositive = new long[Book.Categories.Length];
            var categoryNegative = new long[Book.Categories.Length];
            var counts = new int[ItemCount];
            long raw = 0;
            foreach (var (i, grant) in Grants)
            {
                if (Eligible(grant, kind))
                {
                    counts[i]++;
                    raw += grant.Points.Units;
                    if (!AddCapped(i, grant.Points.Units, categoryPositive))
                    {
                        return null;
                    }
                }
            }
            for (int i = 0; i < acc.Length; i++)
            {
                ref readonly var a = ref acc[i];
                if (a.Count == 0)
                {
                    continue;
                }
                long positive = a.Positive, negative = a.Negative;
                counts[i] += a.Count - a.OnceCount;
                if (a.OnceCount > 0)
                {
                    counts[i] += 1;
                    if (a.FirstValue >= 0) positive += a.FirstValue; else negative += a.FirstValue;
                }
                raw += positive;
                categoryNegative[Book.ItemCategories[i]] += negative;
                if (positive > 0 && !AddCapped(i, positive, categoryPositive))
                {
                    return null;
                }
            }
            foreach (var (i, rule, penalty, counted) in Thresholds)
            {
                if (Eligible(PeriodVersions[i]!, kind) && BelowThreshold(counts[counted], rule))
                {
                    categoryNegative[Book.ItemCategories[i]] += penalty;
                    counts[i]++;
                }
            }
            for (int c = 0; c < categoryPositive.Length; c++)
            {
                if (Book.Categories[c].Cap is PointsCap cap && categoryPositive[c] > cap.Limit.Units)
                {
                    if (cap.Mode == CapMode.Refuse)
                    {
                        return null;
                    }
                    categoryPositive[c] = cap.Limit.Units;
                }
            }
            return Build(m, categoryPositive, categoryNegative, counts, raw, ignored);
        }

        /// <summary>Adds an item's positive sum under its item cap; false when a refuse-mode item cap binds.</summary>
        private bool AddCapped(int item, long positive, long[] categoryPositive)
        {
            if (ItemCaps[item] is PointsCap cap && positive > cap.Limit.Units)
            {
                if (cap.Mode == CapMode.Refuse)
                {
                    return false;
                }
                positive = cap.Limit.Units;
            }
            categoryPositive[Book.ItemCategories[item]] += positive;
            return true;
        }

        internal MemberAssessment Build(int m, long[] categoryPositive, long[] categoryNegative, int[] counts, long raw, int ignored)
        {
            var subject = Members[m];
            var totals = new Points[categoryPositive.Length];
            long awarded = 0, deducted = 0;
            for (int c = 0; c < totals.Length; c++)
            {
                totals[c] = Points.FromUnits(categoryPositive[c] + categoryNegative[c]);
                awarded += categoryPositive[c];
                deducted += categoryNegative[c];
            }
            bool vetoed = false;
            for (int i = 0; i < counts.Length && !vetoed; i++)
            {
                vetoed = counts[i] > 0 && vetoItems[i];
            }
            var total = Points.FromUnits(awarded + deducted);
            var score = total.Multiply(Book.MultiplierFor(subject.Kind)).Multiply(subject.Multiplier);
            return new MemberAssessment(subject, ImmutableCollectionsMarshal.AsImmutableArray(totals), ImmutableCollectionsMarshal.AsImmutableArray(counts),
                Points.FromUnits(awarded), Points.FromUnits(deducted), Points.FromUnits(raw - awarded), score, vetoed, ignored);
        }
    }
}
