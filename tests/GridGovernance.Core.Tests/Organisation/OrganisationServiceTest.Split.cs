using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public partial class OrganisationServiceTest
{
    private static SplitPart Part(int id, params NodeRef[] contents) =>
        new(UnitRow(id, UnitKind.GridBranch, 100, $"Grid {id}"), contents);

    [Fact]
    public async Task Split_GridIntoTwo_EachNodeGoesToItsPart()
    {
        await city.SeedLaiwuAsync();

        var result = await city.RunAsync(s => s.SplitUnitAsync(TestActors.System, U(1000), [Part(1002, U(10000), M(2), H(1)), Part(1003, H(2))], D2));

        Assert.Equal([U(1000)], result.Closed);
        Assert.Equal([U(1002), U(1003)], result.Created);
        Assert.Equal((1, 1, 2), (result.UnitsMoved, result.MembersMoved, result.HouseholdsMoved));
        var source = await city.UnitAsync(1000);
        Assert.True(source.IsClosed);
        Assert.Equal(D2, source.ClosedOn);
        Assert.Equal<OrgUnitId>([U(1002), U(1003)], source.Successors);
        Assert.Equal(U(1002), (await city.UnitAsync(10000)).ParentId);
        Assert.Equal(U(1002), (await city.MemberAsync(2)).BranchId);
        Assert.Equal(U(1002), (await city.HouseholdAsync(1)).UnitId);
        Assert.Equal(U(1003), (await city.HouseholdAsync(2)).UnitId);
        foreach (var id in new[] { 1002, 1003 })
        {
            var created = await city.UnitAsync(id);
            Assert.Equal(UnitKind.GridBranch, created.Kind);
            Assert.Equal(U(100), created.ParentId);
            Assert.Equal(D2, created.OpenedOn);
        }
    }

    [Fact]
    public async Task Split_IndexBeforeAndAfter()
    {
        await city.SeedLaiwuAsync();

        await city.RunAsync(s => s.SplitUnitAsync(TestActors.System, U(1000), [Part(1002, U(10000), M(2), H(1)), Part(1003, H(2))], D2));

        var before = await city.IndexAsync(D1);
        var after = await city.IndexAsync(D2);
        Assert.Equal(new SubtreeCounts(1, 2, 3), before.CountsUnder(U(1000)));
        Assert.False(before.Contains(U(1002)));
        Assert.False(after.Contains(U(1000)));
        Assert.Equal(new SubtreeCounts(1, 2, 2), after.CountsUnder(U(1002)));
        Assert.Equal(new SubtreeCounts(0, 0, 1), after.CountsUnder(U(1003)));
        Assert.Equal(before.CountsUnder(U(100)).Households, after.CountsUnder(U(100)).Households);
        Assert.Equal(U(1000), (await city.MemberAsync(2)).BranchOn(D1));
    }

    [Fact]
    public async Task Split_CoveringGrid_StationedUnitCoveredByFirstPart()
    {
        await city.SeedLaiwuAsync();

        await city.RunAsync(s => s.SplitUnitAsync(TestActors.System, U(1001), [Part(1002, M(3)), Part(1003, H(4))], D2));

        Assert.Equal(U(1002), (await city.StationedUnitAsync(1)).PartyOrganisationId);
    }

    [Fact]
    public async Task Split_NodeMissing_ThrowsInvalidRestructure()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.InvalidRestructure, s => s.SplitUnitAsync(TestActors.System, U(1000), [Part(1002, U(10000), M(2)), Part(1003, H(2))], D2));

        Assert.False((await city.UnitAsync(1000)).IsClosed);
        Assert.Equal(12, city.Store.Count<OrgUnit>());
    }

    [Fact]
    public async Task Split_NodeInTwoParts_ThrowsInvalidRestructure()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.InvalidRestructure, s => s.SplitUnitAsync(TestActors.System, U(1000), [Part(1002, U(10000), M(2), H(1), H(2)), Part(1003, H(2))], D2));
    }

    [Fact]
    public async Task Split_NodeNotUnderSource_ThrowsInvalidRestructure()
    {
        await city.SeedLaiwuAsync();

        // Household 3 is under grid 1000 only through group 10000: the group moves with it, not on its own.
        await city.FailsAsync(ErrorCodes.InvalidRestructure, s => s.SplitUnitAsync(TestActors.System, U(1000), [Part(1002, U(10000), M(2), H(1), H(3)), Part(1003, H(2))], D2));
    }

    [Fact]
    public async Task Split_OnePart_ThrowsInvalidRestructure()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.InvalidRestructure, s => s.SplitUnitAsync(TestActors.System, U(1000), [Part(1002, U(10000), M(2), H(1), H(2))], D2));
    }

    [Fact]
    public async Task Split_PartOfOtherKindOrParent_ThrowsInvalidRestructure()
    {
        await city.SeedLaiwuAsync();
        var otherKind = new SplitPart(UnitRow(1002, UnitKind.PartyGroup, 100), [U(10000), M(2), H(1)]);
        var otherParent = new SplitPart(UnitRow(1003, UnitKind.GridBranch, 101), [H(2)]);

        await city.FailsAsync(ErrorCodes.InvalidRestructure, s => s.SplitUnitAsync(TestActors.System, U(1000), [otherKind, Part(1003, H(2))], D2));
        await city.FailsAsync(ErrorCodes.InvalidRestructure, s => s.SplitUnitAsync(TestActors.System, U(1000), [Part(1002, U(10000), M(2), H(1)), otherParent], D2));
    }

    [Fact]
    public async Task Split_PartIdAlreadyUsed_ThrowsDuplicateId()
    {
        await city.SeedLaiwuAsync();

        var exception = await city.FailsAsync(ErrorCodes.DuplicateId, s => s.SplitUnitAsync(TestActors.System, U(1000), [Part(1001, U(10000), M(2), H(1)), Part(1003, H(2))], D2));

        Assert.IsType<GridGovernanceValidationException>(exception);
    }

    [Fact]
    public async Task Split_EmptyPart_ThrowsInvalidRestructure()
    {
        // ErrorCodes.InvalidRestructure: "Merge or split inputs are inconsistent (kinds differ, a child is left out, a part is empty...)".
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.InvalidRestructure, s => s.SplitUnitAsync(TestActors.System, U(1000), [Part(1002, U(10000), M(2), H(1), H(2)), Part(1003)], D2));
    }

    [Fact]
    public async Task Split_ClosedUnit_ThrowsUnitClosed()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D1));

        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.SplitUnitAsync(TestActors.System, U(1011), [Part(1002), Part(1003)], D2));
    }
}
