using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public class CoverageCalculatorTest
{
    private static readonly GridHouseholdBand Band = new(2, 3);

    /// <summary>
    /// District 1 → street 10 → community 100 → grids 1000 (2 households), 1001 (0), 1002 (4 households, 2 of them in
    /// group 10020), and a functional branch 150 under the community that is not a grid. Members: 1 in grid 1000,
    /// 2 in group 10020 (inside grid 1002), 3 in the functional branch.
    /// </summary>
    private static HierarchyIndex City(NodaTime.LocalDate asOf)
    {
        var units = new[]
        {
            OrgUnit.Create(UnitRow(1, UnitKind.District, null), D0),
            OrgUnit.Create(UnitRow(10, UnitKind.Street, 1), D0),
            OrgUnit.Create(UnitRow(100, UnitKind.Community, 10), D0),
            OrgUnit.Create(UnitRow(150, UnitKind.FunctionalBranch, 100), D0),
            OrgUnit.Create(UnitRow(1000, UnitKind.GridBranch, 100), D0),
            OrgUnit.Create(UnitRow(1001, UnitKind.GridBranch, 100), D0),
            OrgUnit.Create(UnitRow(1002, UnitKind.GridBranch, 100), D0),
            OrgUnit.Create(UnitRow(10020, UnitKind.PartyGroup, 1002), D0),
        };
        var members = new[] { Member.Create(MemberRow(1, 1000), D0), Member.Create(MemberRow(2, 10020), D0), Member.Create(MemberRow(3, 150), D0) };
        var households = new[]
        {
            Household.Create(HouseholdRow(1, 1000), D0), Household.Create(HouseholdRow(2, 1000), D0),
            Household.Create(HouseholdRow(3, 1002), D0), Household.Create(HouseholdRow(4, 1002), D0),
            Household.Create(HouseholdRow(5, 10020), D0), Household.Create(HouseholdRow(6, 10020), D0),
        };
        return HierarchyIndex.Build(units, members, households, asOf);
    }

    private static StationedUnit Resident(int id, int members, int? organisation, bool own, NodaTime.LocalDate? registered = null) =>
        StationedUnit.Create(
            new StationedUnitDraft(R(id), $"Unit {id}", StationedUnitKind.PrivateFirm, U(100), 50, members)
            {
                PartyOrganisationId = organisation is int o ? U(o) : null,
                HasOwnOrganisation = own,
            },
            registered ?? D0);

    [Fact]
    public void Compute_Rates()
    {
        var residents = new[]
        {
            Resident(1, 5, 150, own: true),      // covered, eligible, own
            Resident(2, 3, 100, own: false),     // covered jointly, eligible
            Resident(3, 1, null, own: false),    // not covered, not eligible
            Resident(4, 9, null, own: false, registered: D2), // registered after the report date
        };

        var report = CoverageCalculator.Compute(City(D1), HierarchySchemas.Laiwu, residents, Band);

        Assert.Equal(D1, report.AsOf);
        Assert.Equal(3, report.StationedUnits);
        Assert.Equal(2, report.CoveredStationedUnits);
        Assert.Equal(2, report.StationedUnitsEligibleForOwnOrganisation);
        Assert.Equal(1, report.StationedUnitsWithOwnOrganisation);
        Assert.Equal(2.0 / 3, report.PartyOrganisationCoverageRate, 10);
        Assert.Equal(0.5, report.OwnOrganisationRate);
        Assert.Equal(3, report.Members);
        Assert.Equal(2, report.MembersInGrids);
        Assert.Equal(2.0 / 3, report.MembersInGridsRate, 10);
    }

    [Fact]
    public void Compute_GridsOutsideBand_InIdOrderWithCounts()
    {
        var report = CoverageCalculator.Compute(City(D1), HierarchySchemas.Laiwu, [], Band);

        Assert.Equal(3, report.Grids);
        Assert.Equal(Band, report.Band);
        Assert.Equal([new GridHouseholdCount(U(1001), 0), new GridHouseholdCount(U(1002), 4)], report.GridsOutsideBand);
    }

    [Fact]
    public void Compute_BandBoundsAreInclusive()
    {
        var report = CoverageCalculator.Compute(City(D1), HierarchySchemas.Laiwu, [], new GridHouseholdBand(0, 4));

        Assert.Empty(report.GridsOutsideBand);
    }

    [Fact]
    public void Compute_GridKindFollowsSchema()
    {
        // Under Shantou the grid is a 'branch'; this city has none.
        var report = CoverageCalculator.Compute(City(D1), HierarchySchemas.Shantou, [], Band);

        Assert.Equal(0, report.Grids);
        Assert.Equal(0, report.MembersInGrids);
        Assert.Equal(0.0, report.MembersInGridsRate);
        Assert.Empty(report.GridsOutsideBand);
    }

    [Fact]
    public void Compute_NothingToCount_RatesAreOne()
    {
        var report = CoverageCalculator.Compute(City(D0.PlusDays(-1)), HierarchySchemas.Laiwu, [], Band);

        Assert.Equal(0, report.StationedUnits);
        Assert.Equal(0, report.Members);
        Assert.Equal(1.0, report.PartyOrganisationCoverageRate);
        Assert.Equal(1.0, report.OwnOrganisationRate);
        Assert.Equal(1.0, report.MembersInGridsRate);
    }

    [Fact]
    public void Compute_GridUnderGrid_MemberCountedOnce()
    {
        // Kinds are configuration: this city lets a sub-grid sit under a grid. Member 1 is in the sub-grid 1001,
        // member 2 in a functional branch outside every grid, so one member of two is placed in a grid.
        var schema = HierarchySchema.CreateBuilder("Sub-grids")
            .Root(UnitKind.District)
            .Under(UnitKind.Community, UnitKind.District)
            .Under(UnitKind.GridBranch, UnitKind.Community, UnitKind.GridBranch)
            .Under(UnitKind.FunctionalBranch, UnitKind.Community)
            .MembersIn(UnitKind.GridBranch, UnitKind.FunctionalBranch)
            .HouseholdsIn(UnitKind.GridBranch)
            .Grid(UnitKind.GridBranch)
            .Build();
        OrgUnit[] units =
        [
            OrgUnit.Create(UnitRow(1, UnitKind.District, null), D0),
            OrgUnit.Create(UnitRow(100, UnitKind.Community, 1), D0),
            OrgUnit.Create(UnitRow(150, UnitKind.FunctionalBranch, 100), D0),
            OrgUnit.Create(UnitRow(1000, UnitKind.GridBranch, 100), D0),
            OrgUnit.Create(UnitRow(1001, UnitKind.GridBranch, 1000), D0),
        ];
        var index = HierarchyIndex.Build(units, [Member.Create(MemberRow(1, 1001), D0), Member.Create(MemberRow(2, 150), D0)], [], D1);

        var report = CoverageCalculator.Compute(index, schema, [], Band);

        Assert.Equal(2, report.Members);
        Assert.Equal(1, report.MembersInGrids);
        Assert.Equal(0.5, report.MembersInGridsRate);
    }

    [Fact]
    public void Compute_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CoverageCalculator.Compute(null!, HierarchySchemas.Laiwu, [], Band));
        Assert.Throws<ArgumentNullException>(() => CoverageCalculator.Compute(City(D1), null!, [], Band));
        Assert.Throws<ArgumentNullException>(() => CoverageCalculator.Compute(City(D1), HierarchySchemas.Laiwu, null!, Band));
    }

    [Fact]
    public void GridHouseholdBand_Contains()
    {
        Assert.True(Band.Contains(2));
        Assert.True(Band.Contains(3));
        Assert.False(Band.Contains(1));
        Assert.False(Band.Contains(4));
    }
}
