using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GridGovernance.Organisation;

namespace GridGovernance.Scoring.Engine;

/// <summary>
/// The assessment over an <see cref="AssessmentEntryColumns"/>, one member's run of entries at a time, and the
/// tables it reads: the rule book and period flattened for the columnar pass, for each (item, day of the period) the
/// version in force, and for each (member kind, version, tier, reminder) where an occurrence goes and the range its
/// value is clamped to.
/// </summary>
internal sealed class ColumnPass
{
    /// <summary>Accumulator 0 is unused; 1 counts ignored entries.</summary>
    private const int Ignore = 1;

    /// <summary>Accumulators from here on are items: 2 + i holds item i's packed sum and count.</summary>
    private const int FirstItemTarget = 2;

    /// <summary>Targets per version: the low four bits of the packed word's third byte (reminder, tier).</summary>
    private const int Variants = 16;

    /// <summary>A fast add must fit the packed sum with room: |value| below 2^42.</summary>
    private const long LargestFastValue = 1L << 42;

    private readonly CompiledRuleBook compiled;
    private readonly int keyRange;
    private readonly ushort[] versionOn;
    private readonly int[] rowOf;
    private readonly Target[][] targetsByKind;
    private readonly long largestValue;

    internal ColumnPass(CompiledRuleBook compiled)
    {
        this.compiled = compiled;
        int items = compiled.ItemCount;
        keyRange = compiled.EndKey - compiled.StartKey + 1;
        int segments = compiled.SegmentRules.Length;
        Preconditions.CheckArgument(items <= AssessmentEntryColumns.MaxItemPosition + 1, "ruleBook", $"The rule book has {items} items; an assessment ledger names at most {AssessmentEntryColumns.MaxItemPosition + 1:N0}. Assess the entries instead.");
        Preconditions.CheckArgument(segments < ushort.MaxValue, "ruleBook", $"The rule book has {segments} item versions; the columnar assessment handles fewer than {ushort.MaxValue:N0}. Assess the entries instead.");

        // Which version is in force on each day key of the period ("segments" when none is); for an item with
        // one version in force all period long, that version's row of targets, read without the table.
        versionOn = new ushort[items * keyRange];
        // Indexed by any 16-bit item position, so the hot loop needs no range check: positions the rule book
        // does not have read -1 and go to the checked path, which reports them.
        rowOf = new int[AssessmentEntryColumns.MaxItemPosition + 1];
        rowOf.AsSpan(items).Fill(-1);
        for (int i = 0; i < items; i++)
        {
            for (int d = 0; d < keyRange; d++)
            {
                int s = compiled.SegmentOn(i, compiled.StartKey + d, out bool inForce);
                versionOn[i * keyRange + d] = (ushort)(inForce ? s : segments);
            }
            var days = versionOn.AsSpan(i * keyRange, keyRange);
            rowOf[i] = days[0] != segments && !days.ContainsAnyExcept(days[0]) ? days[0] * Variants : -1;
        }

        foreach (var rule in compiled.SegmentRules)
        {
            largestValue = Math.Max(largestValue, Largest(rule));
        }
        var kinds = Enum.GetValues<MemberKind>();
        targetsByKind = new Target[kinds.Max(k => (int)k) + 1][];
        foreach (var kind in kinds)
        {
            // One row of targets per version, and a last row (all ignored) for "no version in force".
            var targets = new Target[(segments + 1) * Variants];
            Array.Fill(targets, Target.Ignored);
            for (int item = 0; item < items; item++)
            {
                for (int s = compiled.SegmentStart[item]; s < compiled.SegmentStart[item + 1]; s++)
                {
                    for (int variant = 0; variant < Variants; variant++)
                    {
                        targets[s * Variants + variant] = TargetOf(s, item, kind, variant >> 1, (variant & 1) != 0);
                    }
                }
            }
            targetsByKind[(int)kind] = targets;
        }
    }

    /// <summary>
    /// Assesses the compiled roster over <paramref name="ledger"/>: members and ledger are both in id order, so one
    /// merge walks them, folding each member's entries into one reused row of accumulators.
    /// </summary>
    internal static AssessmentResult Assess(CompiledRuleBook compiled, AssessmentEntryColumns ledger)
    {
        var columns = new ColumnPass(compiled);
        var tally = new Tally(compiled, packed: false);
        var results = compiled.NewResults();
        Span<long> accumulators = new long[compiled.ItemCount + FirstItemTarget];
        var row = accumulators[FirstItemTarget..];
        Span<Accumulator> side = new Accumulator[compiled.ItemCount];
        var ids = ledger.MemberIds;
        var starts = ledger.Starts;
        int outside = 0, unknown = 0, next = 0;
        List<int>? replay = null;
        for (int m = 0; m < results.Rows; m++)
        {
            int id = compiled.Members.IdValue(m);
            while (next < ids.Length && ids[next] < id)
            {
                columns.CountUnknown(ledger, starts[next], starts[next + 1], ref outside, ref unknown);
                next++;
            }
            accumulators.Clear();
            bool sideTouched = false;
            if (next < ids.Length && ids[next] == id)
            {
                sideTouched = columns.Fold(ledger, next, m, accumulators, side, tally, ref outside);
                next++;
            }
            if (!compiled.Finish(m, row, sideTouched ? side : [], tally, results, m))
            {
                (replay ??= []).Add(m);
            }
            if (sideTouched)
            {
                side.Clear();
            }
        }
        for (; next < ids.Length; next++)
        {
            columns.CountUnknown(ledger, starts[next], starts[next + 1], ref outside, ref unknown);
        }
        if (replay is not null)
        {
            foreach (int m in replay)
            {
                ReferenceReplay.Simulate(compiled, m, columns.EntriesInPeriod(ledger, compiled.Members.Id(m)), outcomes: null, results, m);
            }
        }
        return new AssessmentResult(compiled.Book, compiled.Period, results, outside, unknown);
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

    private Target TargetOf(int segment, int item, MemberKind kind, int tier, bool afterReminder)
    {
        ref readonly var rule = ref compiled.SegmentRules[segment];
        if ((rule.EligibleMask & (1 << (int)kind)) == 0)
        {
            return Target.Ignored;
        }
        bool side = compiled.SideItems[item];
        if (rule.Kind == ItemKind.Discretionary)
        {
            return new Target(rule.Minimum, rule.Maximum, side ? item : FirstItemTarget + item, side ? Mode.Side : Mode.Packed, rule.OncePerPeriod);
        }
        if (rule.Kind == ItemKind.Tiered && tier == AssessmentEntryColumns.OtherTier)
        {
            // A tier the packed field does not hold: read it from its column on the checked path.
            return Target.General;
        }
        // Valued by the entry pass's own rule: a fixed value, a tier's, doubled after a reminder where the rule
        // says so; nothing for a bad tier or an item the engine computes itself.
        var occurrence = new AssessmentEntry(default, item, default, 0) { Tier = tier, AfterReminder = afterReminder };
        if (!rule.TryValue(in occurrence, out long value))
        {
            return Target.Ignored;
        }
        // A fixed value is a range of one: clamping any entry value to it gives the value, with no branch.
        if (side)
        {
            return new Target(value, value, item, Mode.Side, rule.OncePerPeriod);
        }
        return Math.Abs(value) < LargestFastValue ? new Target(value, value, FirstItemTarget + item, Mode.Packed, false) : Target.General;
    }

    /// <summary>
    /// Folds one member's entries into <paramref name="accumulators"/> (the ignored count at 1, the packed row
    /// from 2) and <paramref name="side"/> (by item).
    /// </summary>
    /// <returns>Whether <paramref name="side"/> may have been written to.</returns>
    internal bool Fold(AssessmentEntryColumns ledger, int position, int m, Span<long> accumulators, Span<Accumulator> side, Tally tally, ref int outside)
    {
        int first = ledger.Starts[position], end = ledger.Starts[position + 1];
        var words = ledger.Packed.AsSpan(first, end - first);
        int startKey = compiled.StartKey, range = keyRange;
        // With fewer entries than the count field holds and values this small, no sum can overflow: the plain
        // pass. Otherwise every entry takes the checked path, which reports an overflow as the span pass does.
        if (end - first >= Tally.CountMask || (largestValue != 0 && end - first >= LargestFastValue / largestValue))
        {
            for (int checkedAt = 0; checkedAt < words.Length; checkedAt++)
            {
                if ((uint)(AssessmentEntryColumns.KeyOf(words[checkedAt]) - startKey) >= (uint)range)
                {
                    outside++;
                    continue;
                }
                General(ledger, position, first + checkedAt, m, accumulators, side, tally);
            }
            return true;
        }
        var targets = targetsByKind[(int)compiled.Members.Kind(m)];
        bool sideTouched = false;
        int k = 0;
        while (true)
        {
            k = FoldPlain(words, k, rowOf, targets, accumulators, startKey, range, ref outside);
            if (k >= words.Length)
            {
                break;
            }
            sideTouched |= FoldOne(ledger, position, first, k, m, words[k], targets, accumulators, side, tally);
            k++;
        }
        tally.Ignored[m] += (int)accumulators[Ignore];
        return sideTouched;
    }

    /// <summary>
    /// The hot loop: folds entries from <paramref name="k"/> on while they are plain (inside the period, an item
    /// with one version all period, a value held in the packed word, a packed target) and returns the position of
    /// the first that is not, or the end. Few live values and no bounds checks, so the loop stays in registers:
    /// every index is in range by construction (16-bit items into a 65,536-entry table, rows and variants into
    /// the target table, target indices into the accumulators).
    /// </summary>
    // Compiled fully optimised at once: called once a member, it would otherwise start in unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FoldPlain(ReadOnlySpan<ulong> words, int k, int[] rows, Target[] targets, Span<long> accumulators, int startKey, int range, ref int outside)
    {
        ref ulong word0 = ref MemoryMarshal.GetReference(words);
        ref int row0 = ref MemoryMarshal.GetArrayDataReference(rows);
        ref Target target0 = ref MemoryMarshal.GetArrayDataReference(targets);
        ref long accumulator0 = ref MemoryMarshal.GetReference(accumulators);
        int end = words.Length, outsideHere = 0;
        for (; k < end; k++)
        {
            ulong word = Unsafe.Add(ref word0, k);
            if ((uint)(AssessmentEntryColumns.KeyOf(word) - startKey) >= (uint)range)
            {
                outsideHere++;
                continue;
            }
            int row = Unsafe.Add(ref row0, (int)(ushort)word);
            short small = (short)(word >> AssessmentEntryColumns.ValueShift);
            if (row < 0 || small == short.MinValue)
            {
                break;
            }
            ref Target target = ref Unsafe.Add(ref target0, row + (int)((word >> AssessmentEntryColumns.ReminderShift) & (Variants - 1)));
            if (target.Mode != Mode.Packed)
            {
                break;
            }
            long value = Clamp(small * AssessmentEntryColumns.ValueStep, target.Minimum, target.Maximum);
            Unsafe.Add(ref accumulator0, target.Index) += (value << Tally.CountBits) + 1;
        }
        outside += outsideHere;
        return k;
    }

    /// <summary>Folds the one entry <see cref="FoldPlain"/> stopped at (it lies inside the period); true when it may have written to <paramref name="side"/>.</summary>
    private bool FoldOne(AssessmentEntryColumns ledger, int position, int first, int k, int m, ulong word, Target[] targets, Span<long> accumulators, Span<Accumulator> side, Tally tally)
    {
        int day = AssessmentEntryColumns.KeyOf(word) - compiled.StartKey;
        int item = (int)(ushort)word;
        if (item >= compiled.ItemCount)
        {
            throw Preconditions.InvalidInput(nameof(ledger), ErrorCodes.OutOfRange, $"An entry names item position {item}, but the rule book '{compiled.Book.Id}' has {compiled.ItemCount} items.");
        }
        int row = rowOf[item];
        if (row < 0)
        {
            row = versionOn[item * keyRange + day] * Variants;
        }
        ref readonly var target = ref targets[row + (int)((word >> AssessmentEntryColumns.ReminderShift) & (Variants - 1))];
        short small = (short)(word >> AssessmentEntryColumns.ValueShift);
        long value = Clamp(small != short.MinValue ? small * AssessmentEntryColumns.ValueStep : ledger.LargeValue(first + k), target.Minimum, target.Maximum);
        switch (target.Mode)
        {
            case Mode.Packed:
                accumulators[target.Index] += (value << Tally.CountBits) + 1;
                return false;
            case Mode.Side:
                side[target.Index].AddAt(value, target.Once);
                return true;
            default:
                General(ledger, position, first + k, m, accumulators, side, tally);
                return true;
        }
    }

    /// <summary>The checked path for one entry: the span pass's own code.</summary>
    private void General(AssessmentEntryColumns ledger, int position, int k, int m, Span<long> accumulators, Span<Accumulator> side, Tally tally)
    {
        var entry = ledger.EntryAt(position, k);
        EntryPass.AccumulateMember(compiled, tally, accumulators[FirstItemTarget..], side, m, in entry);
    }

    /// <summary>
    /// Clamps without branches: fixed and discretionary targets alternate at random in a ledger, so a branch would
    /// be mispredicted about half the time. Entry values are within ±2^50 (<see cref="AssessmentEntryColumns.LargeValue"/>)
    /// and target ranges far inside that, so the differences cannot overflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Clamp(long value, long minimum, long maximum)
    {
        value += (minimum - value) & ((value - minimum) >> 63);
        value -= (value - maximum) & ((maximum - value) >> 63);
        return value;
    }

    /// <summary>Counts the entries of a member not on the roster: outside the period, or of an unknown member.</summary>
    internal void CountUnknown(AssessmentEntryColumns ledger, int first, int end, ref int outside, ref int unknown)
    {
        var words = ledger.Packed.AsSpan(first, end - first);
        foreach (ulong word in words)
        {
            uint day = (uint)(AssessmentEntryColumns.KeyOf(word) - compiled.StartKey);
            if (day >= (uint)keyRange) outside++; else unknown++;
        }
    }

    /// <summary>A member's entries inside the period, for the in-order replay.</summary>
    internal List<AssessmentEntry> EntriesInPeriod(AssessmentEntryColumns ledger, MemberId member)
    {
        var list = new List<AssessmentEntry>();
        foreach (var e in ledger.EntriesOf(member))
        {
            if (compiled.Period.Contains(e.OccurredOn))
            {
                list.Add(e);
            }
        }
        return list;
    }

    /// <summary>How an occurrence is folded.</summary>
    private enum Mode : byte
    {
        /// <summary>Add the entry's value clamped to the target's range, and one occurrence, to accumulator <see cref="Target.Index"/> (an item's packed sum and count, or the ignored count).</summary>
        Packed,

        /// <summary>Add the entry's value clamped to the target's range to the side accumulator of item <see cref="Target.Index"/>.</summary>
        Side,

        /// <summary>Take the general, checked path.</summary>
        General,
    }

    /// <summary>Where an occurrence goes and the range its value is clamped to (a fixed value is a range of one).</summary>
    private readonly record struct Target(long Minimum, long Maximum, int Index, Mode Mode, bool Once)
    {
        internal static readonly Target Ignored = new(0, 0, Ignore, Mode.Packed, false);

        internal static readonly Target General = new(0, 0, 0, Mode.General, false);
    }
}
