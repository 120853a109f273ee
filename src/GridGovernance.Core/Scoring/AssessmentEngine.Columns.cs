using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace GridGovernance.Scoring;

public static partial class AssessmentEngine
{
    /// <summary>
    /// Assesses a roster over a period from a ledger laid out for assessment: the same result as
    /// <see cref="Assess(RuleBook, AssessmentPeriod, IReadOnlyList{AssessmentSubject}, ReadOnlySpan{AssessmentEntry})"/>
    /// on the same entries, in one sequential pass with each member's tally in the cache.
    /// </summary>
    /// <param name="ruleBook">The rules.</param>
    /// <param name="period">The period.</param>
    /// <param name="roster">The members assessed; each member once.</param>
    /// <param name="ledger">Approved, effective entries (reversed entries and reversals left out); entries outside the period or of members not on the roster are skipped and counted.</param>
    /// <returns>One result per member of the roster, in id order.</returns>
    /// <exception cref="ArgumentException">A member is on the roster twice, or an entry of a member on the roster, inside the period, names an item position the rule book does not have.</exception>
    public static AssessmentResult Assess(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster, AssessmentLedger ledger)
    {
        var plan = new Plan(Preconditions.CheckNotNull(ruleBook), Preconditions.CheckNotNull(period), Preconditions.CheckNotNull(roster));
        Preconditions.CheckNotNull(ledger);
        var columns = new ColumnPlan(plan);
        var tally = new Tally(plan, packed: false);
        var results = new MemberAssessment[plan.Members.Length];
        var blocks = new ResultBlocks(plan, results.Length);
        Span<long> accumulators = new long[plan.ItemCount + ColumnPlan.FirstItemTarget];
        var row = accumulators[ColumnPlan.FirstItemTarget..];
        var ids = ledger.MemberIds;
        var starts = ledger.Starts;
        int outside = 0, unknown = 0, next = 0;
        List<int>? replay = null;
        for (int m = 0; m < results.Length; m++)
        {
            int id = plan.Members[m].Member.Value;
            while (next < ids.Length && ids[next] < id)
            {
                columns.CountUnknown(ledger, starts[next], starts[next + 1], ref outside, ref unknown);
                next++;
            }
            accumulators.Clear();
            if (next < ids.Length && ids[next] == id)
            {
                columns.Fold(ledger, next, m, accumulators, tally, ref outside);
                next++;
            }
            var result = plan.Finish(m, row, tally, blocks, m);
            if (result is null)
            {
                (replay ??= []).Add(m);
            }
            results[m] = result!;
        }
        for (; next < ids.Length; next++)
        {
            columns.CountUnknown(ledger, starts[next], starts[next + 1], ref outside, ref unknown);
        }
        if (replay is not null)
        {
            foreach (int m in replay)
            {
                results[m] = Simulate(plan, m, columns.EntriesInPeriod(ledger, plan.Members[m].Member), outcomes: null);
            }
        }
        return new AssessmentResult(ruleBook, period, ImmutableCollectionsMarshal.AsImmutableArray(results), outside, unknown);
    }

    /// <summary>
    /// The rule book and period flattened for the columnar pass: for each (item, day of the period) the version in
    /// force, and for each (member kind, version, tier, reminder) where an occurrence goes and what it adds.
    /// </summary>
    private sealed class ColumnPlan
    {
        /// <summary>Target 0: the entry takes the general path (discretionary values, side items, huge values).</summary>
        private const int Slow = 0;

        /// <summary>Target 1: the entry does not count (not eligible, no version in force, a bad tier, a computed item).</summary>
        private const int Ignore = 1;

        /// <summary>Targets from here on are items: target 2 + i adds to item i's packed sum and count.</summary>
        internal const int FirstItemTarget = 2;

        /// <summary>A fast add must fit the packed sum with room: |value| below 2^42.</summary>
        private const long LargestFastValue = 1L << 42;

        private readonly Plan plan;
        private readonly int keyRange;
        private readonly int tierColumns;
        private readonly ushort[] versionOn;
        private readonly Target[][] targetsByKind;
        private readonly long largestValue;

        internal ColumnPlan(Plan plan)
        {
            this.plan = plan;
            int items = plan.ItemCount;
            keyRange = plan.EndKey - plan.StartKey + 1;
            int segments = plan.SegmentRules.Length;
            Preconditions.CheckArgument(segments < ushort.MaxValue, "ruleBook", $"The rule book has {segments} item versions; the columnar assessment handles fewer than {ushort.MaxValue}.");

            // Which version is in force on each day key of the period; "segments" when none is.
            versionOn = new ushort[items * keyRange];
            for (int i = 0; i < items; i++)
            {
                for (int d = 0; d < keyRange; d++)
                {
                    plan.RuleOn(i, plan.StartKey + d, out bool inForce);
                    versionOn[i * keyRange + d] = (ushort)(inForce ? SegmentOn(i, plan.StartKey + d) : segments);
                }
            }

            int mostTiers = 0;
            foreach (var rule in plan.SegmentRules)
            {
                mostTiers = Math.Max(mostTiers, rule.Tiers.Length);
                largestValue = Math.Max(largestValue, Largest(rule));
            }
            // Tier columns 0..n-1 are tiers; column n is "any other tier", which the packed field marks as 127.
            tierColumns = Math.Min(mostTiers, AssessmentLedger.TierField);
            int width = (tierColumns + 1) * 2;
            var kinds = Enum.GetValues<Organisation.MemberKind>();
            targetsByKind = new Target[kinds.Max(k => (int)k) + 1][];
            foreach (var kind in kinds)
            {
                var targets = new Target[(segments + 1) * width];
                Array.Fill(targets, new Target(Ignore, 1));
                for (int s = 0; s < segments; s++)
                {
                    int item = ItemOf(s);
                    for (int column = 0; column <= tierColumns; column++)
                    {
                        for (int reminder = 0; reminder < 2; reminder++)
                        {
                            targets[s * width + column * 2 + reminder] = TargetOf(s, item, kind, column, reminder == 1, mostTiers);
                        }
                    }
                }
                targetsByKind[(int)kind] = targets;
            }
        }

        private int SegmentOn(int item, int key)
        {
            int s = plan.SegmentStart[item + 1] - 1;
            while (s > plan.SegmentStart[item] && plan.SegmentFromKey[s] > key)
            {
                s--;
            }
            return s;
        }

        private int ItemOf(int segment)
        {
            int item = 0;
            while (plan.SegmentStart[item + 1] <= segment)
            {
                item++;
            }
            return item;
        }

        private static long Largest(ItemRule rule)
        {
            long largest = Math.Max(Math.Abs(rule.Units) * 2, Math.Max(Math.Abs(rule.Minimum), Math.Abs(rule.Maximum)));
            foreach (long tier in rule.Tiers)
            {
                largest = Math.Max(largest, Math.Abs(tier) * 2);
            }
            return largest;
        }

        private Target TargetOf(int segment, int item, Organisation.MemberKind kind, int column, bool afterReminder, int mostTiers)
        {
            ref readonly var rule = ref plan.SegmentRules[segment];
            if ((rule.EligibleMask & (1 << (int)kind)) == 0)
            {
                return new Target(Ignore, 1);
            }
            if (plan.SideItems[item] || rule.Kind == ItemKind.Discretionary)
            {
                return new Target(Slow, 0);
            }
            long value;
            switch (rule.Kind)
            {
                case ItemKind.Fixed:
                case ItemKind.Deduction:
                case ItemKind.Veto:
                    value = afterReminder && rule.DoubleAfterReminder ? rule.Units * 2 : rule.Units;
                    break;
                case ItemKind.Tiered when column < rule.Tiers.Length && column < tierColumns:
                    value = afterReminder && rule.DoubleAfterReminder ? rule.Tiers[column] * 2 : rule.Tiers[column];
                    break;
                case ItemKind.Tiered when column == tierColumns && mostTiers > tierColumns:
                    // "Any other tier" may be a real tier of a rule with more tiers than the packed field holds.
                    return new Target(Slow, 0);
                default:
                    return new Target(Ignore, 1);
            }
            return Math.Abs(value) < LargestFastValue ? new Target(FirstItemTarget + item, (value << CountBits) + 1) : new Target(Slow, 0);
        }

        /// <summary>Folds one member's entries into <paramref name="accumulators"/> (ignored count at 1, the packed row from 2).</summary>
        internal void Fold(AssessmentLedger ledger, int position, int m, Span<long> accumulators, Tally tally, ref int outside)
        {
            int first = ledger.Starts[position], end = ledger.Starts[position + 1];
            var row = accumulators[FirstItemTarget..];
            // With fewer entries than the count field holds and values this small, no sum can overflow: the plain
            // pass. Otherwise every entry takes the checked path, which reports an overflow as the span pass does.
            bool cannotOverflow = end - first < CountMask && (largestValue == 0 || (end - first) < LargestFastValue / largestValue);
            var words = ledger.Packed.AsSpan(first, end - first);
            var targets = targetsByKind[(int)plan.Kinds[m]];
            int items = plan.ItemCount, startKey = plan.StartKey, range = keyRange, columns = tierColumns, width = (tierColumns + 1) * 2;
            var table = versionOn;
            for (int k = 0; k < words.Length; k++)
            {
                ulong word = words[k];
                uint day = (uint)(((int)(word >> AssessmentLedger.KeyShift) & AssessmentLedger.KeyMask) - startKey);
                if (day >= (uint)range)
                {
                    outside++;
                    continue;
                }
                int item = (int)(word & AssessmentLedger.MaxItemPosition);
                if (item >= items)
                {
                    throw new ArgumentException($"An entry names item position {item}, but the rule book '{plan.Book.Id}' has {items} items.", "ledger");
                }
                int column = Math.Min((int)(word >> AssessmentLedger.TierShift) & AssessmentLedger.TierField, columns);
                ref readonly var target = ref targets[table[item * range + (int)day] * width + column * 2 + (int)((word >> AssessmentLedger.ReminderShift) & 1)];
                if (target.Index != Slow && cannotOverflow)
                {
                    accumulators[target.Index] += target.Add;
                    continue;
                }
                var entry = ledger.EntryAt(position, first + k);
                AccumulateMember(plan, tally, row, m, in entry);
            }
            tally.Ignored[m] += (int)accumulators[Ignore];
        }

        /// <summary>Counts the entries of a member not on the roster: outside the period, or of an unknown member.</summary>
        internal void CountUnknown(AssessmentLedger ledger, int first, int end, ref int outside, ref int unknown)
        {
            var words = ledger.Packed.AsSpan(first, end - first);
            foreach (ulong word in words)
            {
                uint day = (uint)(((int)(word >> AssessmentLedger.KeyShift) & AssessmentLedger.KeyMask) - plan.StartKey);
                if (day >= (uint)keyRange) outside++; else unknown++;
            }
        }

        /// <summary>A member's entries inside the period, for the in-order replay.</summary>
        internal List<AssessmentEntry> EntriesInPeriod(AssessmentLedger ledger, MemberId member)
        {
            var list = new List<AssessmentEntry>();
            foreach (var e in ledger.EntriesOf(member))
            {
                if (plan.Period.Contains(e.OccurredOn))
                {
                    list.Add(e);
                }
            }
            return list;
        }

        [StructLayout(LayoutKind.Sequential)]
        private readonly record struct Target(int Index, long Add);
    }
}
