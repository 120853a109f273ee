using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// The overdue scan (督单): open orders keyed by the instant their time limit ends, kept current as orders change, so
/// that the overdue ones among a million are found in time proportional to how many are overdue, not to how many are
/// open. An engine: no repository, no clock; the caller says what changed and asks at an instant it chooses.
/// </summary>
/// <remarks>
/// <para>
/// A binary min-heap of (due, order) pairs with lazy deletion: <see cref="Track"/> pushes a pair and remembers it as
/// the order's current one; <see cref="Untrack"/> forgets it; a pair that is no longer current is skipped and the heap
/// is rebuilt once such pairs outnumber the current ones. <see cref="Overdue"/> walks the heap from the root and
/// stops at every node due after the instant asked about — its whole subtree is due later — so it visits the
/// overdue pairs, their children and the stale pairs, and never the rest. Answers are sorted by id, so they do not
/// depend on the order of changes.
/// </para>
/// <para>
/// Use one index for time limits (<see cref="WorkOrder.DueAt"/>) and, if wanted, another for reminders
/// (<see cref="WorkOrder.RemindAt"/>); <see cref="Update"/> and <see cref="UpdateReminder"/> take an order as it is
/// after a change. <c>[Mutable]</c>: one writer at a time.
/// </para>
/// </remarks>
[Mutable]
public sealed class OverdueIndex
{
    private readonly Dictionary<int, long> current = [];
    private long[] keys = new long[16];
    private int[] ids = new int[16];
    private int size;

    /// <summary>How many orders are tracked.</summary>
    public int Count => current.Count;

    /// <summary>The earliest instant at which a tracked order becomes overdue, or <c>null</c> when none is tracked.</summary>
    public Instant? NextDue
    {
        get
        {
            while (size > 0 && !IsCurrent(0))
            {
                Pop();
            }
            return size == 0 ? null : Instant.FromUnixTimeTicks(keys[0]);
        }
    }

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
        Preconditions.CheckArgument(order.IsSpecified, nameof(order), "order must be a real work-order id, not default.");
        long key = dueAt.ToUnixTimeTicks();
        if (current.TryGetValue(order.Value, out long existing) && existing == key)
        {
            return;
        }
        current[order.Value] = key;
        Push(key, order.Value);
        CompactIfStale();
    }

    /// <summary>Stops tracking <paramref name="order"/>.</summary>
    /// <param name="order">The order.</param>
    /// <returns>Whether it was tracked.</returns>
    public bool Untrack(WorkOrderId order)
    {
        bool removed = current.Remove(order.Value);
        if (removed)
        {
            CompactIfStale();
        }
        return removed;
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
        var found = new List<int>();
        if (size > 0 && keys[0] <= limit)
        {
            var stack = new Stack<int>();
            stack.Push(0);
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                if (IsCurrent(i))
                {
                    found.Add(ids[i]);
                }
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
        }
        found.Sort();
        var result = ImmutableArray.CreateBuilder<WorkOrderId>(found.Count);
        for (int i = 0; i < found.Count; i++)
        {
            // An order tracked at k, then elsewhere, then at k again has two current pairs: report it once.
            if (i == 0 || found[i] != found[i - 1])
            {
                result.Add(new WorkOrderId(found[i]));
            }
        }
        return result.ToImmutable();
    }

    private bool IsCurrent(int i) => current.TryGetValue(ids[i], out long key) && key == keys[i];

    private void CompactIfStale()
    {
        if (size <= 2 * current.Count + 1024)
        {
            return;
        }
        size = 0;
        foreach (var (id, key) in current)
        {
            keys[size] = key;
            ids[size] = id;
            size++;
        }
        for (int i = size / 2 - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    private void Push(long key, int id)
    {
        if (size == keys.Length)
        {
            Array.Resize(ref keys, size * 2);
            Array.Resize(ref ids, size * 2);
        }
        int i = size++;
        keys[i] = key;
        ids[i] = id;
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Less(i, parent))
            {
                break;
            }
            Swap(i, parent);
            i = parent;
        }
    }

    private void Pop()
    {
        size--;
        keys[0] = keys[size];
        ids[0] = ids[size];
        SiftDown(0);
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
    }
}
