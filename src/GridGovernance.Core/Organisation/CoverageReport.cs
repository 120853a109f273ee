using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>The number of households of one grid.</summary>
/// <param name="Grid">The grid unit.</param>
/// <param name="Households">Its households.</param>
[Immutable]
public readonly record struct GridHouseholdCount(OrgUnitId Grid, int Households);

/// <summary>The band of households a grid is expected to hold (Wanshan: 200–300 per grid).</summary>
/// <param name="Min">The fewest households.</param>
/// <param name="Max">The most households.</param>
[Immutable]
public readonly record struct GridHouseholdBand(int Min, int Max)
{
    /// <summary>Whether a count lies inside the band.</summary>
    /// <param name="households">The count.</param>
    public bool Contains(int households) => households >= Min && households <= Max;
}

/// <summary>
/// The coverage figures officials report, as of a date: 党组织覆盖率 and 单独组建率 over resident units ("两个覆盖",
/// target 100 %), the share of members placed in a grid ("所有党员全面纳入网格管理"), and the grids whose household
/// count is outside the configured band.
/// </summary>
/// <param name="AsOf">The date.</param>
/// <param name="ResidentUnits">Resident units registered on the date.</param>
/// <param name="CoveredResidentUnits">Of them, those a party organisation covers.</param>
/// <param name="ResidentUnitsEligibleForOwnOrganisation">Of them, those with at least three members.</param>
/// <param name="ResidentUnitsWithOwnOrganisation">Of the eligible, those with their own organisation.</param>
/// <param name="Members">Members on the roster.</param>
/// <param name="MembersInGrids">Of them, those whose branch lies in (or is) a grid.</param>
/// <param name="Grids">Grid units open on the date.</param>
/// <param name="Band">The household band used.</param>
/// <param name="GridsOutsideBand">Grids whose household count is outside the band, in id order.</param>
[Immutable]
public sealed record CoverageReport(
    LocalDate AsOf,
    int ResidentUnits,
    int CoveredResidentUnits,
    int ResidentUnitsEligibleForOwnOrganisation,
    int ResidentUnitsWithOwnOrganisation,
    int Members,
    int MembersInGrids,
    int Grids,
    GridHouseholdBand Band,
    IReadOnlyList<GridHouseholdCount> GridsOutsideBand)
{
    /// <summary>党组织覆盖率: covered resident units ÷ resident units (1 when there are none).</summary>
    public double PartyOrganisationCoverageRate => Ratio(CoveredResidentUnits, ResidentUnits);

    /// <summary>单独组建率: resident units with their own organisation ÷ those with at least three members (1 when none).</summary>
    public double OwnOrganisationRate => Ratio(ResidentUnitsWithOwnOrganisation, ResidentUnitsEligibleForOwnOrganisation);

    /// <summary>Share of members placed in a grid (1 when there are no members).</summary>
    public double MembersInGridsRate => Ratio(MembersInGrids, Members);

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}

/// <summary>Computes a <see cref="CoverageReport"/> from an index and the resident units. Pure.</summary>
[Immutable]
public static class CoverageCalculator
{
    /// <summary>Computes the coverage figures.</summary>
    /// <param name="index">The hierarchy as of the report's date.</param>
    /// <param name="schema">The schema (for the grid kind).</param>
    /// <param name="residentUnits">Resident units; those not registered on the index's date are left out.</param>
    /// <param name="band">The expected households per grid.</param>
    public static CoverageReport Compute(HierarchyIndex index, HierarchySchema schema, IEnumerable<ResidentUnit> residentUnits, GridHouseholdBand band)
    {
        Preconditions.CheckNotNull(index);
        Preconditions.CheckNotNull(schema);
        Preconditions.CheckNotNull(residentUnits);
        var asOf = index.AsOf;
        var registered = residentUnits.Where(r => r.Communities.HoldsOn(asOf)).ToList();
        var grids = index.UnitsOfKind(schema.GridKind).ToList();
        int membersInGrids = 0;
        var outside = new List<GridHouseholdCount>();
        foreach (var grid in grids)
        {
            var counts = index.CountsUnder(grid);
            // A schema may nest grids; count members once, under the outermost grid.
            if (!index.Ancestors(grid).Any(a => index.KindOf(a.AsUnit()) == schema.GridKind))
            {
                membersInGrids += counts.Members;
            }
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
