using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GridGovernance.Algorithms;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// The overdue scan (督单): open orders keyed by the instant their time limit ends, kept current as orders change, so
/// that the overdue ones among a million are found in time proportional to how many are overdue, not to how many are
/// open. An engine: no repository, no clock; the caller says what changed and asks at an instant it chooses.
/// </summary>
/// <remarks>
/// <para>
/// An indexed min-heap of (due, order) pairs, one per tracked order: <see cref="Track"/> inserts a pair or
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
    private readonly IndexedHeap heap = new();

    /// <summary>How many orders are tracked.</summary>
    public int Count => heap.Count;

    /// <summary>The earliest instant at which a tracked order becomes overdue, or <c>null</c> when none is tracked.</summary>
    public Instant? NextDue => heap.Count == 0 ? null : Instant.FromUnixTimeTicks(heap.MinKey);

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
        heap.Set(order.Value, dueAt.ToUnixTimeTicks());
    }

    /// <summary>Stops tracking <paramref name="order"/>.</summary>
    /// <param name="order">The order.</param>
    /// <returns>Whether it was tracked.</returns>
    public bool Untrack(WorkOrderId order) => order.Value >= 0 && heap.Remove(order.Value);

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
        var found = new List<int>();
        heap.ItemsUpTo(now.ToUnixTimeTicks(), found);
        if (found.Count == 0)
        {
            return [];
        }
        found.Sort();
        var result = new WorkOrderId[found.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new WorkOrderId(found[i]);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }
}
