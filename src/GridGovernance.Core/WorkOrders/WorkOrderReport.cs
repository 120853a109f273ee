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
/// <param name="ByUnit">Counts per grid, community and street (by the schema's levels) with at least one open order, streets first, then by id.</param>
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
    /// <remarks>Counts the kinds the <see cref="HierarchySchemas.Standard"/> schema puts at grid, community and street level; pass the city's schema to <see cref="Compute(IEnumerable{WorkOrder}, HierarchyIndex, HierarchySchema, Instant)"/>.</remarks>
    public static WorkOrderReport Compute(IEnumerable<WorkOrder> orders, HierarchyIndex index, Instant asOf) =>
        Compute(orders, index, HierarchySchemas.Standard, asOf);

    /// <summary>
    /// Computes the report with the city's schema: an order counts under every unit the schema puts at grid, community
    /// or street level (<see cref="HierarchySchema.LevelOf"/>, by each unit's kind on the index's day: a town counts as a
    /// street, each of several grid kinds as a grid, and of grid units nested in one another only the outermost) on the
    /// path from its filing unit to the root. Pure, independent of
    /// the order of <paramref name="orders"/>; an order whose unit is not in the index counts only in the totals.
    /// </summary>
    /// <param name="orders">The orders.</param>
    /// <param name="index">The hierarchy.</param>
    /// <param name="schema">The schema whose levels are reported.</param>
    /// <param name="asOf">The instant to judge overdue at.</param>
    public static WorkOrderReport Compute(IEnumerable<WorkOrder> orders, HierarchyIndex index, HierarchySchema schema, Instant asOf)
    {
        Preconditions.CheckNotNull(orders);
        Preconditions.CheckNotNull(index);
        Preconditions.CheckNotNull(schema);
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
            // A grid unit under another grid unit is part of that grid: only the outermost grid of the path counts.
            OrgUnitId? grid = null;
            foreach (var node in index.Ancestors(unit).Prepend(unit))
            {
                var id = node.AsUnit();
                int rank = Rank(schema, index.KindOf(id));
                if (rank == GridRank)
                {
                    grid = id;
                }
                else if (rank >= 0)
                {
                    Count(counts, id, late);
                }
            }
            if (grid is OrgUnitId g)
            {
                Count(counts, g, late);
            }
        }
        var byUnit = counts.Select(kv => new WorkOrderUnitCounts(kv.Key, index.KindOf(kv.Key), kv.Value.Open, kv.Value.Overdue))
            .OrderBy(c => Rank(schema, c.Kind)).ThenBy(c => c.Unit.Value).ToImmutableArray();
        closeTimes.Sort();
        Duration? mean = closeTimes.Count == 0 ? null : Duration.FromTicks((long)(closeTimes.Sum(d => (decimal)d.BclCompatibleTicks) / closeTimes.Count));
        Duration? median = closeTimes.Count == 0 ? null : closeTimes[(closeTimes.Count - 1) / 2];
        return new WorkOrderReport(asOf, total, open, overdue, closed, byUnit, mean, median, rated, satisfied);
    }

    private const int GridRank = 2;

    private static void Count(Dictionary<OrgUnitId, (int Open, int Overdue)> counts, OrgUnitId id, bool late)
    {
        counts.TryGetValue(id, out var c);
        counts[id] = (c.Open + 1, c.Overdue + (late ? 1 : 0));
    }

    /// <summary>Streets first, then communities, then grids; -1 for a kind that is not reported.</summary>
    private static int Rank(HierarchySchema schema, UnitKind kind) => schema.LevelOf(kind) switch
    {
        UnitLevel.Street => 0,
        UnitLevel.Community => 1,
        UnitLevel.Grid => GridRank,
        _ => -1,
    };
}
