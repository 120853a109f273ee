using System.Collections.Immutable;
using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>The work-order figures officials report: open and overdue counts by grid, community and street, time to close, satisfaction.</summary>
/// <param name="AsOf">The instant the figures are taken at.</param>
/// <param name="Total">All orders counted.</param>
/// <param name="Open">Open orders.</param>
/// <param name="Overdue">Open orders past their limit.</param>
/// <param name="Closed">Closed orders.</param>
/// <param name="ByUnit">Counts per grid, community and street with at least one open order, by kind then id.</param>
/// <param name="MeanTimeToClose">The mean time from filing to closing, or <c>null</c> when none is closed.</param>
/// <param name="MedianTimeToClose">The median (lower middle) time from filing to closing, or <c>null</c>.</param>
/// <param name="Rated">Orders with a rating.</param>
/// <param name="Satisfied">Orders whose last rating is satisfied.</param>
[Immutable]
public sealed record WorkOrderReport(Instant AsOf, int Total, int Open, int Overdue, int Closed, ImmutableArray<WorkOrderUnitCounts> ByUnit,
    Duration? MeanTimeToClose, Duration? MedianTimeToClose, int Rated, int Satisfied)
{
    /// <summary>Satisfied ÷ rated (满意率), or <c>null</c> when nothing was rated.</summary>
    public double? SatisfactionRate => Rated == 0 ? null : (double)Satisfied / Rated;

    /// <summary>
    /// Computes the report: pure, independent of the order of <paramref name="orders"/>. An order counts under every
    /// grid, community and street on the path from its filing unit (<see cref="WorkOrder.Unit"/>) to the root of
    /// <paramref name="index"/>; an order whose unit is not in the index counts only in the totals.
    /// </summary>
    /// <param name="orders">The orders.</param>
    /// <param name="index">The hierarchy.</param>
    /// <param name="asOf">The instant to judge overdue at.</param>
    public static WorkOrderReport Compute(IEnumerable<WorkOrder> orders, HierarchyIndex index, Instant asOf)
    {
        Preconditions.CheckNotNull(orders);
        Preconditions.CheckNotNull(index);
        var counts = new Dictionary<OrgUnitId, (int Open, int Overdue)>();
        var closeTimes = new List<Duration>();
        int total = 0, open = 0, overdue = 0, closed = 0, rated = 0, satisfied = 0;
        foreach (var order in orders)
        {
            total++;
            if (order.Satisfied is bool s)
            {
                rated++;
                satisfied += s ? 1 : 0;
            }
            if (order.ClosedAt is Instant closedAt)
            {
                closed++;
                closeTimes.Add(closedAt - order.FiledAt);
            }
            if (!order.IsOpen)
            {
                continue;
            }
            open++;
            bool late = order.IsOverdueAt(asOf);
            overdue += late ? 1 : 0;
            NodeRef unit = order.Unit;
            if (!index.Contains(unit))
            {
                continue;
            }
            foreach (var node in index.Ancestors(unit).Prepend(unit))
            {
                var id = node.AsUnit();
                if (IsReported(index.KindOf(id)))
                {
                    counts.TryGetValue(id, out var c);
                    counts[id] = (c.Open + 1, c.Overdue + (late ? 1 : 0));
                }
            }
        }
        var byUnit = counts.Select(kv => new WorkOrderUnitCounts(kv.Key, index.KindOf(kv.Key), kv.Value.Open, kv.Value.Overdue))
            .OrderBy(c => Rank(c.Kind)).ThenBy(c => c.Unit.Value).ToImmutableArray();
        closeTimes.Sort();
        Duration? mean = closeTimes.Count == 0 ? null : Duration.FromTicks((long)(closeTimes.Sum(d => (decimal)d.BclCompatibleTicks) / closeTimes.Count));
        Duration? median = closeTimes.Count == 0 ? null : closeTimes[(closeTimes.Count - 1) / 2];
        return new WorkOrderReport(asOf, total, open, overdue, closed, byUnit, mean, median, rated, satisfied);
    }

    private static bool IsReported(UnitKind kind) => kind == UnitKind.GridBranch || kind == UnitKind.Community || kind == UnitKind.Street;

    private static int Rank(UnitKind kind) => kind == UnitKind.Street ? 0 : kind == UnitKind.Community ? 1 : 2;
}
