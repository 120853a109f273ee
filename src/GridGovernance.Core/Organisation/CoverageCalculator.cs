namespace GridGovernance.Organisation;

/// <summary>Computes a <see cref="CoverageReport"/> from an index and the stationed units. Pure.</summary>
[Immutable]
public static class CoverageCalculator
{
    /// <summary>
    /// Computes the coverage figures without the units' own facts: work coverage (工作覆盖) then counts only the stationed
    /// units a party organisation covers. Pass the units to the other overload for the grids and regional committees that
    /// reach them.
    /// </summary>
    /// <param name="index">The hierarchy as of the report's date.</param>
    /// <param name="schema">The schema (for its grid kinds: every unit of one is a grid).</param>
    /// <param name="stationedUnits">Stationed units; those not registered on the index's date are left out.</param>
    /// <param name="band">The expected households per grid.</param>
    public static CoverageReport Compute(HierarchyIndex index, HierarchySchema schema, IEnumerable<StationedUnit> stationedUnits, GridHouseholdBand band) =>
        Compute(index, schema, stationedUnits, band, [], null);

    /// <summary>
    /// Computes the coverage figures as of the index's date (两个覆盖: 组织覆盖 and 工作覆盖, grid placement, household bands).
    /// Every figure is that day's: stationed units registered that day, the organisation covering each that day
    /// (<see cref="StationedUnit.CoverageOn"/>), the tree, spans and grids of that day.
    /// </summary>
    /// <remarks>
    /// A stationed unit counts towards work coverage (工作覆盖) when a party organisation covers it that day, or the party's
    /// work reaches it without one: a grid (a unit of one of the schema's grid kinds open that day whose
    /// <see cref="OrgUnit.CoBuildingPartner"/> it is, 共建型网格党支部), a regional committee (区域党委) spanning its community
    /// that day, or a contact (<paramref name="reachedByContact"/>: a 党建指导员 or liaison the integrator records).
    /// 单独组建率's base uses each unit's staff and member counts of that day (<see cref="StationedUnit.CountsOn"/>).
    /// </remarks>
    /// <param name="index">The hierarchy as of the report's date.</param>
    /// <param name="schema">The schema (for its grid kinds).</param>
    /// <param name="stationedUnits">Stationed units; those not registered on the index's date are left out.</param>
    /// <param name="band">The expected households per grid.</param>
    /// <param name="units">The units (for co-building grids and regional committees' spans); closed ones are ignored.</param>
    /// <param name="reachedByContact">Stationed units a contact reached that day, or <c>null</c> for none.</param>
    public static CoverageReport Compute(HierarchyIndex index, HierarchySchema schema, IEnumerable<StationedUnit> stationedUnits, GridHouseholdBand band,
        IEnumerable<OrgUnit> units, IEnumerable<StationedUnitId>? reachedByContact)
    {
        Preconditions.CheckNotNull(units);
        Preconditions.CheckNotNull(index);
        Preconditions.CheckNotNull(schema);
        Preconditions.CheckNotNull(stationedUnits);
        var asOf = index.AsOf;
        var registered = stationedUnits.Where(r => r.Communities.HoldsOn(asOf)).ToList();
        var coverage = registered.Select(r => r.CoverageOn(asOf)).ToList();
        var staff = registered.Select(r => r.CountsOn(asOf)).ToList();
        var byGrid = new HashSet<StationedUnitId>();
        var spanned = new HashSet<OrgUnitId>();
        foreach (var unit in units)
        {
            if (!index.Contains(unit.Id))
            {
                continue; // not open that day
            }
            if (unit.CoBuildingPartner is StationedUnitId partner && schema.IsGrid(index.KindOf(unit.Id)))
            {
                byGrid.Add(partner);
            }
            if (index.KindOf(unit.Id) == UnitKind.RegionalCommittee)
            {
                spanned.UnionWith(unit.SpannedOn(asOf));
            }
        }
        var byContact = new HashSet<StationedUnitId>(reachedByContact ?? []);
        int reachedByGrid = 0, reachedByCommittee = 0, reachedByAContact = 0, workCovered = 0;
        for (int i = 0; i < registered.Count; i++)
        {
            var r = registered[i];
            bool grid = byGrid.Contains(r.Id);
            bool committee = r.Communities.TryGetValueAt(asOf, out var community) && spanned.Contains(community);
            bool contact = byContact.Contains(r.Id);
            reachedByGrid += grid ? 1 : 0;
            reachedByCommittee += committee ? 1 : 0;
            reachedByAContact += contact ? 1 : 0;
            workCovered += coverage[i].IsCovered || grid || committee || contact ? 1 : 0;
        }
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
            coverage.Count(c => c.IsCovered),
            staff.Count(c => c.IsEligibleForOwnOrganisation),
            staff.Where((c, i) => c.IsEligibleForOwnOrganisation && coverage[i].HasOwnOrganisation).Count(),
            index.MemberCount,
            membersInGrids,
            grids.Count,
            band,
            outside)
        {
            WorkCoveredStationedUnits = workCovered,
            StationedUnitsReachedByGrid = reachedByGrid,
            StationedUnitsReachedByRegionalCommittee = reachedByCommittee,
            StationedUnitsReachedByContact = reachedByAContact,
        };
    }
}
