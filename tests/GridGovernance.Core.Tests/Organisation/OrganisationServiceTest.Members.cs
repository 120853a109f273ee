using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public partial class OrganisationServiceTest
{
    [Fact]
    public async Task TransferMember_ChangesBranchWithHistoryAndEvent()
    {
        await city.SeedLaiwuAsync();

        var member = await city.RunAsync(s => s.TransferMemberAsync(TestActors.System, M(3), U(1000), D2));

        Assert.Equal(U(1000), member.BranchId);
        Assert.Equal(new MemberTransferred(M(3), U(1001), U(1000), D2), Assert.Single(member.DomainEvents));
        var stored = await city.MemberAsync(3);
        Assert.Equal(U(1001), stored.BranchOn(D1));
        Assert.Equal(U(1000), stored.BranchOn(D2));
        Assert.Null(stored.BranchOn(D0.PlusDays(-1)));
        Assert.Equal(U(1001), (await city.IndexAsync(D1)).ParentOf(M(3)));
        Assert.Equal(U(1000), (await city.IndexAsync(D2)).ParentOf(M(3)));
    }

    [Fact]
    public async Task TransferMember_ToCurrentBranch_ChangesNothing()
    {
        await city.SeedLaiwuAsync();

        var member = await city.RunAsync(s => s.TransferMemberAsync(TestActors.System, M(3), U(1001), D2));

        Assert.Empty(member.DomainEvents);
        Assert.Single((await city.MemberAsync(3)).Branches.Segments);
    }

    [Fact]
    public async Task TransferMember_ToKindNotAllowed_ThrowsMemberPlacementNotAllowed()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.MemberPlacementNotAllowed, s => s.TransferMemberAsync(TestActors.System, M(3), U(100), D2));
    }

    [Fact]
    public async Task TransferMember_ToClosedUnit_ThrowsUnitClosed()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D1));

        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.TransferMemberAsync(TestActors.System, M(3), U(1011), D2));
    }

    [Fact]
    public async Task TransferMember_Unknown_ThrowsNotFound()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.NotFound, s => s.TransferMemberAsync(TestActors.System, M(99), U(1000), D2));
    }

    [Fact]
    public async Task TransferMember_BeforeLastTransfer_ThrowsRetroactive()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.TransferMemberAsync(TestActors.System, M(3), U(1000), D2));

        await city.FailsAsync(ErrorCodes.RetroactiveChange, s => s.TransferMemberAsync(TestActors.System, M(3), U(1010), D1));
    }

    [Fact]
    public async Task RemoveMember_EndsRolesAndLeavesIndex()
    {
        await city.SeedLaiwuAsync();

        var member = await city.RunAsync(s => s.RemoveMemberAsync(TestActors.System, M(2), D2));

        Assert.False(member.IsActive);
        Assert.Equal(new MemberLeft(M(2), D2), member.DomainEvents[^1]);
        Assert.Contains(new MemberRoleEnded(M(2), new RoleAssignment(RoleKind.GridHead, U(1000), Employment.FullTime, new Validity(D0, D2))), member.DomainEvents);
        var stored = await city.MemberAsync(2);
        Assert.False(stored.IsActive);
        Assert.Equal(new Validity(D0, D2), Assert.Single(stored.Roles).Validity);
        Assert.Single(stored.RolesOn(D1));
        Assert.Empty(stored.RolesOn(D2));
        Assert.Null(stored.BranchOn(D2));
        Assert.True((await city.IndexAsync(D1)).Contains(M(2)));
        Assert.False((await city.IndexAsync(D2)).Contains(M(2)));
    }

    [Fact]
    public async Task RemoveMember_RoleStartingThatDay_IsDropped()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AssignRoleAsync(TestActors.System, new RoleDraft(M(3), RoleKind.Sentinel, U(1001)), D2));

        await city.RunAsync(s => s.RemoveMemberAsync(TestActors.System, M(3), D2));

        Assert.Empty((await city.MemberAsync(3)).Roles);
    }

    [Fact]
    public async Task RemoveMember_Twice_ThrowsNotOnRoster()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.RemoveMemberAsync(TestActors.System, M(2), D2));

        await city.FailsAsync(ErrorCodes.NotOnRoster, s => s.RemoveMemberAsync(TestActors.System, M(2), D3));
        await city.FailsAsync(ErrorCodes.NotOnRoster, s => s.TransferMemberAsync(TestActors.System, M(2), U(1001), D3));
        await city.FailsAsync(ErrorCodes.NotOnRoster, s => s.RegisterDualAsync(TestActors.System, M(2), U(110), new Validity(D3)));
    }

    [Fact]
    public async Task RegisterDual_RecordsRegistrationKeepingPrimaryBranch()
    {
        await city.SeedLaiwuAsync();

        var member = await city.RunAsync(s => s.RegisterDualAsync(TestActors.System, M(3), U(110), new Validity(D1)));

        var registration = Assert.Single(member.DualRegistrations);
        Assert.Equal(new DualRegistration(U(110), new Validity(D1)), registration);
        Assert.Equal(new MemberDualRegistered(M(3), registration), Assert.Single(member.DomainEvents));
        var stored = await city.MemberAsync(3);
        Assert.Equal(U(1001), stored.BranchId);
        Assert.Single(stored.RegistrationsOn(D1));
        Assert.Empty(stored.RegistrationsOn(D0));
        Assert.Equal(U(1001), (await city.IndexAsync(D2)).ParentOf(M(3)));
    }

    [Fact]
    public async Task RegisterDual_WithPrimaryBranch_ThrowsInvalidRole()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.InvalidRole, s => s.RegisterDualAsync(TestActors.System, M(3), U(1001), new Validity(D1)));
    }

    [Fact]
    public async Task RegisterDual_OverlappingSameUnit_ThrowsInvalidRole_ButLaterSpanIsFine()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.RegisterDualAsync(TestActors.System, M(3), U(110), new Validity(D1, D2)));

        await city.FailsAsync(ErrorCodes.InvalidRole, s => s.RegisterDualAsync(TestActors.System, M(3), U(110), new Validity(D0, D3)));
        var member = await city.RunAsync(s => s.RegisterDualAsync(TestActors.System, M(3), U(110), new Validity(D2)));

        Assert.Equal(2, member.DualRegistrations.Length);
    }

    [Fact]
    public async Task RegisterDual_ClosedUnit_ThrowsUnitClosed()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D1));

        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.RegisterDualAsync(TestActors.System, M(3), U(1011), new Validity(D2)));
    }

    [Fact]
    public async Task RemoveMember_EndsDualRegistrations()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.RegisterDualAsync(TestActors.System, M(3), U(110), new Validity(D1)));

        await city.RunAsync(s => s.RemoveMemberAsync(TestActors.System, M(3), D2));

        Assert.Equal(new Validity(D1, D2), Assert.Single((await city.MemberAsync(3)).DualRegistrations).Validity);
    }

    [Fact]
    public async Task AssignRole_RecordsRoleAndEvent()
    {
        await city.SeedLaiwuAsync();

        var member = await city.RunAsync(s => s.AssignRoleAsync(TestActors.System, new RoleDraft(M(3), RoleKind.GridWorker, U(1001), Employment.FullTime), D1));

        var role = Assert.Single(member.Roles);
        Assert.Equal(new RoleAssignment(RoleKind.GridWorker, U(1001), Employment.FullTime, new Validity(D1)), role);
        Assert.Single((await city.MemberAsync(3)).RolesOn(D2));
        Assert.Empty((await city.MemberAsync(3)).RolesOn(D0));
    }

    [Fact]
    public async Task AssignRole_OverlappingSameRole_ThrowsInvalidRole()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AssignRoleAsync(TestActors.System, new RoleDraft(M(3), RoleKind.GridWorker, U(1001)), D1));

        await city.FailsAsync(ErrorCodes.InvalidRole, s => s.AssignRoleAsync(TestActors.System, new RoleDraft(M(3), RoleKind.GridWorker, U(1001)), D2));

        Assert.Single((await city.MemberAsync(3)).Roles);
    }

    [Fact]
    public async Task AssignRole_AfterEarlierTermEnded_OrOnOtherUnit_Allowed()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AssignRoleAsync(TestActors.System, new RoleDraft(M(3), RoleKind.GridWorker, U(1001)) { Until = D2 }, D1));

        await city.RunAsync(s => s.AssignRoleAsync(TestActors.System, new RoleDraft(M(3), RoleKind.GridWorker, U(1001)), D2));
        await city.RunAsync(s => s.AssignRoleAsync(TestActors.System, new RoleDraft(M(3), RoleKind.GridWorker, U(1000)), D2));

        var member = await city.MemberAsync(3);
        Assert.Equal(3, member.Roles.Length);
        Assert.Equal(2, member.RolesOn(D2).Count());
    }

    [Fact]
    public async Task AssignRole_UnknownMember_ThrowsUnknownReference()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.UnknownReference, s => s.AssignRoleAsync(TestActors.System, new RoleDraft(M(99), RoleKind.GridWorker, U(1001)), D1));
    }

    [Fact]
    public async Task AssignRole_RemovedMember_ThrowsNotOnRoster()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.RemoveMemberAsync(TestActors.System, M(3), D1));

        await city.FailsAsync(ErrorCodes.NotOnRoster, s => s.AssignRoleAsync(TestActors.System, new RoleDraft(M(3), RoleKind.GridWorker, U(1001)), D2));
    }

    [Fact]
    public async Task EndRole_EndsTheTermAndRecordsEvent()
    {
        await city.SeedLaiwuAsync();

        var member = await city.RunAsync(s => s.EndRoleAsync(TestActors.System, M(2), RoleKind.GridHead, U(1000), D2));

        var ended = Assert.Single(member.Roles);
        Assert.Equal(new Validity(D0, D2), ended.Validity);
        Assert.Equal(new MemberRoleEnded(M(2), ended), Assert.Single(member.DomainEvents));
        Assert.Empty((await city.MemberAsync(2)).RolesOn(D2));
        Assert.True((await city.MemberAsync(2)).IsActive);
    }

    [Fact]
    public async Task EndRole_NotHeld_ThrowsInvalidRole()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.InvalidRole, s => s.EndRoleAsync(TestActors.System, M(2), RoleKind.Secretary, U(1000), D2));
        await city.FailsAsync(ErrorCodes.InvalidRole, s => s.EndRoleAsync(TestActors.System, M(2), RoleKind.GridHead, U(1001), D2));
        await city.FailsAsync(ErrorCodes.InvalidRole, s => s.EndRoleAsync(TestActors.System, M(2), RoleKind.GridHead, U(1000), D0));
    }

    [Fact]
    public async Task EndRole_AlreadyEnded_ThrowsInvalidRole()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.EndRoleAsync(TestActors.System, M(2), RoleKind.GridHead, U(1000), D2));

        await city.FailsAsync(ErrorCodes.InvalidRole, s => s.EndRoleAsync(TestActors.System, M(2), RoleKind.GridHead, U(1000), D3));
    }

    [Fact]
    public async Task MoveHousehold_ChangesUnitWithHistory()
    {
        await city.SeedLaiwuAsync();

        var household = await city.RunAsync(s => s.MoveHouseholdAsync(TestActors.System, H(4), U(1000), D2));

        Assert.Equal(U(1000), household.UnitId);
        Assert.Equal(new HouseholdMoved(H(4), U(1001), U(1000), D2), Assert.Single(household.DomainEvents));
        var stored = await city.HouseholdAsync(4);
        Assert.Equal(U(1001), stored.UnitOn(D1));
        Assert.Equal(U(1000), stored.UnitOn(D2));
    }

    [Fact]
    public async Task MoveHousehold_ToCommunity_ThrowsHouseholdPlacementNotAllowed()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.HouseholdPlacementNotAllowed, s => s.MoveHouseholdAsync(TestActors.System, H(4), U(100), D2));
    }

    [Fact]
    public async Task RemoveHousehold_LeavesRosterAndIndex()
    {
        await city.SeedLaiwuAsync();

        var household = await city.RunAsync(s => s.RemoveHouseholdAsync(TestActors.System, H(4), D2));

        Assert.False(household.IsActive);
        Assert.Null((await city.HouseholdAsync(4)).UnitOn(D2));
        Assert.False((await city.IndexAsync(D2)).Contains(H(4)));
        await city.FailsAsync(ErrorCodes.NotOnRoster, s => s.RemoveHouseholdAsync(TestActors.System, H(4), D3));
        await city.FailsAsync(ErrorCodes.NotOnRoster, s => s.MoveHouseholdAsync(TestActors.System, H(4), U(1000), D3));
    }

    [Fact]
    public void Member_UpdateContact_InvalidPhone_IsRefused()
    {
        var member = GridGovernance.Organisation.Member.Create(MemberRow(1, 1000), D0);

        Assert.Throws<GridGovernanceValidationException>(() => member.UpdateContact("phone", null));
        member.UpdateContact("+86138000", new GeoPoint(36.2, 117.7));
        Assert.Equal("+86138000", member.Phone);
    }
}
