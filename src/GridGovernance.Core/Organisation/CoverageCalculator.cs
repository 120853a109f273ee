namespace GridGovernance.Organisation;

/// <summary>Computes a <see cref="CoverageReport"/> from an index and the stationed units. Pure.</summary>
[Immutable]
public static class CoverageCalculator
{
    /// <summary>Computes the coverage figures.</summary>
    /// <param name="index">The hierarchy as of the report's date.</param>
    /// <param name="schema">The schema (for its grid kinds: every unit of one is a grid).</param>
    /// <param name="stationedUnits">Stationed units; those not registered on the index's date are left out.</param>
    /// <param name="band">The expected households per grid.</param>
    public static CoverageReport Compute(HierarchyIndex index, HierarchySchema schema, IEnumerable<StationedUnit> stationedUnits, GridHouseholdBand band)
    {
        Preconditions.CheckNotNull(index);
        Preconditions.CheckNotNull(schema);
        Preconditions.CheckNotNull(stationedUnits);
        var asOf = index.AsOf;
        var registered = stationedUnits.Where(r => r.Communities.HoldsOn(asOf)).ToList();
        // Every unit of a grid kind is a grid, unless it sits under another grid unit: then it is part of that grid
        // (Wanshan: a grid party group under a grid branch), and its members and households count there.
        var grids = schema.GridKinds.SelectMany(index.UnitsOfKind)
            .Where(g => !index.Ancestors(g).Any(a => schema.IsGrid(index.KindOf(a.AsUnit()))))
            .OrderBy(u => u.Value)
            .ToList();
        int membersInGrids = 0;
        var outside = new List<GridHouseholdCount>();
        foreach (var grid in grids)
        {
            var counts = index.CountsUnder(grid);
            membersInGrids += counts.Members;
            if (!band.Contains(counts.Households))
            {
                outside.Add(new GridHouseholdCount(grid, counts.Households));
            }
        }
        return new CoverageReport(
            asOf,
            registered.Count,
            registered.Count(r => r.IsCovered),
            registered.Count(r => r.IsEligibleForOwnOrganisation),
            registered.Count(r => r.IsEligibleForOwnOrganisation && r.HasOwnOrganisation),
            index.MemberCount,
            membersInGrids,
            grids.Count,
            band,
            outside);
    }
}
