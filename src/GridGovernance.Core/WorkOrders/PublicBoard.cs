using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.WorkOrders;

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
    /// <param name="triage">The triage policy whose <see cref="TriagePolicy.Categories"/> the board may show;
    /// <see cref="TriagePolicy.Standard"/> when <c>null</c>.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="to"/> is before <paramref name="from"/> (code <c>input.reversed-range</c>).</exception>
    public static ImmutableArray<PublicBoardEntry> Entries(IEnumerable<WorkOrder> orders, LocalDate from, LocalDate to, DateTimeZone zone,
        IReadOnlyDictionary<OrgUnitId, string>? unitNames = null, TriagePolicy? triage = null)
    {
        Preconditions.CheckNotNull(orders);
        Preconditions.CheckNotNull(zone);
        Preconditions.CheckDateRange(from, to);
        var entries = new List<PublicBoardEntry>();
        foreach (var order in orders)
        {
            var filedOn = order.FiledAt.InZone(zone).Date;
            LocalDate? closedOn = order.ClosedAt?.InZone(zone).Date;
            bool inPeriod = (filedOn >= from && filedOn <= to) || (closedOn is LocalDate c && c >= from && c <= to);
            if (inPeriod)
            {
                entries.Add(Entry(order, zone, unitNames, triage));
            }
        }
        entries.Sort((a, b) => a.Order.CompareTo(b.Order));
        return [.. entries];
    }

    /// <summary>
    /// The masked board entry of one order, built from an allow-list: the category is a code of the triage policy (or
    /// <see cref="TriagePolicy.OtherCategory"/>), the filer's name, phone and address go through
    /// <see cref="PersonalDataMasking"/>, a department is shown when it is a code (else <see cref="TriagePolicy.OtherCategory"/>),
    /// and no text on the entry holds a control, bidi or zero-width character.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="zone">The zone of the dates.</param>
    /// <param name="unitNames">Unit names to show, or <c>null</c> to show unit ids.</param>
    /// <param name="triage">The triage policy whose <see cref="TriagePolicy.Categories"/> the board may show;
    /// <see cref="TriagePolicy.Standard"/> when <c>null</c>.</param>
    public static PublicBoardEntry Entry(WorkOrder order, DateTimeZone zone, IReadOnlyDictionary<OrgUnitId, string>? unitNames = null,
        TriagePolicy? triage = null)
    {
        Preconditions.CheckNotNull(order);
        Preconditions.CheckNotNull(zone);
        triage ??= TriagePolicy.Standard;
        string unitName = unitNames is not null && unitNames.TryGetValue(order.Unit, out var name) && name is not null
            ? PersonalDataMasking.RemoveInvisible(name).Trim()
            : order.Unit.ToString();
        bool? withinLimit = order.Resolution is { } r && order.DueAt is Instant due ? r.At < due : null;
        return new PublicBoardEntry(
            order.Id,
            triage.PublicCategory(order.Category),
            order.Channel,
            unitName,
            order.Address is null ? string.Empty : PersonalDataMasking.MaskAddress(order.Address),
            order.FilerName is null ? string.Empty : PersonalDataMasking.MaskName(order.FilerName),
            order.FilerPhone is null ? string.Empty : PersonalDataMasking.MaskPhone(order.FilerPhone),
            order.FiledAt.InZone(zone).Date,
            order.Status,
            order.Level,
            [.. order.Parts.Select(p => TriagePolicy.IsCategoryCode(p.Department) ? p.Department : TriagePolicy.OtherCategory).Distinct(StringComparer.Ordinal)],
            order.Resolution?.At.InZone(zone).Date,
            order.ClosedAt?.InZone(zone).Date,
            order.Satisfied,
            withinLimit,
            order.Reopens);
    }
}
