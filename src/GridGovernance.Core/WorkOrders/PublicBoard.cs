using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// One line of the public board (公开晒单): what was asked, where, by whom (masked), who handled it and how it ended.
/// Personal data is masked by the library (<see cref="PersonalDataMasking"/>); free text (the description, evidence,
/// comments, notes) is never on the board, because a resident's words may carry names, phone numbers or door numbers.
/// </summary>
/// <param name="Order">The order.</param>
/// <param name="Category">The category code.</param>
/// <param name="Channel">How it came in.</param>
/// <param name="UnitName">The name of the unit where it happened (a grid or community name), or its id when the name is unknown.</param>
/// <param name="Place">The address masked by <see cref="PersonalDataMasking.MaskAddress"/> (no building or door numbers), or empty.</param>
/// <param name="FiledBy">The filer's name masked by <see cref="PersonalDataMasking.MaskName"/> (<c>张*明</c>), or empty.</param>
/// <param name="Phone">The filer's phone masked by <see cref="PersonalDataMasking.MaskPhone"/> (<c>138****1234</c>), or empty.</param>
/// <param name="FiledOn">The day it was filed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Level">The level that handled it.</param>
/// <param name="Departments">The departments summoned (吹哨报到), in summons order.</param>
/// <param name="ResolvedOn">The day of the latest resolution, or <c>null</c>.</param>
/// <param name="ClosedOn">The day it was closed, or <c>null</c>.</param>
/// <param name="Satisfied">The resident's last rating, or <c>null</c>.</param>
/// <param name="WithinLimit">Whether it was resolved within its limit (<c>null</c> while unresolved or without a limit).</param>
/// <param name="Reopens">How many times it was reopened.</param>
[Immutable]
public sealed record PublicBoardEntry(
    WorkOrderId Order, string Category, WorkOrderChannel Channel, string UnitName, string Place, string FiledBy, string Phone, LocalDate FiledOn,
    WorkOrderStatus Status, HandlingLevel Level, ImmutableArray<string> Departments, LocalDate? ResolvedOn, LocalDate? ClosedOn, bool? Satisfied,
    bool? WithinLimit, int Reopens)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Order} {FiledOn:yyyy-MM-dd} {UnitName} {Place} {Category} {FiledBy} {Phone} → {Status}"
        + (Departments.IsEmpty ? "" : " [" + string.Join(", ", Departments) + "]")
        + (Satisfied is bool s ? (s ? " 满意" : " 不满意") : "");
}

/// <summary>The public board (公开晒单) of a period: pure, masked, sorted by order id.</summary>
[Immutable]
public static class PublicBoard
{
    /// <summary>
    /// The entries for the orders filed or closed between <paramref name="from"/> and <paramref name="to"/> (both
    /// included, local dates in <paramref name="zone"/>), sorted by id.
    /// </summary>
    /// <param name="orders">The orders.</param>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The last day of the period.</param>
    /// <param name="zone">The zone of the dates.</param>
    /// <param name="unitNames">Unit names to show, or <c>null</c> to show unit ids.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static ImmutableArray<PublicBoardEntry> Entries(IEnumerable<WorkOrder> orders, LocalDate from, LocalDate to, DateTimeZone zone,
        IReadOnlyDictionary<OrgUnitId, string>? unitNames = null)
    {
        Preconditions.CheckNotNull(orders);
        Preconditions.CheckNotNull(zone);
        Preconditions.CheckArgument(from <= to, nameof(to), $"to ({to:yyyy-MM-dd}) must not be before from ({from:yyyy-MM-dd}).");
        var entries = new List<PublicBoardEntry>();
        foreach (var order in orders)
        {
            var filedOn = order.FiledAt.InZone(zone).Date;
            LocalDate? closedOn = order.ClosedAt?.InZone(zone).Date;
            bool inPeriod = (filedOn >= from && filedOn <= to) || (closedOn is LocalDate c && c >= from && c <= to);
            if (inPeriod)
            {
                entries.Add(Entry(order, zone, unitNames));
            }
        }
        entries.Sort((a, b) => a.Order.CompareTo(b.Order));
        return [.. entries];
    }

    /// <summary>The masked board entry of one order.</summary>
    /// <param name="order">The order.</param>
    /// <param name="zone">The zone of the dates.</param>
    /// <param name="unitNames">Unit names to show, or <c>null</c> to show unit ids.</param>
    public static PublicBoardEntry Entry(WorkOrder order, DateTimeZone zone, IReadOnlyDictionary<OrgUnitId, string>? unitNames = null)
    {
        Preconditions.CheckNotNull(order);
        Preconditions.CheckNotNull(zone);
        string unitName = unitNames is not null && unitNames.TryGetValue(order.Unit, out var name) ? name : order.Unit.ToString();
        bool? withinLimit = order.Resolution is { } r && order.DueAt is Instant due ? r.At < due : null;
        return new PublicBoardEntry(
            order.Id,
            order.Category,
            order.Channel,
            unitName,
            order.Address is null ? string.Empty : PersonalDataMasking.MaskAddress(order.Address),
            order.FilerName is null ? string.Empty : PersonalDataMasking.MaskName(order.FilerName),
            order.FilerPhone is null ? string.Empty : PersonalDataMasking.MaskPhone(order.FilerPhone),
            order.FiledAt.InZone(zone).Date,
            order.Status,
            order.Level,
            [.. order.Parts.Select(p => p.Department)],
            order.Resolution?.At.InZone(zone).Date,
            order.ClosedAt?.InZone(zone).Date,
            order.Satisfied,
            withinLimit,
            order.Reopens);
    }
}
