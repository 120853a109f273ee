using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>Checks leaders' link points (联系点) against the hierarchy as of the index's date.</summary>
[Immutable]
public static class LeaderLinkPoints
{
    /// <summary>
    /// Checks each point: one point per leader; the district is a unit at the district level; the street, where the point
    /// names one, is a unit at the street level (a street or a town) under it; the community and the grid (one of the
    /// schema's grid kinds) lie in the district too. Levels are the schema's (<see cref="HierarchySchema.LevelOf"/>).
    /// Only points that name a street count for <see cref="LinkPointReport.StreetsWithoutLeader"/>.
    /// </summary>
    /// <param name="index">The hierarchy as of the date.</param>
    /// <param name="schema">The schema (for the level of each kind).</param>
    /// <param name="points">The points.</param>
    /// <returns>The report.</returns>
    public static LinkPointReport Check(HierarchyIndex index, HierarchySchema schema, IEnumerable<LeaderLinkPoint> points)
    {
        Preconditions.CheckNotNull(index);
        Preconditions.CheckNotNull(schema);
        Preconditions.CheckNotNull(points);
        var valid = ImmutableArray.CreateBuilder<LeaderLinkPoint>();
        var problems = ImmutableArray.CreateBuilder<ValidationProblem>();
        var sorted = points.OrderBy(p => p.Leader).ThenBy(p => p.Street).ToList();
        var districts = new SortedSet<int>();
        for (int i = 0; i < sorted.Count; i++)
        {
            var p = sorted[i];
            var found = new List<string>();
            if (i > 0 && sorted[i - 1].Leader == p.Leader)
            {
                found.Add($"{p.Leader} has more than one link point; a leader links (at most) one street, one community and one grid.");
            }
            bool districtOk = IsAt(index, schema, p.District, UnitLevel.District);
            if (!districtOk)
            {
                found.Add($"{p.District} is not a district open on {index.AsOf:yyyy-MM-dd}.");
            }
            else
            {
                districts.Add(p.District.Value);
            }
            if (p.Street is { } street)
            {
                Check(index, schema, street, UnitLevel.Street, "street", p.District, districtOk, found);
            }
            Check(index, schema, p.Community, UnitLevel.Community, "community", p.District, districtOk, found);
            Check(index, schema, p.Grid, UnitLevel.Grid, "grid", p.District, districtOk, found);
            foreach (var message in found)
            {
                problems.Add(new ValidationProblem("points", p.Leader.ToString(), ErrorCodes.ContactsInvalidLinkPoint, message));
            }
            if (found.Count == 0)
            {
                valid.Add(p);
            }
        }
        var linked = valid.Where(p => p.Street is not null).Select(p => p.Street!.Value.Value).ToHashSet();
        var without = districts
            .SelectMany(d => index.Children(new OrgUnitId(d)))
            .Where(n => n.Kind == NodeKind.Unit && schema.LevelOf(index.KindOf(n.AsUnit())) == UnitLevel.Street && !linked.Contains(n.Value))
            .Select(n => n.AsUnit())
            .Order()
            .ToImmutableArray();
        return new LinkPointReport(valid.ToImmutable(), problems.ToImmutable(), without);
    }

    /// <summary>
    /// Carries link points across restructures (机构调整): every unit a point names (district, street, community, grid) that
    /// is closed on <paramref name="asOf"/> is replaced by its successor (the merge target; for a split, the first part),
    /// followed through later restructures to a unit open that day. A unit closed without a successor stays as it is, so
    /// <see cref="Check(HierarchyIndex, HierarchySchema, IEnumerable{LeaderLinkPoint})"/> reports the point (<c>contacts.invalid-link-point</c>) until the leader is given a new one.
    /// </summary>
    /// <remarks>
    /// Link points are not stored by the library (integrators keep them and pass them to <see cref="Check(HierarchyIndex, HierarchySchema, IEnumerable{LeaderLinkPoint})"/>), so they
    /// have no <see cref="IRestructureParticipant"/>: run this on them after a merge, split or close, and store the
    /// result. Pure; points in the order given.
    /// </remarks>
    /// <param name="points">The points.</param>
    /// <param name="units">Every unit (closed ones with their <see cref="OrgUnit.Successors"/>).</param>
    /// <param name="asOf">The day the points should hold on.</param>
    /// <returns>The points, each with open successors in place of closed units where there are any.</returns>
    public static ImmutableArray<LeaderLinkPoint> FollowSuccessors(IEnumerable<LeaderLinkPoint> points, IEnumerable<OrgUnit> units, NodaTime.LocalDate asOf)
    {
        Preconditions.CheckNotNull(points);
        Preconditions.CheckNotNull(units);
        var byId = new Dictionary<OrgUnitId, OrgUnit>();
        foreach (var unit in units)
        {
            byId[unit.Id] = unit;
        }
        OrgUnitId Follow(OrgUnitId unit)
        {
            var current = unit;
            for (int steps = 0; steps <= byId.Count && byId.TryGetValue(current, out var found) && !found.IsOpenOn(asOf) && found.Successors.Length > 0; steps++)
            {
                current = found.Successors[0];
            }
            return byId.TryGetValue(current, out var open) && open.IsOpenOn(asOf) ? current : unit;
        }
        return [.. Preconditions.CheckNotNull(points).Select(p => p with
        {
            District = Follow(p.District),
            Street = p.Street is OrgUnitId street ? Follow(street) : null,
            Community = Follow(p.Community),
            Grid = Follow(p.Grid),
        })];
    }

    private static bool IsAt(HierarchyIndex index, HierarchySchema schema, OrgUnitId unit, UnitLevel level) =>
        unit.IsSpecified && index.Contains(unit) && schema.LevelOf(index.KindOf(unit)) == level;

    private static void Check(HierarchyIndex index, HierarchySchema schema, OrgUnitId unit, UnitLevel level, string what, OrgUnitId district, bool districtOk, List<string> found)
    {
        if (!IsAt(index, schema, unit, level))
        {
            found.Add($"{unit} is not a {what} ({string.Join(" or ", schema.KindsAt(level))}) open on {index.AsOf:yyyy-MM-dd}.");
        }
        else if (districtOk && !index.IsAncestorOf(district, unit))
        {
            found.Add($"The {what} {unit} is not in the leader's district {district}.");
        }
    }
}
