using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public partial class OrganisationServiceTest
{
    [Fact]
    public async Task Close_Empty_ClosesWithDateAndEvent()
    {
        await city.SeedLaiwuAsync();

        var closed = await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D2));

        Assert.True(closed.IsClosed);
        Assert.Equal(D2, closed.ClosedOn);
        Assert.Empty(closed.Successors);
        var closedEvent = Assert.IsType<OrgUnitClosed>(Assert.Single(closed.DomainEvents));
        Assert.Equal(U(1011), closedEvent.Unit);
        Assert.Equal(D2, closedEvent.EffectiveDate);
        Assert.Empty(closedEvent.Successors);
        var stored = await city.UnitAsync(1011);
        Assert.True(stored.IsClosed);
        Assert.True(stored.IsOpenOn(D1));
        Assert.False(stored.IsOpenOn(D2));
        Assert.Null(stored.NameOn(D2));
        Assert.Equal("grid-branch 1011", stored.NameOn(D1));
    }

    [Theory]
    [InlineData(1000)] // child unit, member and households
    [InlineData(1001)] // member and household
    [InlineData(101)]  // child units only
    public async Task Close_NotEmpty_ThrowsUnitNotEmpty(int unit)
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.UnitNotEmpty, s => s.CloseUnitAsync(TestActors.System, U(unit), D2));

        Assert.False((await city.UnitAsync(unit)).IsClosed);
    }

    [Fact]
    public async Task Close_AfterContentsLeft_Succeeds()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.TransferMemberAsync(TestActors.System, M(5), U(1011), D1));
        await city.RunAsync(s => s.MoveHouseholdAsync(TestActors.System, H(6), U(1011), D1));

        var closed = await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1010), D2));

        Assert.Equal(D2, closed.ClosedOn);
        var index = await city.IndexAsync(D2);
        Assert.False(index.Contains(U(1010)));
        Assert.Equal(U(1011), index.ParentOf(M(5)));
    }

    [Fact]
    public async Task Close_CoveringAStationedUnit_ThrowsUnitNotEmpty_UntilReCovered()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.TransferMemberAsync(TestActors.System, M(3), U(1000), D1));
        await city.RunAsync(s => s.MoveHouseholdAsync(TestActors.System, H(4), U(1000), D1));

        await city.FailsAsync(ErrorCodes.UnitNotEmpty, s => s.CloseUnitAsync(TestActors.System, U(1001), D2));
        var stationedUnit = await city.RunAsync(s => s.SetCoverageAsync(TestActors.System, R(1), U(1000), ownOrganisation: false));
        var closed = await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1001), D2));

        Assert.Equal(U(1000), stationedUnit.PartyOrganisationId);
        Assert.False(stationedUnit.HasOwnOrganisation);
        Assert.True(closed.IsClosed);
    }

    [Fact]
    public async Task Close_EndsRolesOnTheUnitAndRegistrationsWithIt()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AssignRoleAsync(TestActors.System, new RoleDraft(M(3), RoleKind.Sentinel, U(1011)), D1));
        await city.RunAsync(s => s.RegisterDualAsync(TestActors.System, M(4), U(1011), new Validity(D1)));

        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D2));

        Assert.Equal(new Validity(D1, D2), Assert.Single((await city.MemberAsync(3)).Roles).Validity);
        Assert.Equal(new Validity(D1, D2), Assert.Single((await city.MemberAsync(4)).DualRegistrations).Validity);
        Assert.Equal(U(1001), (await city.MemberAsync(3)).BranchId);
    }

    [Fact]
    public async Task Close_AlreadyClosed_ThrowsUnitClosed()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D1));

        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.CloseUnitAsync(TestActors.System, U(1011), D2));
    }

    [Fact]
    public async Task Close_OnOpeningDay_ThrowsRetroactive()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.RetroactiveChange, s => s.CloseUnitAsync(TestActors.System, U(1011), D0));
    }

    [Fact]
    public async Task Close_DatedBeforeContentsLeft_Throws()
    {
        // Member 5 and household 6 are in grid 1010 until D2. Closing 1010 on D1 would leave them under a closed
        // unit from D1 to D2 (and the index of those days could not be built), so the close must be refused.
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.TransferMemberAsync(TestActors.System, M(5), U(1011), D2));
        await city.RunAsync(s => s.MoveHouseholdAsync(TestActors.System, H(6), U(1011), D2));

        await city.FailsAsync(ErrorCodes.RetroactiveChange, s => s.CloseUnitAsync(TestActors.System, U(1010), D1));

        Assert.Equal(U(1010), (await city.IndexAsync(D1)).ParentOf(M(5)));
    }
}
