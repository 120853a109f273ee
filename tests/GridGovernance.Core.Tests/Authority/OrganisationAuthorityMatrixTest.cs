using GridGovernance.Authority;
using GridGovernance.Organisation;
using NodaTime;
using static GridGovernance.Tests.Authority.YibinWorld;

namespace GridGovernance.Tests.Authority;

/// <summary>
/// Every organisation command × every kind of actor, run through <see cref="OrganisationService"/> on the roster of
/// <see cref="YibinWorld"/> (plus, set up by the system: empty party groups 2000 and 2001 under grid 1000 and 2100
/// under grid 1100, stationed unit 1 in community 100, and member 8 a committee member of community 110). Whether each is allowed is read from
/// <see cref="AuthorityTable.Default"/>; an allowed command writes something, a refused one throws
/// <see cref="ForbiddenException"/> (<c>organisation.forbidden</c>) and leaves every stored version as it was.
/// </summary>
public sealed class OrganisationAuthorityMatrixTest
{
    private static readonly LocalDate Later = new(2024, 8, 1);

    /// <summary>A grid head (网格长) really holding the post: a role no organisation rule lists.</summary>
    private static readonly Actor GridHead = Actor.Post(M(5), RoleKind.GridHead, U(1000));

    private static readonly Actor District = Actor.Post(M(90), RoleKind.Secretary, U(1));
    private static readonly Actor Grid1000 = Actor.Post(M(1), RoleKind.Secretary, U(1000));
    private static readonly Actor Grid1100 = Actor.Post(M(4), RoleKind.Secretary, U(1100));
    private static readonly Actor Committee101 = Actor.Post(M(3), RoleKind.CommitteeMember, U(101));
    private static readonly Actor Committee110 = Actor.Post(M(8), RoleKind.CommitteeMember, U(110));

    /// <summary>
    /// Each command: its capability, a holder of a listed role whose post covers the change, a holder of the same
    /// role on a unit that does not, and the command.
    /// </summary>
    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["import"] = new(Capabilities.ImportRoster, District, Grid1000,
            (s, a) => s.ImportAsync(a, new RosterBatch { Units = [new UnitDraft(U(2002), UnitKind.PartyGroup, "3号楼党小组", U(1000))] }, Day)),
        ["add-unit"] = new(Capabilities.RestructureUnits, Grid1000, Grid1100,
            (s, a) => s.AddUnitAsync(a, new UnitDraft(U(2002), UnitKind.PartyGroup, "3号楼党小组", U(1000)), Day)),
        ["rename-unit"] = new(Capabilities.RestructureUnits, Grid1000, Grid1100, (s, a) => s.RenameUnitAsync(a, U(1000), "第一网格", Day)),
        ["move-unit"] = new(Capabilities.RestructureUnits, District, Grid1100, (s, a) => s.MoveUnitAsync(a, U(2000), U(1010), Day)),
        ["close-unit"] = new(Capabilities.RestructureUnits, Grid1000, Grid1100, (s, a) => s.CloseUnitAsync(a, U(2001), Day)),
        ["merge-units"] = new(Capabilities.RestructureUnits, Grid1000, Grid1100, (s, a) => s.MergeUnitsAsync(a, [U(2001)], U(2000), Day)),
        ["split-unit"] = new(Capabilities.RestructureUnits, District, Grid1000, (s, a) => s.SplitUnitAsync(a, U(1100),
            [
                new SplitPart(new UnitDraft(U(1101), UnitKind.GridBranch, "网格 1101", U(110)), [M(4), new HouseholdId(2), U(2100)]),
                new SplitPart(new UnitDraft(U(1102), UnitKind.GridBranch, "网格 1102", U(110)), [M(8)]),
            ], Day)),
        ["add-span"] = new(Capabilities.RestructureUnits, District, Grid1000, (s, a) => s.AddSpanAsync(a, U(50), U(110), new Validity(Day))),
        ["appoint-chair"] = new(Capabilities.RestructureUnits, District, Grid1100,
            (s, a) => s.AppointChairAsync(a, U(50), new ChairTerm(M(3), U(1010), new Validity(Later)))),
        ["add-stationed-unit"] = new(Capabilities.RestructureUnits, District, Grid1100,
            (s, a) => s.AddStationedUnitAsync(a, new StationedUnitDraft(new StationedUnitId(2), "翠屏区人民医院", StationedUnitKind.Institution, U(101), 300, 40), Day)),
        ["set-coverage"] = new(Capabilities.RestructureUnits, District, Grid1100,
            (s, a) => s.SetCoverageAsync(a, new StationedUnitId(1), U(1000), ownOrganisation: false)),
        ["add-member"] = new(Capabilities.ManageMembers, Committee101, Committee110,
            (s, a) => s.AddMemberAsync(a, new MemberDraft(M(500), "党员500", MemberKind.LongResident, new LocalDate(2010, 7, 1), U(1010)), Day)),
        ["transfer-member"] = new(Capabilities.ManageMembers, District, Grid1100, (s, a) => s.TransferMemberAsync(a, M(2), U(1010), Day)),
        ["remove-member"] = new(Capabilities.ManageMembers, Grid1000, Grid1100, (s, a) => s.RemoveMemberAsync(a, M(2), Day)),
        ["register-dual"] = new(Capabilities.ManageMembers, Grid1000, Grid1100, (s, a) => s.RegisterDualAsync(a, M(2), U(101), new Validity(Day))),
        ["add-household"] = new(Capabilities.ManageMembers, Committee101, Committee110,
            (s, a) => s.AddHouseholdAsync(a, new HouseholdDraft(new HouseholdId(3), U(1010), "3号楼"), Day)),
        ["move-household"] = new(Capabilities.ManageMembers, Grid1000, Grid1100, (s, a) => s.MoveHouseholdAsync(a, new HouseholdId(1), U(2000), Day)),
        ["remove-household"] = new(Capabilities.ManageMembers, Grid1000, Grid1100, (s, a) => s.RemoveHouseholdAsync(a, new HouseholdId(1), Day)),
        ["assign-role"] = new(Capabilities.AssignRoles, Grid1000, Grid1100,
            (s, a) => s.AssignRoleAsync(a, new RoleDraft(M(2), RoleKind.CommitteeMember, U(1000)), Day)),
        ["end-role"] = new(Capabilities.AssignRoles, Grid1000, Grid1100, (s, a) => s.EndRoleAsync(a, M(5), RoleKind.GridHead, U(1000), Day)),
    };

    private static readonly string[] ActorCases =
        ["holder", "outside-jurisdiction", "post-not-held", "wrong-role", "unknown-member", "in-person", "resident", "department", "system"];

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in Cases.Keys)
        {
            foreach (var actor in ActorCases)
            {
                data.Add(command, actor);
            }
        }
        return data;
    }

    [Fact]
    public void TheMatrix_CoversEveryOrganisationCapability()
    {
        var organisation = Capabilities.All.Where(c => c.Module == "organisation").ToHashSet();
        Assert.Equal(4, organisation.Count);
        Assert.Equal(organisation, Cases.Values.Select(c => c.Capability).ToHashSet());
        Assert.Equal(20, Cases.Count);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EveryCommand_IsAllowedExactlyWhenTheDefaultTableSays(string command, string actorCase)
    {
        var @case = Cases[command];
        var rule = AuthorityTable.Default[@case.Capability];
        var holder = @case.Holder;
        (Actor actor, bool allowed) = actorCase switch
        {
            "holder" => (holder, rule.Roles.Contains(holder.Role)),
            "outside-jurisdiction" => (@case.Outside, false),
            "post-not-held" => (Actor.Post(M(7), holder.Role, holder.Unit), false),   // member 7 is on the roster, in no post
            "wrong-role" => (GridHead, rule.Roles.Contains(GridHead.Role)),
            "unknown-member" => (Actor.Post(M(999), holder.Role, holder.Unit), false),
            "in-person" => (Actor.Member(M(1)), rule.InPerson == PersonAccess.Anyone),
            "resident" => (Actor.Resident("resident-1"), rule.Residents),
            "department" => (Actor.Officer("城管局", "officer-1"), false),   // no department is summoned on a roster change
            "system" => (Actor.System("roster-sync"), rule.System),
            _ => throw new ArgumentOutOfRangeException(nameof(actorCase), actorCase, "unknown actor case"),
        };
        Assert.True(holder.Role != GridHead.Role && @case.Outside.Role == holder.Role, "the fixture's actors are what the case names");

        using var yibin = await MatrixWorldAsync();
        var world = yibin.World;
        var before = world.Versions();
        if (allowed)
        {
            await world.RunAsync(s => @case.Run(s, actor));
            Assert.NotEqual(before, world.Versions());
        }
        else
        {
            await AssertRefusedAsync(world, @case.Capability, s => @case.Run(s, actor));
        }
    }

    [Fact]
    public async Task TheFirstImport_IntoAnEmptyStore_IsTheSystemsAlone()
    {
        using var world = new AuthorityWorld();
        var batch = new RosterBatch
        {
            Units = [new UnitDraft(U(1), UnitKind.District, "翠屏区", null), new UnitDraft(U(10), UnitKind.Street, "街道 10", U(1))],
            Members = [new MemberDraft(M(90), "党员90", MemberKind.LongResident, new LocalDate(2001, 7, 1), U(20))],
        };
        var firstRows = batch with
        {
            Units = [.. batch.Units, new UnitDraft(U(20), UnitKind.FunctionalBranch, "机关支部 20", U(10))],
            Roles = [new RoleDraft(M(90), RoleKind.Secretary, U(1))],
        };
        // Nobody is on the roster yet, so no post is held: the would-be district secretary cannot import …
        await AssertRefusedAsync(world, Capabilities.ImportRoster, s => s.ImportAsync(District, firstRows with { Roles = [] }, AuthorityWorld.Day0));
        Assert.Empty(world.Versions());

        // … the system can, and from then on the secretary holds the post and imports what follows.
        await world.RunAsync(s => s.ImportAsync(Actor.System("import"), firstRows, AuthorityWorld.Day0));
        Assert.Equal(4, world.Versions().Count);
        await world.RunAsync(s => s.ImportAsync(District, new RosterBatch { Units = [new UnitDraft(U(11), UnitKind.Street, "街道 11", U(1))] }, Day));
        Assert.Equal(5, world.Versions().Count);
    }

    [Fact]
    public async Task NobodyChangesTheirOwnRoleOrPlace()
    {
        using var yibin = await MatrixWorldAsync();
        var world = yibin.World;
        await AssertRefusedAsync(world, Capabilities.AssignRoles, s => s.AssignRoleAsync(Grid1000, new RoleDraft(M(1), RoleKind.CommitteeMember, U(1000)), Day));
        await AssertRefusedAsync(world, Capabilities.AssignRoles, s => s.EndRoleAsync(Grid1000, M(1), RoleKind.Secretary, U(1000), Day));
        await AssertRefusedAsync(world, Capabilities.ImportRoster,
            s => s.ImportAsync(District, new RosterBatch { Roles = [new RoleDraft(M(90), RoleKind.CommitteeMember, U(10))] }, Day));
        await AssertRefusedAsync(world, Capabilities.ManageMembers, s => s.RemoveMemberAsync(Grid1000, M(1), Day));
        await AssertRefusedAsync(world, Capabilities.ManageMembers, s => s.TransferMemberAsync(District, M(90), U(20), Day));
        await AssertRefusedAsync(world, Capabilities.RestructureUnits,
            s => s.AppointChairAsync(District, U(50), new ChairTerm(M(90), U(20), new Validity(Later))));

        // The same secretaries may do it for somebody else.
        await world.RunAsync(s => s.AssignRoleAsync(Grid1000, new RoleDraft(M(2), RoleKind.CommitteeMember, U(1000)), Day));
        await world.RunAsync(s => s.ImportAsync(District, new RosterBatch { Roles = [new RoleDraft(M(1), RoleKind.CommitteeMember, U(100))] }, Day));
    }

    [Fact]
    public async Task AChange_MustBeCoveredWhereItLeavesAndWhereItGoes()
    {
        using var yibin = await MatrixWorldAsync();
        var world = yibin.World;
        // Secretary of grid 1000 covers the household, member and party groups under it, but not grid 1100 …
        await AssertRefusedAsync(world, Capabilities.ManageMembers, s => s.MoveHouseholdAsync(Grid1000, new HouseholdId(1), U(1100), Day));
        await AssertRefusedAsync(world, Capabilities.ManageMembers, s => s.TransferMemberAsync(Grid1000, M(2), U(1100), Day));
        await AssertRefusedAsync(world, Capabilities.RestructureUnits, s => s.MoveUnitAsync(Grid1000, U(2000), U(1100), Day));
        await AssertRefusedAsync(world, Capabilities.RestructureUnits, s => s.MergeUnitsAsync(Grid1000, [U(2001), U(2100)], U(2000), Day));
        await AssertRefusedAsync(world, Capabilities.RestructureUnits, s => s.MergeUnitsAsync(Grid1000, [U(2001)], U(2100), Day));
        // … nor community 100, where stationed unit 1 is, though it covers the organisation named.
        await AssertRefusedAsync(world, Capabilities.RestructureUnits, s => s.SetCoverageAsync(Grid1000, new StationedUnitId(1), U(1000), false));
        // … nor its own grid's place: closing or moving grid 1000 is the community's business.
        await AssertRefusedAsync(world, Capabilities.RestructureUnits, s => s.CloseUnitAsync(Grid1000, U(1000), Day));
        // A new root, or a move to the root, lies under nobody: only the system may.
        await AssertRefusedAsync(world, Capabilities.RestructureUnits, s => s.AddUnitAsync(District, new UnitDraft(U(2), UnitKind.District, "新区", null), Day));
        await AssertRefusedAsync(world, Capabilities.RestructureUnits, s => s.MoveUnitAsync(District, U(10), null, Day));

        // Within it, the same secretary may.
        await world.RunAsync(s => s.MoveHouseholdAsync(Grid1000, new HouseholdId(1), U(2001), Day));
        await world.RunAsync(s => s.AddUnitAsync(Actor.System("roster-sync"), new UnitDraft(U(2), UnitKind.District, "新区", null), Day));
    }

    [Fact]
    public async Task ARefusal_NamesTheCapabilityAndTheSubject_WithoutPersonalData()
    {
        using var yibin = await MatrixWorldAsync();
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() =>
            yibin.World.RunAsync(s => s.TransferMemberAsync(Grid1100, M(2), U(1100), Day)));
        Assert.Equal(Capabilities.ManageMembers, refused.Capability);
        Assert.Equal("member:2", refused.Subject.Label);
        Assert.Equal(M(2), refused.Subject.Owner);
        Assert.DoesNotContain("党员", refused.Message, StringComparison.Ordinal);
    }

    private static async Task AssertRefusedAsync(AuthorityWorld world, Capability capability, Func<OrganisationService, Task> command)
    {
        var before = world.Versions();
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => world.RunAsync(command));
        Assert.Equal("organisation.forbidden", refused.Code);
        Assert.Equal(capability, refused.Capability);
        Assert.Equal(before, world.Versions());
    }

    /// <summary>A fresh Yibin world (each case changes it) with the empty party groups and the stationed unit.</summary>
    private static async Task<YibinWorld> MatrixWorldAsync()
    {
        var yibin = new YibinWorld();
        await yibin.InitializeAsync();
        await yibin.World.RunAsync(s => s.ImportAsync(TestActors.System, new RosterBatch
        {
            Units =
            [
                new UnitDraft(U(2000), UnitKind.PartyGroup, "1号楼党小组", U(1000)),
                new UnitDraft(U(2001), UnitKind.PartyGroup, "2号楼党小组", U(1000)),
                new UnitDraft(U(2100), UnitKind.PartyGroup, "5号楼党小组", U(1100)),
            ],
            StationedUnits = [new StationedUnitDraft(new StationedUnitId(1), "翠屏区税务局", StationedUnitKind.Organ, U(100), 60, 12)],
            Roles = [new RoleDraft(M(8), RoleKind.CommitteeMember, U(110))],
        }, AuthorityWorld.Day0));
        return yibin;
    }

    private sealed record Case(Capability Capability, Actor Holder, Actor Outside, Func<OrganisationService, Actor, Task> Run);
}
