using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public partial class OrganisationServiceTest
{
    [Fact]
    public async Task Merge_ThreeStreetsIntoOne_MovesCommunitiesAndClosesSources()
    {
        using var shantou = new OrganisationFixture(HierarchySchemas.Shantou);
        await shantou.RunAsync(s => s.ImportAsync(TestActors.System, ShantouCity(), D0));

        var result = await shantou.RunAsync(s => s.MergeUnitsAsync(TestActors.System, [U(12), U(10), U(11)], U(13), D2));

        Assert.Equal([U(10), U(11), U(12)], result.Closed);
        Assert.Empty(result.Created);
        Assert.Equal(4, result.UnitsMoved);
        Assert.Equal(0, result.MembersMoved);
        Assert.Equal(0, result.HouseholdsMoved);
        foreach (var id in new[] { 10, 11, 12 })
        {
            var source = await shantou.UnitAsync(id);
            Assert.True(source.IsClosed);
            Assert.Equal(D2, source.ClosedOn);
            Assert.Equal<OrgUnitId>([U(13)], source.Successors);
        }
        foreach (var id in new[] { 100, 110, 120, 121 })
        {
            var community = await shantou.UnitAsync(id);
            Assert.Equal(U(13), community.ParentId);
            Assert.False(community.IsClosed);
        }
        Assert.False((await shantou.UnitAsync(13)).IsClosed);
    }

    [Fact]
    public async Task Merge_ThreeStreetsIntoOne_CountsUnderTargetAreTheSum()
    {
        using var shantou = new OrganisationFixture(HierarchySchemas.Shantou);
        await shantou.RunAsync(s => s.ImportAsync(TestActors.System, ShantouCity(), D0));
        var before = await shantou.IndexAsync(D1);
        var expected = new[] { 10, 11, 12, 13 }.Select(id => before.CountsUnder(U(id)))
            .Aggregate((a, b) => new SubtreeCounts(a.Units + b.Units, a.Members + b.Members, a.Households + b.Households));

        await shantou.RunAsync(s => s.MergeUnitsAsync(TestActors.System, [U(10), U(11), U(12)], U(13), D2));

        var after = await shantou.IndexAsync(D2);
        Assert.Equal(new SubtreeCounts(11, 6, 6), expected);
        Assert.Equal(expected, after.CountsUnder(U(13)));
        Assert.False(after.Contains(U(10)));
        Assert.Equal(before.CountsUnder(U(1)).Members, after.CountsUnder(U(1)).Members);
        Assert.Equal(before.CountsUnder(U(1)).Households, after.CountsUnder(U(1)).Households);
        Assert.Equal(before.CountsUnder(U(1)).Units - 3, after.CountsUnder(U(1)).Units);
    }

    [Fact]
    public async Task Merge_KeepsHistory()
    {
        using var shantou = new OrganisationFixture(HierarchySchemas.Shantou);
        await shantou.RunAsync(s => s.ImportAsync(TestActors.System, ShantouCity(), D0));

        await shantou.RunAsync(s => s.MergeUnitsAsync(TestActors.System, [U(10), U(11), U(12)], U(13), D2));

        var before = await shantou.IndexAsync(D1);
        Assert.Equal(U(12), before.ParentOf(U(121)));
        Assert.True(before.IsAncestorOf(U(12), H(5)));
        Assert.True((await shantou.IndexAsync(D2)).IsAncestorOf(U(13), H(5)));
        var community = await shantou.UnitAsync(121);
        Assert.True(community.TryGetParentOn(D1, out var parentThen));
        Assert.Equal(U(12), parentThen);
    }

    [Fact]
    public async Task Merge_Branches_MovesMembersHouseholdsAndCoverage()
    {
        using var shantou = new OrganisationFixture(HierarchySchemas.Shantou);
        await shantou.RunAsync(s => s.ImportAsync(TestActors.System, ShantouCity(), D0));

        var result = await shantou.RunAsync(s => s.MergeUnitsAsync(TestActors.System, [U(1000)], U(1100), D2));

        Assert.Equal([U(1000)], result.Closed);
        Assert.Equal((0, 1, 2), (result.UnitsMoved, result.MembersMoved, result.HouseholdsMoved));
        var member = await shantou.MemberAsync(1);
        Assert.Equal(U(1100), member.BranchId);
        Assert.Equal(U(1000), member.BranchOn(D1));
        Assert.Equal(U(1100), (await shantou.HouseholdAsync(2)).UnitId);
        Assert.Equal(U(1100), (await shantou.StationedUnitAsync(1)).PartyOrganisationId);
        Assert.True((await shantou.StationedUnitAsync(1)).HasOwnOrganisation);
        Assert.Equal(new SubtreeCounts(0, 2, 3), (await shantou.IndexAsync(D2)).CountsUnder(U(1100)));
    }

    [Fact]
    public async Task Merge_EndsRolesHeldOnSources()
    {
        await city.SeedLaiwuAsync();

        await city.RunAsync(s => s.MergeUnitsAsync(TestActors.System, [U(1000)], U(1001), D2));

        var member = await city.MemberAsync(2);
        Assert.Equal(U(1001), member.BranchId);
        Assert.Equal(new Validity(D0, D2), Assert.Single(member.Roles).Validity);
        Assert.Equal(U(1001), (await city.UnitAsync(10000)).ParentId);
        Assert.Equal(new Validity(D0), Assert.Single((await city.MemberAsync(1)).Roles).Validity);
    }

    [Fact]
    public async Task Merge_DifferentKinds_ThrowsInvalidRestructure()
    {
        using var shantou = new OrganisationFixture(HierarchySchemas.Shantou);
        await shantou.RunAsync(s => s.ImportAsync(TestActors.System, ShantouCity(), D0));

        await shantou.FailsAsync(ErrorCodes.InvalidRestructure, s => s.MergeUnitsAsync(TestActors.System, [U(10), U(100)], U(13), D2));
    }

    [Fact]
    public async Task Merge_TargetUnderSource_ThrowsCycle()
    {
        using var nesting = new OrganisationFixture(NestingSchema);
        await nesting.RunAsync(s => s.ImportAsync(TestActors.System, NestingCity(), D0));
        await nesting.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(30001), U(30000), D1));

        await nesting.FailsAsync(ErrorCodes.HierarchyCycle, s => s.MergeUnitsAsync(TestActors.System, [U(30000)], U(30001), D2));

        Assert.False((await nesting.UnitAsync(30000)).IsClosed);
    }

    [Fact]
    public async Task Merge_InconsistentSourceList_ThrowsInvalidRestructure()
    {
        using var shantou = new OrganisationFixture(HierarchySchemas.Shantou);
        await shantou.RunAsync(s => s.ImportAsync(TestActors.System, ShantouCity(), D0));

        await shantou.FailsAsync(ErrorCodes.InvalidRestructure, s => s.MergeUnitsAsync(TestActors.System, [], U(13), D2));
        await shantou.FailsAsync(ErrorCodes.InvalidRestructure, s => s.MergeUnitsAsync(TestActors.System, [U(10), U(10)], U(13), D2));
        await shantou.FailsAsync(ErrorCodes.InvalidRestructure, s => s.MergeUnitsAsync(TestActors.System, [U(10), U(13)], U(13), D2));
    }

    [Fact]
    public async Task Merge_ClosedSource_ThrowsUnitClosed()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D1));

        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.MergeUnitsAsync(TestActors.System, [U(1011)], U(1010), D2));
    }

    [Fact]
    public async Task Merge_DatedBeforeAContentsLastChange_ThrowsRetroactiveAndChangesNothing()
    {
        using var shantou = new OrganisationFixture(HierarchySchemas.Shantou);
        await shantou.RunAsync(s => s.ImportAsync(TestActors.System, ShantouCity(), D0));
        await shantou.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(121), U(11), D2));

        await shantou.FailsAsync(ErrorCodes.RetroactiveChange, s => s.MergeUnitsAsync(TestActors.System, [U(10), U(11)], U(13), D1));

        Assert.False((await shantou.UnitAsync(10)).IsClosed);
        Assert.Equal(U(10), (await shantou.UnitAsync(100)).ParentId);
    }

    [Fact]
    public async Task Merge_DatedBeforeSomethingLeftASource_ThrowsRetroactive()
    {
        using var shantou = new OrganisationFixture(HierarchySchemas.Shantou);
        await shantou.RunAsync(s => s.ImportAsync(TestActors.System, ShantouCity(), D0));
        await shantou.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(121), U(13), D2));

        await shantou.FailsAsync(ErrorCodes.RetroactiveChange, s => s.MergeUnitsAsync(TestActors.System, [U(12)], U(11), D1));

        Assert.False((await shantou.UnitAsync(12)).IsClosed);
    }

    /// <summary>
    /// Under the Shantou schema: district 1; streets 10, 11, 12, 13; communities 100 (street 10), 110 (11), 120, 121
    /// (12), 130 (13); branches 1000, 1100, 1200, 1210, 1300 under them; group 12100 directly under community 121.
    /// Members 1 (1000), 2 (1100), 3 (1200), 4 (1210), 5 (12100), 6 (1300); households 1, 2 (1000), 3 (1100),
    /// 4 (1200), 5 (12100), 6 (1300). Stationed unit 1 covered by branch 1000.
    /// </summary>
    internal static RosterBatch ShantouCity() => new()
    {
        Units =
        [
            UnitRow(1, UnitKind.District, null, "金平区"),
            UnitRow(10, UnitKind.Street, 1), UnitRow(11, UnitKind.Street, 1), UnitRow(12, UnitKind.Street, 1), UnitRow(13, UnitKind.Street, 1),
            UnitRow(100, UnitKind.Community, 10), UnitRow(110, UnitKind.Community, 11), UnitRow(120, UnitKind.Community, 12),
            UnitRow(121, UnitKind.Community, 12), UnitRow(130, UnitKind.Community, 13),
            UnitRow(1000, UnitKind.Branch, 100), UnitRow(1100, UnitKind.Branch, 110), UnitRow(1200, UnitKind.Branch, 120),
            UnitRow(1210, UnitKind.Branch, 121), UnitRow(1300, UnitKind.Branch, 130),
            UnitRow(12100, UnitKind.PartyGroup, 121) with { PartyGroupKind = PartyGroupKind.Merchant },
        ],
        Members = [MemberRow(1, 1000), MemberRow(2, 1100), MemberRow(3, 1200), MemberRow(4, 1210), MemberRow(5, 12100), MemberRow(6, 1300)],
        Households = [HouseholdRow(1, 1000), HouseholdRow(2, 1000), HouseholdRow(3, 1100), HouseholdRow(4, 1200), HouseholdRow(5, 12100), HouseholdRow(6, 1300)],
        StationedUnits =
        [
            new StationedUnitDraft(R(1), "金平区税务局", StationedUnitKind.Organ, U(100), 40, 12) { PartyOrganisationId = U(1000), HasOwnOrganisation = true },
        ],
    };
}
