using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public partial class OrganisationServiceTest
{
    [Fact]
    public async Task Import_ValidBatch_StoresEveryRow()
    {
        var result = await city.SeedLaiwuAsync();

        Assert.Equal(new ImportResult(12, 5, 6, 1, 2), result);
        Assert.Equal(12, city.Store.Count<OrgUnit>());
        Assert.Equal(5, city.Store.Count<Member>());
        Assert.Equal(6, city.Store.Count<Household>());
        Assert.Equal(1, city.Store.Count<StationedUnit>());
        Assert.Equal(12, (await city.ListAsync<OrgUnit>()).Count);
    }

    [Fact]
    public async Task Import_ValidBatch_UnitsHaveKindParentNameAndOpeningDate()
    {
        await city.SeedLaiwuAsync();

        var grid = await city.UnitAsync(1001);
        Assert.Equal(UnitKind.GridBranch, grid.Kind);
        Assert.Equal(U(100), grid.ParentId);
        Assert.Equal(D0, grid.OpenedOn);
        Assert.False(grid.IsClosed);
        Assert.Null(grid.ClosedOn);
        Assert.Equal(GridBranchKind.CoBuilt, grid.GridBranchKind);
        Assert.Equal(R(1), grid.CoBuildingPartner);
        var group = await city.UnitAsync(10000);
        Assert.Equal(PartyGroupKind.Building, group.PartyGroupKind);
        var district = await city.UnitAsync(1);
        Assert.Null(district.ParentId);
        Assert.Equal("莱芜区", district.Name);
        Assert.Equal(1, district.Version);
    }

    [Fact]
    public async Task Import_ValidBatch_MembersHouseholdsStationedUnitsAndRolesStored()
    {
        await city.SeedLaiwuAsync();

        var member = await city.MemberAsync(2);
        Assert.Equal(U(1000), member.BranchId);
        Assert.True(member.IsActive);
        Assert.Equal("13800000002", member.Phone);
        Assert.Equal(Joined, member.JoinedPartyOn);
        var role = Assert.Single(member.Roles);
        Assert.Equal(new RoleAssignment(RoleKind.GridHead, U(1000), Employment.FullTime, new Validity(D0)), role);
        Assert.Equal(MemberKind.InService, (await city.MemberAsync(3)).Kind);

        var household = await city.HouseholdAsync(3);
        Assert.Equal(U(10000), household.UnitId);
        Assert.Equal(3, household.Residents);
        Assert.Equal("Building 3, door 1", household.Address);

        var stationedUnit = await city.StationedUnitAsync(1);
        Assert.Equal(U(100), stationedUnit.CommunityId);
        Assert.Equal(U(1001), stationedUnit.PartyOrganisationId);
        Assert.True(stationedUnit.IsCovered);
        Assert.True(stationedUnit.HasOwnOrganisation);
        Assert.True(stationedUnit.IsEligibleForOwnOrganisation);
    }

    [Fact]
    public async Task Import_ValidBatch_IndexShowsTheTree()
    {
        await city.SeedLaiwuAsync();

        var index = await city.IndexAsync(D0);

        Assert.Equal(new NodeRef[] { U(1), U(10), U(100), U(1000), U(10000), H(3) }, index.PathTo(H(3)));
        Assert.Equal(new SubtreeCounts(11, 5, 6), index.CountsUnder(U(1)));
        Assert.Equal(new SubtreeCounts(3, 3, 4), index.CountsUnder(U(100)));
    }

    [Fact]
    public async Task Import_SecondBatch_ReferencesStoredUnitsAndMembers()
    {
        await city.SeedLaiwuAsync();
        var batch = new RosterBatch
        {
            Units = [UnitRow(1002, UnitKind.GridBranch, 100)],
            Members = [MemberRow(6, 1002)],
            Households = [HouseholdRow(7, 1002)],
            Roles = [new RoleDraft(M(3), RoleKind.Sentinel, U(1002)), new RoleDraft(M(6), RoleKind.GridWorker, U(1002)) { Until = D3 }],
        };

        var result = await city.RunAsync(s => s.ImportAsync(TestActors.System, batch, D1));

        Assert.Equal(new ImportResult(1, 1, 1, 0, 2), result);
        var stored = await city.MemberAsync(3);
        Assert.Equal(new Validity(D1), Assert.Single(stored.Roles, r => r.Role == RoleKind.Sentinel).Validity);
        Assert.Equal(2, stored.Version);
        Assert.Equal(new Validity(D1, D3), Assert.Single((await city.MemberAsync(6)).Roles).Validity);
        var index = await city.IndexAsync(D1);
        Assert.Equal(U(1002), index.ParentOf(H(7)));
        Assert.False((await city.IndexAsync(D0)).Contains(U(1002)));
    }

    [Fact]
    public async Task Import_SeveralBadRows_ListsEveryProblemAndStoresNothing()
    {
        await city.SeedLaiwuAsync();
        var before = city.Store.Count<OrgUnit>();
        var batch = new RosterBatch
        {
            Units =
            [
                UnitRow(2000, UnitKind.GridBranch, 100),            // fine on its own
                UnitRow(1000, UnitKind.GridBranch, 100),            // already stored
                UnitRow(2001, UnitKind.GridBranch, 9999),           // unknown parent
                UnitRow(2002, UnitKind.PartyGroup, 10),             // a group may not sit under a street
                UnitRow(2003, UnitKind.Community, null),            // a community needs a parent
            ],
            Members =
            [
                MemberRow(10, 100),                                 // members do not sit in a community
                MemberRow(11, 2000) with { JoinedPartyOn = D3 },    // joins after the import date
            ],
            Households = [HouseholdRow(20, 2000, residents: -1)],
        };

        var exception = await city.InvalidAsync(s => s.ImportAsync(TestActors.System, batch, D1));

        Assert.Equal(ErrorCodes.ValidationFailed, exception.Code);
        var problems = exception.Problems.Select(p => (p.Field, p.Key, p.Rule)).ToList();
        Assert.Equal(
            [
                ("Units[1].Id", "unit:1000", ErrorCodes.DuplicateId),
                ("Units[2].ParentId", "unit:2001", ErrorCodes.UnknownReference),
                ("Units[3].ParentId", "unit:2002", ErrorCodes.ParentKindNotAllowed),
                ("Units[4].ParentId", "unit:2003", ErrorCodes.RootKindMismatch),
                ("Members[0].BranchId", "member:10", ErrorCodes.MemberPlacementNotAllowed),
                ("Members[1].JoinedPartyOn", "member:11", ErrorCodes.InvalidValue),
                ("Households[0].Residents", "household:20", ErrorCodes.InvalidValue),
            ],
            problems);
        Assert.All(exception.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        Assert.Contains("7 problem(s)", exception.Message);
        Assert.Equal(before, city.Store.Count<OrgUnit>());
        Assert.Equal(5, city.Store.Count<Member>());
        Assert.Equal(6, city.Store.Count<Household>());
    }

    [Fact]
    public async Task Import_IntoEmptyStore_BadBatch_StoresNothingAtAll()
    {
        var batch = LaiwuCity() with { Households = [.. LaiwuCity().Households, HouseholdRow(99, 100)] };

        var exception = await city.InvalidAsync(s => s.ImportAsync(TestActors.System, batch, D0));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(("Households[6].UnitId", "household:99", ErrorCodes.HouseholdPlacementNotAllowed), (problem.Field, problem.Key, problem.Rule));
        Assert.Equal(ErrorCodes.HouseholdPlacementNotAllowed, exception.Code);
        Assert.Equal(0, city.Store.Count<OrgUnit>());
        Assert.Equal(0, city.Store.Count<Member>());
        Assert.Equal(0, city.Store.Count<Household>());
        Assert.Equal(0, city.Store.Count<StationedUnit>());
        Assert.Empty(await city.ListAsync<OrgUnit>());
    }

    [Fact]
    public async Task Import_DuplicateIdInBatch_Reported()
    {
        var batch = new RosterBatch
        {
            Units = [UnitRow(1, UnitKind.District, null), UnitRow(1, UnitKind.District, null, "Twin")],
            Members = [MemberRow(1, 1), MemberRow(1, 1)],
            Households = [HouseholdRow(4, 1), HouseholdRow(4, 1)],
        };

        var exception = await city.InvalidAsync(s => s.ImportAsync(TestActors.System, batch, D0));

        Assert.Contains(exception.Problems, p => p is { Field: "Units[1].Id", Key: "unit:1", Rule: ErrorCodes.DuplicateId });
        Assert.Contains(exception.Problems, p => p is { Field: "Members[1].Id", Key: "member:1", Rule: ErrorCodes.DuplicateId });
        Assert.Contains(exception.Problems, p => p is { Field: "Households[1].Id", Key: "household:4", Rule: ErrorCodes.DuplicateId });
        Assert.DoesNotContain(exception.Problems, p => p.Field.EndsWith("[0].Id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_IdsAlreadyStored_Reported()
    {
        await city.SeedLaiwuAsync();
        var batch = new RosterBatch
        {
            Members = [MemberRow(3, 1000)],
            Households = [HouseholdRow(6, 1000)],
            StationedUnits = [new StationedUnitDraft(R(1), "Again", StationedUnitKind.Organ, U(100), 10, 1)],
        };

        var exception = await city.InvalidAsync(s => s.ImportAsync(TestActors.System, batch, D1));

        Assert.Equal(
            [("StationedUnits[0].Id", ErrorCodes.DuplicateId), ("Members[0].Id", ErrorCodes.DuplicateId), ("Households[0].Id", ErrorCodes.DuplicateId)],
            exception.Problems.Select(p => (p.Field, p.Rule)));
    }

    [Fact]
    public async Task AddUnit_ForbiddenParentKind_ThrowsParentKindNotAllowed()
    {
        await city.SeedLaiwuAsync();

        var exception = await city.FailsAsync(ErrorCodes.ParentKindNotAllowed, s => s.AddUnitAsync(TestActors.System, UnitRow(2000, UnitKind.GridBranch, 10), D1));

        var problem = Assert.Single(((GridGovernanceValidationException)exception).Problems);
        Assert.Equal("Units[0].ParentId", problem.Field);
        Assert.Equal("unit:2000", problem.Key);
        Assert.Contains("community", problem.Message);
    }

    [Fact]
    public async Task AddUnit_ReturnsStoredUnitWithAddedEvent()
    {
        await city.SeedLaiwuAsync();

        var unit = await city.RunAsync(s => s.AddUnitAsync(TestActors.System, UnitRow(2000, UnitKind.GridBranch, 100), D1));

        Assert.Equal(1, unit.Version);
        Assert.Equal(new OrgUnitAdded(U(2000), UnitKind.GridBranch, U(100), D1), Assert.Single(unit.DomainEvents));
        Assert.Equal(D1, (await city.UnitAsync(2000)).OpenedOn);
    }

    [Fact]
    public async Task AddUnit_NonRootKindWithoutParent_ThrowsRootKindMismatch()
    {
        await city.FailsAsync(ErrorCodes.RootKindMismatch, s => s.AddUnitAsync(TestActors.System, UnitRow(10, UnitKind.Street, null), D0));

        Assert.Equal(0, city.Store.Count<OrgUnit>());
    }

    [Fact]
    public async Task AddUnit_RootKindWithoutParent_Succeeds()
    {
        var unit = await city.RunAsync(s => s.AddUnitAsync(TestActors.System, UnitRow(1, UnitKind.District, null), D0));

        Assert.Equal(U(1), unit.Id);
        Assert.Null(unit.ParentId);
        Assert.Equal(1, city.Store.Count<OrgUnit>());
    }

    [Fact]
    public async Task AddUnit_UnknownKind_ThrowsUnknownUnitKind()
    {
        await city.SeedLaiwuAsync();

        var exception = await city.FailsAsync(ErrorCodes.UnknownUnitKind, s => s.AddUnitAsync(TestActors.System, UnitRow(2000, new UnitKind("village"), 10), D1));

        Assert.Equal("Units[0].Kind", Assert.Single(((GridGovernanceValidationException)exception).Problems).Field);
    }

    [Fact]
    public async Task AddUnit_BlankName_ThrowsInvalidValue()
    {
        await city.SeedLaiwuAsync();

        var exception = await city.FailsAsync(ErrorCodes.InvalidValue, s => s.AddUnitAsync(TestActors.System, UnitRow(2000, UnitKind.GridBranch, 100, " "), D1));

        Assert.Equal("Units[0].Name", Assert.Single(((GridGovernanceValidationException)exception).Problems).Field);
    }

    [Fact]
    public async Task AddUnit_GridBranchKindOnNonGrid_AndPartnerWithoutCoBuilt_Reported()
    {
        await city.SeedLaiwuAsync();
        var batch = new RosterBatch
        {
            Units =
            [
                UnitRow(2000, UnitKind.Community, 10) with { GridBranchKind = GridBranchKind.Combined, PartyGroupKind = PartyGroupKind.Merchant },
                UnitRow(2001, UnitKind.GridBranch, 100) with { CoBuildingPartner = R(77) },
            ],
        };

        var exception = await city.InvalidAsync(s => s.ImportAsync(TestActors.System, batch, D1));

        Assert.Equal(
            [
                ("Units[0].GridBranchKind", ErrorCodes.InvalidValue),
                ("Units[0].PartyGroupKind", ErrorCodes.InvalidValue),
                ("Units[1].CoBuildingPartner", ErrorCodes.InvalidValue),
                ("Units[1].CoBuildingPartner", ErrorCodes.UnknownReference),
            ],
            exception.Problems.Select(p => (p.Field, p.Rule)));
    }

    [Fact]
    public async Task AddMember_InKindNotAllowed_ThrowsMemberPlacementNotAllowed()
    {
        await city.SeedLaiwuAsync();

        var exception = await city.FailsAsync(ErrorCodes.MemberPlacementNotAllowed, s => s.AddMemberAsync(TestActors.System, MemberRow(10, 10), D1));

        var problem = Assert.Single(((GridGovernanceValidationException)exception).Problems);
        Assert.Equal(("Members[0].BranchId", "member:10"), (problem.Field, problem.Key));
    }

    [Fact]
    public async Task AddMember_InvalidPhone_ThrowsInvalidValue()
    {
        await city.SeedLaiwuAsync();

        var exception = await city.FailsAsync(ErrorCodes.InvalidValue, s => s.AddMemberAsync(TestActors.System, MemberRow(10, 1000) with { Phone = "12-34" }, D1));

        Assert.Equal("Members[0].Phone", Assert.Single(((GridGovernanceValidationException)exception).Problems).Field);
    }

    [Fact]
    public async Task AddMember_ValidPhoneWithPlus_Stored()
    {
        await city.SeedLaiwuAsync();

        var member = await city.RunAsync(s => s.AddMemberAsync(TestActors.System, MemberRow(10, 1000) with { Phone = "+8613800000000" }, D1));

        Assert.Equal("+8613800000000", member.Phone);
        Assert.Equal(D1, member.Branches.Start);
    }

    [Fact]
    public async Task AddHousehold_InCommunity_ThrowsHouseholdPlacementNotAllowed()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.HouseholdPlacementNotAllowed, s => s.AddHouseholdAsync(TestActors.System, HouseholdRow(10, 100), D1));
    }

    [Fact]
    public async Task AddStationedUnit_BadCounts_ListsEachProblem()
    {
        await city.SeedLaiwuAsync();
        var draft = new StationedUnitDraft(R(2), "", StationedUnitKind.PrivateFirm, U(100), 5, 9) { HasOwnOrganisation = true };

        var exception = await city.InvalidAsync(s => s.AddStationedUnitAsync(TestActors.System, draft, D1));

        Assert.Equal(
            [("StationedUnits[0].Name", ErrorCodes.InvalidValue), ("StationedUnits[0].MemberCount", ErrorCodes.InvalidValue), ("StationedUnits[0].HasOwnOrganisation", ErrorCodes.InvalidValue)],
            exception.Problems.Select(p => (p.Field, p.Rule)));
    }

    [Fact]
    public async Task Import_CycleInsideBatch_ThrowsCycleDetected()
    {
        using var nesting = new OrganisationFixture(NestingSchema);
        await nesting.RunAsync(s => s.ImportAsync(TestActors.System, NestingCity(), D0));
        var batch = new RosterBatch
        {
            Units = [UnitRow(40000, UnitKind.PartyGroup, 40001), UnitRow(40001, UnitKind.PartyGroup, 40000), UnitRow(40002, UnitKind.PartyGroup, 40002), UnitRow(40003, UnitKind.PartyGroup, 30000)],
        };

        var exception = await nesting.InvalidAsync(s => s.ImportAsync(TestActors.System, batch, D1));

        Assert.Equal(
            [("Units[0].ParentId", "unit:40000", ErrorCodes.HierarchyCycle), ("Units[2].ParentId", "unit:40002", ErrorCodes.HierarchyCycle)],
            exception.Problems.Select(p => (p.Field, p.Key, p.Rule)));
    }

    [Fact]
    public async Task Import_ReferencesToClosedUnit_ThrowsUnitClosed()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D1));
        var batch = new RosterBatch
        {
            Units = [UnitRow(10110, UnitKind.PartyGroup, 1011)],
            Members = [MemberRow(10, 1011)],
            Households = [HouseholdRow(10, 1011)],
            Roles = [new RoleDraft(M(5), RoleKind.Liaison, U(1011))],
        };

        var exception = await city.InvalidAsync(s => s.ImportAsync(TestActors.System, batch, D2));

        Assert.Equal(
            [("Units[0].ParentId", ErrorCodes.UnitClosed), ("Members[0].BranchId", ErrorCodes.UnitClosed), ("Households[0].UnitId", ErrorCodes.UnitClosed), ("Roles[0].UnitId", ErrorCodes.UnitClosed)],
            exception.Problems.Select(p => (p.Field, p.Rule)));
    }

    [Fact]
    public async Task Import_ReferenceToUnitOpeningLater_ThrowsUnitClosed()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AddUnitAsync(TestActors.System, UnitRow(2000, UnitKind.GridBranch, 100), D2));

        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.AddHouseholdAsync(TestActors.System, HouseholdRow(10, 2000), D1));
    }

    [Fact]
    public async Task Import_RoleProblems_Reported()
    {
        await city.SeedLaiwuAsync();
        var batch = new RosterBatch
        {
            Roles =
            [
                new RoleDraft(M(99), RoleKind.Liaison, U(1000)),
                new RoleDraft(M(3), RoleKind.GridWorker, U(1001)) { Until = D1 },
                new RoleDraft(M(3), RoleKind.Sentinel, U(1001)),
                new RoleDraft(M(3), RoleKind.Sentinel, U(1001)),
            ],
        };

        var exception = await city.InvalidAsync(s => s.ImportAsync(TestActors.System, batch, D1));

        Assert.Equal(
            [("Roles[0].MemberId", ErrorCodes.UnknownReference), ("Roles[1].Until", ErrorCodes.InvalidValue), ("Roles[3]", ErrorCodes.InvalidRole)],
            exception.Problems.Select(p => (p.Field, p.Rule)));
    }

    [Fact]
    public async Task Import_EmptyBatch_AddsNothing()
    {
        await city.SeedLaiwuAsync();
        var before = await city.FingerprintAsync();

        var result = await city.RunAsync(s => s.ImportAsync(TestActors.System, new RosterBatch(), D1));

        Assert.Equal(new ImportResult(0, 0, 0, 0, 0), result);
        Assert.Equal(before, await city.FingerprintAsync());
    }

    [Fact]
    public async Task Import_DefaultId_ReportedAsInvalidValue()
    {
        var exception = await city.InvalidAsync(s => s.ImportAsync(TestActors.System, new RosterBatch { Units = [new UnitDraft(default, UnitKind.District, "Zero", null)] }, D0));

        Assert.Contains(exception.Problems, p => p is { Field: "Units[0].Id", Rule: ErrorCodes.InvalidValue });
    }

    [Fact]
    public async Task Import_NullBatch_ThrowsArgumentNull()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => city.RunAsync(s => s.ImportAsync(TestActors.System, null!, D0)));
    }

    /// <summary>Under <see cref="NestingSchema"/>: the Laiwu spine, plus groups 30000 and 30001 under grid 1000.</summary>
    internal static RosterBatch NestingCity() => new()
    {
        Units =
        [
            UnitRow(1, UnitKind.District, null),
            UnitRow(10, UnitKind.Street, 1),
            UnitRow(100, UnitKind.Community, 10),
            UnitRow(1000, UnitKind.GridBranch, 100),
            UnitRow(1001, UnitKind.GridBranch, 100),
            UnitRow(30000, UnitKind.PartyGroup, 1000),
            UnitRow(30001, UnitKind.PartyGroup, 1000),
        ],
        Members = [MemberRow(1, 30000), MemberRow(2, 30001)],
        Households = [HouseholdRow(1, 30000), HouseholdRow(2, 30001)],
    };
}
