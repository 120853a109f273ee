using GridGovernance.Authority;
using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

/// <summary>What a restructure carries with it inside the organisation module: stationed units located in a closing community, and the API that moves one.</summary>
public partial class OrganisationServiceTest
{
    [Fact]
    public async Task MoveStationedUnit_LocatesItInTheCommunity_KeepingTheHistory()
    {
        await city.SeedLaiwuAsync();

        var moved = await city.RunAsync(s => s.MoveStationedUnitAsync(TestActors.System, R(1), U(101), D1));

        Assert.Equal(U(101), moved.CommunityId);
        Assert.Equal(U(1001), moved.PartyOrganisationId); // coverage is a separate fact
        Assert.Equal([(U(100), D0, (NodaTime.LocalDate?)D1), (U(101), D1, null)], moved.Communities.Segments.Select(s => (s.Value, s.From, s.Until)));
        Assert.Equal(new StationedUnitMoved(R(1), U(100), U(101), D1), Assert.Single(moved.DomainEvents));
        Assert.Equal(U(101), (await city.StationedUnitAsync(1)).CommunityId);
    }

    [Fact]
    public async Task MoveStationedUnit_ToItsOwnCommunity_WritesNothing()
    {
        await city.SeedLaiwuAsync();
        var before = (await city.StationedUnitAsync(1)).Version;

        var same = await city.RunAsync(s => s.MoveStationedUnitAsync(TestActors.System, R(1), U(100), D1));

        Assert.Empty(same.DomainEvents);
        Assert.Equal(before, (await city.StationedUnitAsync(1)).Version);
    }

    [Fact]
    public async Task MoveStationedUnit_NotACommunity_Closed_Retroactive_OrByAPostWithoutBothCommunities_ChangesNothing()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.MoveStationedUnitAsync(TestActors.System, R(1), U(101), D2));
        await city.RunAsync(s => s.AddUnitAsync(TestActors.System, UnitRow(102, UnitKind.Community, 10), D0));
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(102), D1));

        await city.FailsAsync(ErrorCodes.InvalidRestructure, s => s.MoveStationedUnitAsync(TestActors.System, R(1), U(1000), D2));
        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.MoveStationedUnitAsync(TestActors.System, R(1), U(102), D2));
        await city.FailsAsync(ErrorCodes.RetroactiveChange, s => s.MoveStationedUnitAsync(TestActors.System, R(1), U(110), D2.PlusDays(-1))); // just before the last move
        await city.RunAsync(s => s.MoveStationedUnitAsync(TestActors.System, R(1), U(110), D2)); // on the day of the last move: a same-day correction
        Assert.Equal(U(110), (await city.StationedUnitAsync(1)).CommunityId);
        var gridHead = Actor.Post(M(2), RoleKind.GridHead, U(1000)); // holds a post, but over neither community
        var e = await city.FailsAsync("organisation.forbidden", s => s.MoveStationedUnitAsync(gridHead, R(1), U(100), D3));
        Assert.IsType<ForbiddenException>(e);
    }

    [Fact]
    public async Task Merge_MovesStationedUnitsLocatedInASource_ToTheTarget()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AddStationedUnitAsync(TestActors.System, new StationedUnitDraft(R(2), "物业公司", StationedUnitKind.PrivateFirm, U(101), 20, 4), D0));

        await city.RunAsync(s => s.MergeUnitsAsync(TestActors.System, [U(101)], U(100), D1));

        var firm = await city.StationedUnitAsync(2);
        Assert.Equal(U(100), firm.CommunityId);
        Assert.Equal(U(101), firm.Communities.Segments[0].Value);
        Assert.Equal(U(100), (await city.StationedUnitAsync(1)).CommunityId); // located elsewhere: untouched
    }

    [Fact]
    public async Task Close_ACommunityAStationedUnitIsLocatedIn_IsRefusedListingIt()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AddUnitAsync(TestActors.System, UnitRow(102, UnitKind.Community, 10), D0));
        await city.RunAsync(s => s.AddStationedUnitAsync(TestActors.System, new StationedUnitDraft(R(2), "物业公司", StationedUnitKind.PrivateFirm, U(102), 20, 4), D0));

        var e = Assert.IsType<RestructureBlockedException>(await city.FailsAsync(ErrorCodes.RestructureBlocked, s => s.CloseUnitAsync(TestActors.System, U(102), D1)));

        Assert.Equal(new RestructureBlocker("stationed-unit:2", U(102), "stationed unit 物业公司 is located there; move it to another community first"), Assert.Single(e.Blockers));
        await city.RunAsync(s => s.MoveStationedUnitAsync(TestActors.System, R(2), U(101), D1));
        Assert.True((await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(102), D1))).IsClosed);
    }

    [Fact]
    public async Task Split_ANamedWorkTwice_IsRefused()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.InvalidRestructure, s => s.SplitUnitAsync(TestActors.System, U(100),
        [
            new SplitPart(UnitRow(120, UnitKind.Community, 10), [U(1000)]) { Work = ["stationed-unit:1"] },
            new SplitPart(UnitRow(121, UnitKind.Community, 10), [U(1001)]) { Work = ["stationed-unit:1"] },
        ], D1));
    }
}
