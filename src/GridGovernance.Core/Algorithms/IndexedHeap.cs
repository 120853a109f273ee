using System.Runtime.CompilerServices;

namespace GridGovernance.Algorithms;

/// <summary>
/// A min-heap of (key, item) pairs, at most one pair an item, ordered by key and then by item, so that equal keys
/// come out in one order whatever the order of the calls. An item is a small non-negative integer; a table by item
/// finds its pair, so <see cref="Set"/> moves a queued item to its new key in O(log n). Four children a node: half the
/// levels of a binary heap, and a node's children share a cache line or two.
/// </summary>
/// <remarks>The table grows with the highest item queued; give the item count up front when it is known.</remarks>
internal sealed class IndexedHeap
{
    /// <summary>How many children a node has: children of the pair at <c>i</c> are at <c>4i + 1 … 4i + 4</c>.</summary>
    internal const int Arity = 4;

    private Entry[] entries;
    private int[] slot; // by item: its place in the heap plus one; 0 when not queued
    private int count;

    internal IndexedHeap(int items = 0)
    {
        entries = new Entry[Math.Max(16, Math.Min(items, 1024))];
        slot = new int[items];
    }

    internal int Count => count;

    /// <summary>The least key; the heap must not be empty.</summary>
    internal long MinKey => entries[0].Key;

    /// <summary>The item with the least key; the heap must not be empty.</summary>
    internal int MinItem => entries[0].Item;

    internal bool Contains(int item) => item < slot.Length && slot[item] != 0;

    /// <summary>Queues <paramref name="item"/> with <paramref name="key"/>, or moves it there when it is queued already.</summary>
    internal void Set(int item, long key)
    {
        int at = item < slot.Length ? slot[item] - 1 : -1;
        if (at < 0)
        {
            Insert(item, key);
            return;
        }
        var old = entries[at];
        var entry = new Entry(key, item);
        if (Less(entry, old))
        {
            Up(at, entry);
        }
        else
        {
            Down(at, entry);
        }
    }

    /// <summary>Queues <paramref name="item"/> with <paramref name="key"/>, or lowers its key when it is queued with a higher one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void SetIfLower(int item, long key)
    {
        int at = slot[item] - 1;
        if (at < 0)
        {
            Insert(item, key);
        }
        else
        {
            var entry = new Entry(key, item);
            if (Less(entry, entries[at]))
            {
                Up(at, entry);
            }
        }
    }

    /// <summary>Takes out the item with the least key and returns it; the heap must not be empty.</summary>
    internal int Pop()
    {
        var e = entries;
        int item = e[0].Item;
        slot[item] = 0;
        int last = --count;
        if (last > 0)
        {
            Down(0, e[last]);
        }
        return item;
    }

    /// <summary>Empties the heap in time proportional to what it holds.</summary>
    internal void Clear()
    {
        for (int i = 0; i < count; i++)
        {
            slot[entries[i].Item] = 0;
        }
        count = 0;
    }

    private void Insert(int item, long key)
    {
        if (count == entries.Length)
        {
            Array.Resize(ref entries, count * 2);
        }
        if (item >= slot.Length)
        {
            Array.Resize(ref slot, (int)Math.Min(Array.MaxLength, Math.Max(item + 1L, slot.Length * 2L)));
        }
        Up(count++, new Entry(key, item));
    }

    /// <summary>Puts <paramref name="entry"/> at <paramref name="at"/> or above, moving larger parents down.</summary>
    private void Up(int at, Entry entry)
    {
        var e = entries;
        var s = slot;
        while (at > 0)
        {
            int parent = (at - 1) / Arity;
            var p = e[parent];
            if (!Less(entry, p))
            {
                break;
            }
            e[at] = p;
            s[p.Item] = at + 1;
            at = parent;
        }
        e[at] = entry;
        s[entry.Item] = at + 1;
    }

    /// <summary>Puts <paramref name="entry"/> at <paramref name="at"/> or below, moving smaller children up.</summary>
    private void Down(int at, Entry entry)
    {
        var e = entries;
        var s = slot;
        int n = count;
        while (true)
        {
            int first = (Arity * at) + 1;
            if (first >= n)
            {
                break;
            }
            int best = first;
            int end = Math.Min(first + Arity, n);
            for (int c = first + 1; c < end; c++)
            {
                if (Less(e[c], e[best]))
                {
                    best = c;
                }
            }
            var b = e[best];
            if (!Less(b, entry))
            {
                break;
            }
            e[at] = b;
            s[b.Item] = at + 1;
            at = best;
        }
        e[at] = entry;
        s[entry.Item] = at + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in Entry a, in Entry b) => a.Key < b.Key || (a.Key == b.Key && a.Item < b.Item);

    private readonly record struct Entry(long Key, int Item);
}
