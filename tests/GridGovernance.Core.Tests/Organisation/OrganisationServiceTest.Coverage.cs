using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public partial class OrganisationServiceTest
{
    [Fact]
    public async Task ComputeCoverage_UsesStoreAndConfiguredBand()
    {
        using var banded = new OrganisationFixture(HierarchySchemas.Laiwu, new GridHouseholdBand(1, 2));
        await banded.SeedLaiwuAsync();
        await banded.RunAsync(s => s.AddStationedUnitAsync(TestActors.System, new StationedUnitDraft(R(2), "小商户", StationedUnitKind.PrivateFirm, U(101), 8, 1), D1));

        var report = await banded.QueryAsync(s => s.ComputeCoverageAsync(D1));

        Assert.Equal(D1, report.AsOf);
        Assert.Equal(new GridHouseholdBand(1, 2), report.Band);
        Assert.Equal(5, report.Grids);
        Assert.Equal([new GridHouseholdCount(U(1000), 3), new GridHouseholdCount(U(1011), 0)], report.GridsOutsideBand);
        Assert.Equal((5, 5), (report.Members, report.MembersInGrids));
        Assert.Equal((2, 1, 1, 1), (report.StationedUnits, report.CoveredStationedUnits, report.StationedUnitsEligibleForOwnOrganisation, report.StationedUnitsWithOwnOrganisation));
        Assert.Equal(0.5, report.PartyOrganisationCoverageRate);
        Assert.Equal(1.0, report.OwnOrganisationRate);
        Assert.Equal(1, (await banded.QueryAsync(s => s.ComputeCoverageAsync(D0))).StationedUnits);
    }

    [Fact]
    public async Task ComputeCoverage_DefaultBand_IsWanshan200To300()
    {
        await city.SeedLaiwuAsync();

        var report = await city.QueryAsync(s => s.ComputeCoverageAsync(D1));

        Assert.Equal(new GridHouseholdBand(200, 300), report.Band);
        Assert.Equal(5, report.GridsOutsideBand.Count);
    }

    [Fact]
    public async Task SetCoverage_ChangesWhatCoverageCounts()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AddStationedUnitAsync(TestActors.System, new StationedUnitDraft(R(2), "物业公司", StationedUnitKind.PrivateFirm, U(101), 20, 4), D0));

        // Coverage has history: a change counts from the day it is made (the clock's day, D2), not before.
        await city.RunAsync(s => s.SetCoverageAsync(TestActors.System, R(2), U(1010), ownOrganisation: true));
        var covered = await city.QueryAsync(s => s.ComputeCoverageAsync(D2));
        await city.RunAsync(s => s.SetCoverageAsync(TestActors.System, R(1), null, ownOrganisation: false));
        var uncovered = await city.QueryAsync(s => s.ComputeCoverageAsync(D2));

        Assert.Equal((2, 2, 2), (covered.CoveredStationedUnits, covered.StationedUnitsEligibleForOwnOrganisation, covered.StationedUnitsWithOwnOrganisation));
        Assert.Equal((1, 1), (uncovered.CoveredStationedUnits, uncovered.StationedUnitsWithOwnOrganisation));
        Assert.False((await city.StationedUnitAsync(1)).HasOwnOrganisation);
    }

    [Fact]
    public async Task SetCoverage_OwnWithoutOrganisation_OrClosedOrganisation_Throws()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D1));

        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => city.RunAsync(s => s.SetCoverageAsync(TestActors.System, R(1), null, ownOrganisation: true)));
        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.SetCoverageAsync(TestActors.System, R(1), U(1011), ownOrganisation: false));
        await city.FailsAsync(ErrorCodes.NotFound, s => s.SetCoverageAsync(TestActors.System, R(9), U(1000), ownOrganisation: false));
    }
}
