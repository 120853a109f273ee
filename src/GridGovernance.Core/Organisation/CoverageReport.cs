using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>
/// The coverage figures officials report, as of a date: 党组织覆盖率 and 单独组建率 over stationed units ("两个覆盖",
/// target 100 %), the share of members placed in a grid ("所有党员全面纳入网格管理"), and the grids whose household
/// count is outside the configured band.
/// </summary>
/// <param name="AsOf">The date.</param>
/// <param name="StationedUnits">Stationed units registered on the date.</param>
/// <param name="CoveredStationedUnits">Of them, those a party organisation covers.</param>
/// <param name="StationedUnitsEligibleForOwnOrganisation">Of them, those with at least three members.</param>
/// <param name="StationedUnitsWithOwnOrganisation">Of the eligible, those with their own organisation.</param>
/// <param name="Members">Members on the roster.</param>
/// <param name="MembersInGrids">Of them, those whose branch lies in (or is) a grid.</param>
/// <param name="Grids">Grids on the date: open units of the schema's grid kinds that do not sit under another grid unit.</param>
/// <param name="Band">The household band used.</param>
/// <param name="GridsOutsideBand">Grids whose household count is outside the band, in id order.</param>
[Immutable]
public sealed record CoverageReport(
    LocalDate AsOf,
    int StationedUnits,
    int CoveredStationedUnits,
    int StationedUnitsEligibleForOwnOrganisation,
    int StationedUnitsWithOwnOrganisation,
    int Members,
    int MembersInGrids,
    int Grids,
    GridHouseholdBand Band,
    IReadOnlyList<GridHouseholdCount> GridsOutsideBand)
{
    /// <summary>党组织覆盖率: covered stationed units ÷ stationed units (1 when there are none).</summary>
    public double PartyOrganisationCoverageRate => Ratio(CoveredStationedUnits, StationedUnits);

    /// <summary>单独组建率: stationed units with their own organisation ÷ those with at least three members (1 when none).</summary>
    public double OwnOrganisationRate => Ratio(StationedUnitsWithOwnOrganisation, StationedUnitsEligibleForOwnOrganisation);

    /// <summary>Share of members placed in a grid (1 when there are no members).</summary>
    public double MembersInGridsRate => Ratio(MembersInGrids, Members);

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
