using System.Runtime.InteropServices;

namespace GridGovernance.Scoring.Engine;

/// <summary>
/// The assessment over entries in any order: one pass folds every entry into a packed tally row per member (a side
/// table for once-per-period and two-signed items), then each member is finished in closed form; a member whose
/// refuse-mode cap binds is replayed in order by <see cref="ReferenceReplay"/>. <see cref="Accumulate"/> is the same fold for
/// one entry, which <see cref="LiveAssessment"/> uses.
/// </summary>
internal static class EntryPass
{
    /// <summary>Assesses the compiled roster over <paramref name="entries"/>.</summary>
    internal static AssessmentResult Assess(CompiledRuleBook compiled, ReadOnlySpan<AssessmentEntry> entries)
    {
        var tally = new Tally(compiled);
        int outside = 0, unknown = 0;

        Fold(compiled, tally, entries, ref outside, ref unknown);

        var results = compiled.NewResults();
        List<int>? replay = null;
        for (int m = 0; m < results.Rows; m++)
        {
            if (!compiled.Finish(m, tally.Row(m), tally, results, m))
            {
                (replay ??= []).Add(m);
            }
        }
        if (replay is not null)
        {
            ReferenceReplay.Replay(compiled, entries, replay, results);
        }
        return new AssessmentResult(compiled.Book, compiled.Period, results, outside, unknown);
    }

    /// <summary>
    /// The bulk pass with everything the common case needs held in locals: single-signed items whose version is
    /// found in one step, members from a dense id table. Anything else goes through <see cref="Accumulate"/>, so
    /// both paths give the same tally.
    /// </summary>
    private static unsafe void Fold(CompiledRuleBook compiled, Tally tally, ReadOnlySpan<AssessmentEntry> entries, ref int outside, ref int unknown)
    {
        var table = compiled.MemberTable;
        if (table is null || !System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            for (int k = 0; k < entries.Length; k++)
            {
                var added = Accumulate(compiled, tally, in entries[k], out _);
                outside += added == AddOutcome.OutsidePeriod ? 1 : 0;
                unknown += added == AddOutcome.UnknownMember ? 1 : 0;
            }
            return;
        }
        const int Ahead = 16;
        int items = compiled.ItemCount;
        int startKey = compiled.StartKey, endKey = compiled.EndKey;
        var segmentStart = compiled.SegmentStart;
        var segmentFrom = compiled.SegmentFromKey;
        var rules = compiled.SegmentRules;
        var side = compiled.SideItems;
        var roster = compiled.Members;
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
                int key = CompiledRuleBook.Key(e.OccurredOn);
                int m = memberId < (uint)table.Length ? table[memberId] - 1 : -1;
                if (m < 0 || (uint)item >= (uint)items || side[item] || key < startKey || key > endKey
                    || segmentStart[item + 1] - segmentStart[item] != 1)
                {
                    var added = Accumulate(compiled, tally, in e, out _);
                    outside += added == AddOutcome.OutsidePeriod ? 1 : 0;
                    unknown += added == AddOutcome.UnknownMember ? 1 : 0;
                    continue;
                }
                int s = segmentStart[item];
                ref readonly var rule = ref rules[s];
                if (segmentFrom[s] > key || (rule.EligibleMask & roster.KindBit(m)) == 0)
                {
                    tally.Ignored[m]++;
                    continue;
                }
                if (!rule.TryValue(in e, out long value))
                {
                    tally.Ignored[m]++;
                    continue;
                }
                long* packed = packedBase + ((long)m * items + item);
                long add = (value << Tally.CountBits) + 1;
                long next = *packed + add;
                if (((*packed ^ next) & (add ^ next)) < 0 || (*packed & Tally.CountMask) == Tally.CountMask)
                {
                    // Let the checked path report it.
                    Accumulate(compiled, tally, in e, out _);
                    continue;
                }
                *packed = next;
            }
        }
    }

    private static GridGovernanceException TallyOverflow(CompiledRuleBook compiled, int m, int item) =>
        new(ErrorCodes.ArithmeticOverflow, $"{compiled.Members.Id(m)} has more points or occurrences of '{compiled.Book.Items[item].Code}' in {compiled.Period} than the engine can add up " +
            $"(at most {Tally.CountMask - 1:N0} occurrences and {(long.MaxValue >> Tally.CountBits) / Points.UnitsPerPoint:N0} points per member and item).", new OverflowException());

    /// <summary>Folds one entry into the tally: O(1), no allocation on the common path.</summary>
    internal static AddOutcome Accumulate(CompiledRuleBook compiled, Tally tally, in AssessmentEntry e, out int member)
    {
        member = -1;
        var date = e.OccurredOn;
        int key = CompiledRuleBook.Key(date);
        if (key < compiled.StartKey || key > compiled.EndKey)
        {
            return AddOutcome.OutsidePeriod;
        }
        int m = compiled.MemberIndex(e.Member);
        if (m < 0)
        {
            return AddOutcome.UnknownMember;
        }
        member = m;
        return AccumulateMember(compiled, tally, tally.Row(m), [], m, in e);
    }

    /// <summary>
    /// Folds one entry of a known member, inside the period, into the member's packed row or side accumulators: those
    /// of <paramref name="sideRow"/> (by item) when given, else the tally's side table.
    /// </summary>
    internal static AddOutcome AccumulateMember(CompiledRuleBook compiled, Tally tally, Span<long> packedRow, Span<Accumulator> sideRow, int m, in AssessmentEntry e)
    {
        var date = e.OccurredOn;
        int key = CompiledRuleBook.Key(date);
        int items = compiled.ItemCount;
        int item = e.ItemIndex;
        if ((uint)item >= (uint)items)
        {
            throw Preconditions.InvalidArgument($"An entry names item position {item}, but the rule book '{compiled.Book.Id}' has {items} items.", "entries");
        }
        ref readonly var rule = ref compiled.RuleOn(item, key, out bool inForce);
        if (!inForce || (rule.EligibleMask & (1 << (int)compiled.Members.Kind(m))) == 0 || !rule.TryValue(in e, out long value))
        {
            tally.Ignored[m]++;
            return AddOutcome.Ignored;
        }
        if (!compiled.SideItems[item])
        {
            // Sum and count in one long: sum << 20 plus the count. Overflow is detected, never wrapped.
            ref long packed = ref packedRow[item];
            long add = (value << Tally.CountBits) + 1;
            long next = packed + add;
            if (((packed ^ next) & (add ^ next)) < 0 || (packed & Tally.CountMask) == Tally.CountMask)
            {
                throw TallyOverflow(compiled, m, item);
            }
            packed = next;
            return AddOutcome.Counted;
        }
        ref var a = ref sideRow.IsEmpty ? ref CollectionsMarshal.GetValueRefOrAddDefault(tally.Side, m * items + item, out _) : ref sideRow[item];
        a.Add(value, rule.OncePerPeriod, key, e.Sequence);
        return AddOutcome.Counted;
    }
}
