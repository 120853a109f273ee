using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>
/// The coverage figures officials report, as of a date: "两个覆盖" — 组织覆盖 (党组织覆盖率, with 单独组建率) and 工作覆盖
/// (<see cref="WorkCoverageRate"/>) over stationed units, target 100 % — the share of members placed in a grid ("所有党员全面纳入网格管理"), and the grids whose household
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

    /// <summary>
    /// Of the stationed units registered on the date, those the party's work reaches (工作覆盖): covered by a party
    /// organisation, or reached by a grid, a regional committee or a contact (see <see cref="CoverageCalculator"/>).
    /// </summary>
    public int WorkCoveredStationedUnits { get; init; }

    /// <summary>Of the stationed units registered on the date, those a co-building grid (共建型网格党支部) reaches.</summary>
    public int StationedUnitsReachedByGrid { get; init; }

    /// <summary>Of the stationed units registered on the date, those in a community a regional committee (区域党委) spans.</summary>
    public int StationedUnitsReachedByRegionalCommittee { get; init; }

    /// <summary>Of the stationed units registered on the date, those a contact (党建指导员, liaison) reached.</summary>
    public int StationedUnitsReachedByContact { get; init; }

    /// <summary>工作覆盖率: work-covered stationed units ÷ stationed units (1 when there are none).</summary>
    public double WorkCoverageRate => Ratio(WorkCoveredStationedUnits, StationedUnits);

    /// <summary>单独组建率: stationed units with their own organisation ÷ those with at least three members (1 when none).</summary>
    public double OwnOrganisationRate => Ratio(StationedUnitsWithOwnOrganisation, StationedUnitsEligibleForOwnOrganisation);

    /// <summary>Share of members placed in a grid (1 when there are no members).</summary>
    public double MembersInGridsRate => Ratio(MembersInGrids, Members);

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
