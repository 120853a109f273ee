using System.Runtime.InteropServices;
using NodaTime;

namespace GridGovernance.Scoring;

/// <summary>
/// A ledger's approved entries laid out for assessment (量化考核): grouped by member, in columns, with each entry's
/// item, occurrence date, tier and reminder flag packed into eight bytes. What
/// <see cref="AssessmentEngine.Assess(RuleBook, AssessmentPeriod, IReadOnlyList{AssessmentSubject}, AssessmentEntryColumns)"/>
/// reads fastest: one sequential pass, each member's tally held in the cache.
/// </summary>
/// <remarks>
/// <para>
/// It holds the entries (items by position in a rule book, dates, values, tiers), not their points: the rule book
/// and the period are applied when it is assessed. Build it once per export (<see cref="From"/>, or a
/// <see cref="Builder"/> fed entry by entry) and assess it as often as needed — with other rosters and multipliers,
/// or a rule-book version that keeps the same item positions — and the result is the same as assessing the entries
/// themselves, whatever order they came in. What the entries mean is fixed when they are made: an export for one
/// period and rule book (<c>LedgerExportService.ExportColumnsForAssessmentAsync</c>) holds that period's entries, with
/// item positions, tiers and discretionary values resolved against that rule book.
/// </para>
/// <para>Immutable and safe to share between threads.</para>
/// </remarks>
[Immutable]
public sealed class AssessmentEntryColumns
{
    // The packed entry: bits 0-15 the item position, bit 16 "after a reminder", bits 17-19 the tier (7: any other
    // tier, read from the tiers column), bits 24-47 the date key (year << 9 | month << 5 | day), bits 48-63 the
    // value in hundredths of a point when it is a whole number of them within ±327.67 points (else -32768:
    // read it from the values column).
    internal const int ItemBits = 16;
    internal const int ReminderShift = 16;
    internal const int TierShift = 17;
    internal const int OtherTier = 7;
    internal const int KeyShift = 24;
    internal const int KeyMask = 0xFF_FFFF;
    internal const int ValueShift = 48;
    internal const long ValueStep = 100;

    /// <summary>The largest item position an entry may name.</summary>
    public const int MaxItemPosition = (1 << ItemBits) - 1;

    private readonly int[] memberIds;
    private readonly int[] starts;
    private readonly ulong[] packed;
    private readonly long[] values;
    private readonly int[] tiers;
    private readonly long[] sequences;

    private AssessmentEntryColumns(int[] memberIds, int[] starts, ulong[] packed, long[] values, int[] tiers, long[] sequences)
    {
        this.memberIds = memberIds;
        this.starts = starts;
        this.packed = packed;
        this.values = values;
        this.tiers = tiers;
        this.sequences = sequences;
    }

    /// <summary>An empty ledger.</summary>
    public static AssessmentEntryColumns Empty { get; } = new([], [0], [], [], [], []);

    /// <summary>The number of entries.</summary>
    public int Count => packed.Length;

    /// <summary>The number of distinct members with entries.</summary>
    public int MemberCount => memberIds.Length;

    /// <summary>The members with entries, ascending.</summary>
    public IEnumerable<MemberId> Members => memberIds.Select(id => new MemberId(id));

    /// <summary>Lays entries out for assessment.</summary>
    /// <param name="entries">The entries, in any order.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="GridGovernanceValidationException">An entry has an unspecified member, names an item position outside
    /// 0 to <see cref="MaxItemPosition"/>, or has a date outside the ISO calendar or the years 1 to 9999.</exception>
    public static AssessmentEntryColumns From(ReadOnlySpan<AssessmentEntry> entries)
    {
        for (int k = 0; k < entries.Length; k++)
        {
            Check(in entries[k], k);
        }
        return Group(new Runs(entries));
    }

    /// <summary>The entries of one member (empty when none), in the order they were given.</summary>
    /// <param name="member">The member.</param>
    public IReadOnlyList<AssessmentEntry> EntriesOf(MemberId member)
    {
        int i = Array.BinarySearch(memberIds, member.Value);
        if (i < 0)
        {
            return [];
        }
        var list = new AssessmentEntry[starts[i + 1] - starts[i]];
        for (int k = 0; k < list.Length; k++)
        {
            list[k] = EntryAt(i, starts[i] + k);
        }
        return list;
    }

    /// <summary>Every entry, grouped by member (ascending) and within a member in the order given.</summary>
    public AssessmentEntry[] ToArray()
    {
        var all = new AssessmentEntry[packed.Length];
        for (int i = 0; i < memberIds.Length; i++)
        {
            for (int k = starts[i]; k < starts[i + 1]; k++)
            {
                all[k] = EntryAt(i, k);
            }
        }
        return all;
    }

    internal ReadOnlySpan<int> MemberIds => memberIds;

    /// <summary>Where each member's entries start; one more element than members, the last is <see cref="Count"/>.</summary>
    internal ReadOnlySpan<int> Starts => starts;

    internal ulong[] Packed => packed;

    internal long[] Values => values;

    /// <summary>The date key (year &lt;&lt; 9 | month &lt;&lt; 5 | day) of a packed entry.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int KeyOf(ulong word) => (int)(word >> KeyShift) & KeyMask;

    /// <summary>The value (in units) of entry <paramref name="k"/> whose packed word does not hold it, brought within ±2^50 (no rule's range reaches that far).</summary>
    internal long LargeValue(int k) => Math.Clamp(values[k], -(1L << 50), 1L << 50);

    /// <summary>The full entry at position <paramref name="k"/> of the member at <paramref name="memberPosition"/>.</summary>
    internal AssessmentEntry EntryAt(int memberPosition, int k)
    {
        ulong word = packed[k];
        int key = KeyOf(word);
        return new AssessmentEntry(new MemberId(memberIds[memberPosition]), (int)(word & MaxItemPosition), new LocalDate(key >> 9, (key >> 5) & 15, key & 31), sequences[k])
        {
            Value = Points.FromUnits(values[k]),
            Tier = tiers[k],
            AfterReminder = (word & (1UL << ReminderShift)) != 0,
        };
    }

    private static void Check(in AssessmentEntry e, int position)
    {
        if (!e.Member.IsSpecified)
        {
            throw Preconditions.InvalidArgument($"Entry {position} has no member (default MemberId).", "entries");
        }
        if ((uint)e.ItemIndex > MaxItemPosition)
        {
            throw Preconditions.InvalidArgument($"Entry {position} names item position {e.ItemIndex}; an assessment ledger holds positions 0 to {MaxItemPosition}.", "entries");
        }
        if (e.OccurredOn.Calendar != CalendarSystem.Iso || e.OccurredOn.Year < 1)
        {
            throw Preconditions.InvalidArgument($"Entry {position} occurred on {e.OccurredOn} ({e.OccurredOn.Calendar.Id}); an assessment ledger holds ISO dates of the years 1 to 9999.", "entries");
        }
    }

    private static ulong Pack(in AssessmentEntry e)
    {
        var d = e.OccurredOn;
        ulong key = (ulong)((d.Year << 9) | (d.Month << 5) | d.Day);
        ulong tier = (uint)e.Tier < OtherTier ? (ulong)e.Tier : OtherTier;
        long units = e.Value.Units;
        long hundredths = units / ValueStep;
        ulong small = units % ValueStep == 0 && hundredths > short.MinValue && hundredths <= short.MaxValue ? (ulong)(ushort)(short)hundredths : 0x8000UL;
        return (uint)e.ItemIndex | (e.AfterReminder ? 1UL << ReminderShift : 0) | (tier << TierShift) | (key << KeyShift) | (small << ValueShift);
    }

    /// <summary>A counting sort by member: two passes over the entries, stable within a member.</summary>
    private static AssessmentEntryColumns Group(Runs entries)
    {
        if (entries.Length == 0)
        {
            return Empty;
        }
        int min = int.MaxValue, max = int.MinValue;
        for (int r = 0; r < entries.Count; r++)
        {
            foreach (ref readonly var e in entries[r])
            {
                min = Math.Min(min, e.Member.Value);
                max = Math.Max(max, e.Member.Value);
            }
        }
        int[] memberIds;
        int[] starts;
        int[] cursor;
        Func<int, int> slotOf;
        if ((long)max - min <= 4L * entries.Length + 1024)
        {
            // Dense ids: a count per id, then the ids with entries in ascending order.
            var count = new int[max - min + 1];
            for (int r = 0; r < entries.Count; r++)
            {
                foreach (ref readonly var e in entries[r])
                {
                    count[e.Member.Value - min]++;
                }
            }
            int distinct = 0;
            foreach (int c in count)
            {
                distinct += c == 0 ? 0 : 1;
            }
            memberIds = new int[distinct];
            starts = new int[distinct + 1];
            cursor = count; // reused: the running write position of each id
            int position = 0, at = 0;
            for (int i = 0; i < count.Length; i++)
            {
                int c = count[i];
                if (c == 0)
                {
                    continue;
                }
                memberIds[position] = min + i;
                starts[position++] = at;
                cursor[i] = at;
                at += c;
            }
            starts[distinct] = at;
            slotOf = id => id - min;
        }
        else
        {
            var counts = new Dictionary<int, int>();
            for (int r = 0; r < entries.Count; r++)
            {
                foreach (ref readonly var e in entries[r])
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(counts, e.Member.Value, out _)++;
                }
            }
            memberIds = [.. counts.Keys];
            Array.Sort(memberIds);
            starts = new int[memberIds.Length + 1];
            cursor = new int[memberIds.Length];
            var slots = new Dictionary<int, int>(memberIds.Length);
            int at = 0;
            for (int i = 0; i < memberIds.Length; i++)
            {
                slots[memberIds[i]] = i;
                starts[i] = cursor[i] = at;
                at += counts[memberIds[i]];
            }
            starts[memberIds.Length] = at;
            slotOf = id => slots[id];
        }
        var packed = new ulong[entries.Length];
        var values = new long[entries.Length];
        var tiers = new int[entries.Length];
        var sequences = new long[entries.Length];
        for (int r = 0; r < entries.Count; r++)
        {
            foreach (ref readonly var e in entries[r])
            {
                int k = cursor[slotOf(e.Member.Value)]++;
                packed[k] = Pack(in e);
                values[k] = e.Value.Units;
                tiers[k] = e.Tier;
                sequences[k] = e.Sequence;
            }
        }
        return new AssessmentEntryColumns(memberIds, starts, packed, values, tiers, sequences);
    }

    /// <summary>Entries in order, as one span (<see cref="From"/>) or as the runs a <see cref="Builder"/> filled.</summary>
    private readonly ref struct Runs
    {
        private readonly ReadOnlySpan<AssessmentEntry> single;
        private readonly List<AssessmentEntry[]>? chunks;
        private readonly int usedInLast;

        public Runs(ReadOnlySpan<AssessmentEntry> entries)
        {
            single = entries;
            Count = 1;
            Length = entries.Length;
        }

        public Runs(List<AssessmentEntry[]> chunks, int usedInLast, int length)
        {
            this.chunks = chunks;
            this.usedInLast = usedInLast;
            Count = chunks.Count;
            Length = length;
        }

        /// <summary>The number of runs.</summary>
        public int Count { get; }

        /// <summary>The number of entries in all runs.</summary>
        public int Length { get; }

        public ReadOnlySpan<AssessmentEntry> this[int run] =>
            chunks is null ? single : chunks[run].AsSpan(0, run == chunks.Count - 1 ? usedInLast : chunks[run].Length);
    }

    /// <summary>
    /// Collects entries one at a time (for example while streaming a ledger export) and lays them out with
    /// <see cref="Build"/>. Each entry is checked as it is added, so a bad one is refused before it is kept.
    /// </summary>
    [Mutable]
    public sealed class Builder
    {
        // Entries are kept in chunks that are filled and never moved: the first ones small (a builder for a handful of
        // entries stays small), then of ChunkSize. Growing one array by doubling would copy every entry about once more
        // and allocate about twice the final size: for a city's 10M-entry export that is over 1 GB of fresh memory,
        // whose page faults cost more than the reading of the rows (docs/benchmarks.md).
        private const int FirstChunkSize = 1024;
        private const int ChunkSize = 1 << 16;
        private readonly List<AssessmentEntry[]> chunks = [];
        private AssessmentEntry[] current = [];
        private int usedInCurrent;
        private int count;

        /// <summary>The number of entries added.</summary>
        public int Count => count;

        /// <summary>Adds one entry.</summary>
        /// <param name="entry">The entry.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="GridGovernanceValidationException">The entry is one <see cref="From"/> refuses; nothing is added.</exception>
        public Builder Add(in AssessmentEntry entry)
        {
            Check(in entry, count);
            if (usedInCurrent == current.Length)
            {
                current = new AssessmentEntry[current.Length == 0 ? FirstChunkSize : Math.Min(ChunkSize, current.Length * 2)];
                chunks.Add(current);
                usedInCurrent = 0;
            }
            current[usedInCurrent++] = entry;
            count++;
            return this;
        }

        /// <summary>Lays out the entries added so far; the builder can go on collecting afterwards.</summary>
        public AssessmentEntryColumns Build() => Group(new Runs(chunks, usedInCurrent, count));
    }
}
