using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// The overdue scan (督单): open orders keyed by the instant their time limit ends, kept current as orders change, so
/// that the overdue ones among a million are found in time proportional to how many are overdue, not to how many are
/// open. An engine: no repository, no clock; the caller says what changed and asks at an instant it chooses.
/// </summary>
/// <remarks>
/// <para>
/// An indexed binary min-heap of (due, order) pairs, one per tracked order: <see cref="Track"/> inserts a pair or
/// moves the order's pair to its new place (O(log n)); <see cref="Untrack"/> removes it (O(log n)). A position table
/// indexed by order id finds an order's pair, so its memory grows with the highest id tracked (the service hands
/// ids out densely, from 1). <see cref="Overdue"/> walks the heap from the root and stops at every node due after
/// the instant asked about — its whole subtree is due later — so it visits the overdue pairs and their children,
/// never the rest. Answers are sorted by id, so they do not depend on the order of changes.
/// </para>
/// <para>
/// Use one index for time limits (<see cref="WorkOrder.DueAt"/>) and, if wanted, another for reminders
/// (<see cref="WorkOrder.RemindAt"/>); <see cref="Update"/> and <see cref="UpdateReminder"/> take an order as it is
/// after a change. Not thread-safe: one writer at a time.
/// </para>
/// </remarks>
[Mutable]
public sealed class OverdueIndex
{
    // Its own binary heap, not the shared Algorithms/IndexedHeap that the claims and contacts solvers use (issue 17):
    // measured old against new on a quiet machine (docs/benchmarks.md, "The overdue index on a quiet machine"), moving a
    // tracked order through the shared heap cost about 30 % more per change (40-45 ns against 31-35 ns), with a two-ary
    // shared heap worse still (53 ns); the bar for the shared code is at most 5 % slower. Keys and ids in parallel arrays
    // swap in place, which is what this one hot path needs.
    private long[] keys = new long[16];
    private int[] ids = new int[16];
    private int[] position = [];   // by order id: its place in the heap plus one; 0 when not tracked
    private int size;

    /// <summary>How many orders are tracked.</summary>
    public int Count => size;

    /// <summary>The earliest instant at which a tracked order becomes overdue, or <c>null</c> when none is tracked.</summary>
    public Instant? NextDue => size == 0 ? null : Instant.FromUnixTimeTicks(keys[0]);

    /// <summary>An index of the open orders with a time limit among <paramref name="orders"/>, keyed by <see cref="WorkOrder.DueAt"/>.</summary>
    /// <param name="orders">The orders.</param>
    public static OverdueIndex ForDueDates(IEnumerable<WorkOrder> orders)
    {
        var index = new OverdueIndex();
        foreach (var order in Preconditions.CheckNotNull(orders))
        {
            index.Update(order);
        }
        return index;
    }

    /// <summary>Tracks <paramref name="order"/> as due at <paramref name="dueAt"/>, replacing what was tracked for it.</summary>
    /// <param name="order">The order.</param>
    /// <param name="dueAt">The end of its limit.</param>
    public void Track(WorkOrderId order, Instant dueAt)
    {
        Preconditions.CheckSpecified(order.IsSpecified, nameof(order), "order must be a real work-order id, not default.");
        long key = dueAt.ToUnixTimeTicks();
        int id = order.Value;
        int at = PositionOf(id);
        if (at >= 0)
        {
            long old = keys[at];
            keys[at] = key;
            if (key < old)
            {
                SiftUp(at);
            }
            else
            {
                SiftDown(at);
            }
            return;
        }
        if (size == keys.Length)
        {
            Array.Resize(ref keys, size * 2);
            Array.Resize(ref ids, size * 2);
        }
        if (id >= position.Length)
        {
            Array.Resize(ref position, (int)Math.Min(Array.MaxLength, Math.Max(id + 1L, position.Length * 2L)));
        }
        int i = size++;
        keys[i] = key;
        ids[i] = id;
        position[id] = i + 1;
        SiftUp(i);
    }

    /// <summary>Stops tracking <paramref name="order"/>.</summary>
    /// <param name="order">The order.</param>
    /// <returns>Whether it was tracked.</returns>
    public bool Untrack(WorkOrderId order)
    {
        int at = order.Value >= 0 ? PositionOf(order.Value) : -1;
        if (at < 0)
        {
            return false;
        }
        position[order.Value] = 0;
        size--;
        if (at == size)
        {
            return true;
        }
        keys[at] = keys[size];
        ids[at] = ids[size];
        position[ids[at]] = at + 1;
        SiftDown(at);
        SiftUp(at);
        return true;
    }

    /// <summary>Tracks an order by its time limit while it is open and has one, and stops tracking it otherwise.</summary>
    /// <param name="order">The order as it is now.</param>
    public void Update(WorkOrder order)
    {
        Preconditions.CheckNotNull(order);
        if (order.IsOpen && order.DueAt is Instant due)
        {
            Track(order.Id, due);
        }
        else
        {
            Untrack(order.Id);
        }
    }

    /// <summary>Tracks an order by its pending reminder while it is open and has one, and stops tracking it otherwise.</summary>
    /// <param name="order">The order as it is now.</param>
    public void UpdateReminder(WorkOrder order)
    {
        Preconditions.CheckNotNull(order);
        if (order.IsOpen && order.RemindAt is Instant remind)
        {
            Track(order.Id, remind);
        }
        else
        {
            Untrack(order.Id);
        }
    }

    /// <summary>The tracked orders whose instant is at or before <paramref name="now"/>, sorted by id.</summary>
    /// <param name="now">The instant to judge at.</param>
    public ImmutableArray<WorkOrderId> Overdue(Instant now)
    {
        long limit = now.ToUnixTimeTicks();
        if (size == 0 || keys[0] > limit)
        {
            return [];
        }
        var found = new List<int>();
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            found.Add(ids[i]);
            int left = 2 * i + 1;
            if (left < size && keys[left] <= limit)
            {
                stack.Push(left);
            }
            if (left + 1 < size && keys[left + 1] <= limit)
            {
                stack.Push(left + 1);
            }
        }
        found.Sort();
        var result = new WorkOrderId[found.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new WorkOrderId(found[i]);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private int PositionOf(int id) => id < position.Length ? position[id] - 1 : -1;

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Less(i, parent))
            {
                return;
            }
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            int left = 2 * i + 1;
            int smallest = i;
            if (left < size && Less(left, smallest))
            {
                smallest = left;
            }
            if (left + 1 < size && Less(left + 1, smallest))
            {
                smallest = left + 1;
            }
            if (smallest == i)
            {
                return;
            }
            Swap(i, smallest);
            i = smallest;
        }
    }

    private bool Less(int a, int b) => keys[a] < keys[b] || (keys[a] == keys[b] && ids[a] < ids[b]);

    private void Swap(int a, int b)
    {
        (keys[a], keys[b]) = (keys[b], keys[a]);
        (ids[a], ids[b]) = (ids[b], ids[a]);
        position[ids[a]] = a + 1;
        position[ids[b]] = b + 1;
    }
}
