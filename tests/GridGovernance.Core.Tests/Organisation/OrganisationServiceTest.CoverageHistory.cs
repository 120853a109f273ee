using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

/// <summary>两个覆盖 with history (issue 13): a past date gives that date's figures, and work coverage (工作覆盖) beside organisation coverage (组织覆盖).</summary>
public partial class OrganisationServiceTest
{
    [Fact]
    public async Task Coverage_AsOfAPastDate_GivesThatDatesFigures_AskedBeforeOrAfterLaterChanges()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AddStationedUnitAsync(TestActors.System, new StationedUnitDraft(R(2), "物业公司", StationedUnitKind.PrivateFirm, U(101), 20, 4), D0));
        var d1Before = await city.QueryAsync(s => s.ComputeCoverageAsync(D1));

        await city.RunAsync(s => s.SetCoverageAsync(TestActors.System, R(2), U(1010), ownOrganisation: true)); // today: D2
        await city.RunAsync(s => s.SetCoverageAsync(TestActors.System, R(1), null, ownOrganisation: false));
        var d1After = await city.QueryAsync(s => s.ComputeCoverageAsync(D1));
        var d2 = await city.QueryAsync(s => s.ComputeCoverageAsync(D2));

        Assert.Equal(d1Before with { GridsOutsideBand = d1After.GridsOutsideBand }, d1After);
        Assert.Equal((1, 1), (d1After.CoveredStationedUnits, d1After.StationedUnitsWithOwnOrganisation)); // the hospital, as it was
        Assert.Equal((1, 1), (d2.CoveredStationedUnits, d2.StationedUnitsWithOwnOrganisation)); // the firm, not the hospital
        var hospital = await city.StationedUnitAsync(1);
        Assert.Equal(new StationedUnitCoverage(U(1001), true), hospital.CoverageOn(D1));
        Assert.Equal(new StationedUnitCoverage(null, false), hospital.CoverageOn(D2));
        Assert.Equal([D0, D2], hospital.CoverageHistory.Segments.Select(s => s.From));
    }

    [Fact]
    public async Task Coverage_AMergeOfTheCoveringUnit_CountsFromTheMergeDay_AndThePastStays()
    {
        await city.SeedLaiwuAsync();

        await city.RunAsync(s => s.MergeUnitsAsync(TestActors.System, [U(1001)], U(1000), D2));

        var hospital = await city.StationedUnitAsync(1);
        Assert.Equal(U(1001), hospital.CoverageOn(D1).PartyOrganisationId);
        Assert.Equal(new StationedUnitCoverage(U(1000), true), hospital.CoverageOn(D2));
        Assert.Equal(1, (await city.QueryAsync(s => s.ComputeCoverageAsync(D1))).CoveredStationedUnits);
        Assert.Equal(1, (await city.QueryAsync(s => s.ComputeCoverageAsync(D2))).CoveredStationedUnits);
    }

    [Fact]
    public async Task WorkCoverage_CountsUnitsReachedByAGridARegionalCommitteeOrAContact_OnTheirDays()
    {
        await city.SeedLaiwuAsync();
        StationedUnitDraft Firm(int id, int community) => new(R(id), $"企业{id}", StationedUnitKind.PrivateFirm, U(community), 40, 2);
        // Grid 1001 co-builds with the hospital (R1) from D0; grid 1012 with R2 from D1.
        await city.RunAsync(s => s.AddStationedUnitAsync(TestActors.System, Firm(2, 101), D0));
        await city.RunAsync(s => s.AddStationedUnitAsync(TestActors.System, Firm(3, 110), D0)); // a regional committee spans 110 from D1
        await city.RunAsync(s => s.AddStationedUnitAsync(TestActors.System, Firm(4, 101), D0)); // a contact reached it
        await city.RunAsync(s => s.AddUnitAsync(TestActors.System, UnitRow(1012, UnitKind.GridBranch, 101) with { GridBranchKind = GridBranchKind.CoBuilt, CoBuildingPartner = R(2) }, D1));
        await city.RunAsync(s => s.AddUnitAsync(TestActors.System, UnitRow(500, UnitKind.RegionalCommittee, 11, "区域党委"), D0));
        await city.RunAsync(s => s.AddSpanAsync(TestActors.System, U(500), U(110), new Validity(D1)));

        var d0 = await city.QueryAsync(s => s.ComputeCoverageAsync(D0, [R(4)]));
        var d1 = await city.QueryAsync(s => s.ComputeCoverageAsync(D1, [R(4)]));
        var withoutContact = await city.QueryAsync(s => s.ComputeCoverageAsync(D1));

        Assert.Equal((4, 1), (d1.StationedUnits, d1.CoveredStationedUnits)); // 组织覆盖: only the hospital
        Assert.Equal((2, 1, 1, 4), (d1.StationedUnitsReachedByGrid, d1.StationedUnitsReachedByRegionalCommittee, d1.StationedUnitsReachedByContact, d1.WorkCoveredStationedUnits));
        Assert.Equal(1.0, d1.WorkCoverageRate);
        Assert.Equal(0.25, d1.PartyOrganisationCoverageRate);
        Assert.Equal((1, 0, 1, 2), (d0.StationedUnitsReachedByGrid, d0.StationedUnitsReachedByRegionalCommittee, d0.StationedUnitsReachedByContact, d0.WorkCoveredStationedUnits));
        Assert.Equal((0, 3), (withoutContact.StationedUnitsReachedByContact, withoutContact.WorkCoveredStationedUnits));
    }

    [Fact]
    public void CoverageCalculator_WithoutUnits_CountsOrganisationCoverageAsWorkCoverage()
    {
        var draft = new StationedUnitDraft(R(1), "医院", StationedUnitKind.Institution, U(100), 10, 3) { PartyOrganisationId = U(1000) };
        var stationed = new[] { StationedUnit.Create(draft, D0), StationedUnit.Create(new StationedUnitDraft(R(2), "商户", StationedUnitKind.PrivateFirm, U(100), 3, 0), D0) };
        var units = new[] { OrgUnit.Create(UnitRow(1, UnitKind.District, null), D0), OrgUnit.Create(UnitRow(10, UnitKind.Street, 1), D0), OrgUnit.Create(UnitRow(100, UnitKind.Community, 10), D0), OrgUnit.Create(UnitRow(1000, UnitKind.GridBranch, 100), D0) };
        var index = HierarchyIndex.Build(units, [], [], D1);

        var report = CoverageCalculator.Compute(index, HierarchySchemas.Standard, stationed, new GridHouseholdBand(0, 10));

        Assert.Equal((2, 1, 1), (report.StationedUnits, report.CoveredStationedUnits, report.WorkCoveredStationedUnits));
        Assert.Equal(0.5, report.WorkCoverageRate);
    }
}
