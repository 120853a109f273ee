using System.Collections.Immutable;
using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>The coverage monitor of the contact logs (联系记实簿 监测).</summary>
[Immutable]
public static class ContactCoverageMonitor
{
    /// <summary>Lists the households of the plan not contacted (by any member) on any day from <c>today − days + 1</c> to <paramref name="today"/>.</summary>
    /// <param name="plan">The plan: its households, their grids, communities and contacts.</param>
    /// <param name="logs">The contact logs of the years the window reaches, every member's (<see cref="ContactLogService.LogsCoveringAsync"/>).</param>
    /// <param name="index">The hierarchy, for the street above each community; <c>null</c> for no street rows.</param>
    /// <param name="today">The last day of the window.</param>
    /// <param name="days">The window's length in days, 1 to 3,660.</param>
    /// <returns>The report.</returns>
    /// <remarks>The street rows are for the kinds the <see cref="HierarchySchemas.Standard"/> schema puts at street level;
    /// pass the city's schema to the other overload (a town's communities then count under the town).</remarks>
    public static ContactCoverageReport Check(ContactPlan plan, IEnumerable<ContactLog> logs, HierarchyIndex? index, LocalDate today, int days) =>
        Check(plan, logs, index, HierarchySchemas.Standard, today, days);

    /// <summary>
    /// Lists the households of the plan not contacted (by any member) on any day from <c>today − days + 1</c> to
    /// <paramref name="today"/>, with rows per grid, community and the unit above each community at street level by
    /// <paramref name="schema"/> (a street or a town).
    /// </summary>
    /// <param name="plan">The plan: its households, their grids, communities and contacts.</param>
    /// <param name="logs">The contact logs of the years the window reaches, every member's (<see cref="ContactLogService.LogsCoveringAsync"/>).</param>
    /// <param name="index">The hierarchy, for the street above each community; <c>null</c> for no street rows.</param>
    /// <param name="schema">The schema, for the level of each kind.</param>
    /// <param name="today">The last day of the window.</param>
    /// <param name="days">The window's length in days, 1 to 3,660.</param>
    /// <returns>The report.</returns>
    public static ContactCoverageReport Check(ContactPlan plan, IEnumerable<ContactLog> logs, HierarchyIndex? index, HierarchySchema schema, LocalDate today, int days)
    {
        Preconditions.CheckNotNull(plan);
        Preconditions.CheckNotNull(logs);
        Preconditions.CheckNotNull(schema);
        Preconditions.CheckArgumentRange(nameof(days), days, 1, 3660);
        var since = today.PlusDays(1 - days);
        var last = new Dictionary<int, LocalDate>();
        foreach (var log in logs)
        {
            foreach (var record in log.Records)
            {
                if (record.Date <= today && (!last.TryGetValue(record.Household.Value, out var d) || record.Date > d))
                {
                    last[record.Household.Value] = record.Date;
                }
            }
        }
        var missing = ImmutableArray.CreateBuilder<UncontactedHousehold>();
        var counts = new SortedDictionary<(int Order, int Unit), (UnitKind Kind, int Households, int Missing)>();
        var streetOf = new Dictionary<int, OrgUnitId?>();
        foreach (var h in plan.Households)
        {
            bool contacted = last.TryGetValue(h.Id.Value, out var date) && date >= since;
            if (!contacted)
            {
                missing.Add(new UncontactedHousehold(h.Id, h.Grid, h.Community, plan.MemberOf(h.Id), last.TryGetValue(h.Id.Value, out var seen) ? seen : null));
            }
            Count(counts, 0, h.Grid, index is not null && index.Contains(h.Grid) ? index.KindOf(h.Grid) : schema.GridKind, contacted);
            Count(counts, 1, h.Community, index is not null && index.Contains(h.Community) ? index.KindOf(h.Community) : UnitKind.Community, contacted);
            if (index is not null)
            {
                if (!streetOf.TryGetValue(h.Community.Value, out var street))
                {
                    street = StreetAbove(index, schema, h.Community);
                    streetOf[h.Community.Value] = street;
                }
                if (street is OrgUnitId s)
                {
                    Count(counts, 2, s, index.KindOf(s), contacted);
                }
            }
        }
        return new ContactCoverageReport(since, today, missing.ToImmutable(), [.. counts.Select(c => new UnitContactCoverage(new OrgUnitId(c.Key.Unit), c.Value.Kind, c.Value.Households, c.Value.Missing))]);
    }

    private static void Count(SortedDictionary<(int, int), (UnitKind Kind, int Households, int Missing)> counts, int order, OrgUnitId unit, UnitKind kind, bool contacted)
    {
        counts.TryGetValue((order, unit.Value), out var row);
        counts[(order, unit.Value)] = (kind, row.Households + 1, row.Missing + (contacted ? 0 : 1));
    }

    private static OrgUnitId? StreetAbove(HierarchyIndex index, HierarchySchema schema, OrgUnitId community)
    {
        if (!index.Contains(community))
        {
            return null;
        }
        for (var node = index.ParentOf(community); node is NodeRef n; node = index.ParentOf(n))
        {
            if (schema.LevelOf(index.KindOf(n.AsUnit())) == UnitLevel.Street)
            {
                return n.AsUnit();
            }
        }
        return null;
    }
}
