using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public partial class OrganisationServiceTest
{
    [Fact]
    public async Task Move_Allowed_ChangesParentAndRecordsEvent()
    {
        await city.SeedLaiwuAsync();

        var moved = await city.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(101), U(11), D2));

        Assert.Equal(U(11), moved.ParentId);
        var movedEvent = Assert.IsType<OrgUnitMoved>(Assert.Single(moved.DomainEvents));
        Assert.Equal(new OrgUnitMoved(U(101), U(10), U(11), D2), movedEvent);
        var stored = await city.UnitAsync(101);
        Assert.Equal(U(11), stored.ParentId);
        Assert.Equal(2, stored.Version);
        Assert.Empty(stored.DomainEvents);
    }

    [Fact]
    public async Task Move_ForbiddenKind_ThrowsParentKindNotAllowed()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.ParentKindNotAllowed, s => s.MoveUnitAsync(TestActors.System, U(1000), U(11), D2));

        Assert.Equal(U(100), (await city.UnitAsync(1000)).ParentId);
    }

    [Fact]
    public async Task Move_UnderOwnDescendant_ThrowsCycle()
    {
        using var nesting = new OrganisationFixture(NestingSchema);
        await nesting.RunAsync(s => s.ImportAsync(TestActors.System, NestingCity(), D0));
        await nesting.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(30001), U(30000), D1));

        await nesting.FailsAsync(ErrorCodes.HierarchyCycle, s => s.MoveUnitAsync(TestActors.System, U(30000), U(30001), D2));

        Assert.Equal(U(1000), (await nesting.UnitAsync(30000)).ParentId);
        Assert.Equal(U(30000), (await nesting.UnitAsync(30001)).ParentId);
    }

    [Fact]
    public async Task Move_UnderItself_ThrowsCycle()
    {
        using var nesting = new OrganisationFixture(NestingSchema);
        await nesting.RunAsync(s => s.ImportAsync(TestActors.System, NestingCity(), D0));

        await nesting.FailsAsync(ErrorCodes.HierarchyCycle, s => s.MoveUnitAsync(TestActors.System, U(30000), U(30000), D1));
    }

    [Fact]
    public async Task Move_UnderUnitThatIsItsDescendantOnTheEffectiveDate_ThrowsCycle()
    {
        // Group 30000 sits under 30001 from D1 until D3. Moving 30001 under 30000 on D2 makes each the other's
        // parent from D2 to D3, although the current (latest) parents show no cycle.
        using var nesting = new OrganisationFixture(NestingSchema);
        await nesting.RunAsync(s => s.ImportAsync(TestActors.System, NestingCity(), D0));
        await nesting.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(30000), U(30001), D1));
        await nesting.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(30000), U(1000), D3));

        await nesting.FailsAsync(ErrorCodes.HierarchyCycle, s => s.MoveUnitAsync(TestActors.System, U(30001), U(30000), D2));
    }

    [Fact]
    public async Task Move_BeforeLastMove_ThrowsRetroactive()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(101), U(11), D2));

        await city.FailsAsync(ErrorCodes.RetroactiveChange, s => s.MoveUnitAsync(TestActors.System, U(101), U(10), D1));

        var stored = await city.UnitAsync(101);
        Assert.Equal(U(11), stored.ParentId);
        Assert.Equal(2, stored.Parents.Segments.Length);
    }

    [Fact]
    public async Task Move_SameDayAsLastMove_CorrectsIt()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(1010), U(100), D2));

        await city.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(1010), U(110), D2));

        var stored = await city.UnitAsync(1010);
        Assert.Equal(U(110), stored.ParentId);
        Assert.Equal([U(101), U(110)], stored.Parents.Segments.Select(x => x.Value!.Value));
    }

    [Fact]
    public async Task Move_SameDayBackToFormerParent_LeavesNoTrace()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(1010), U(100), D2));

        await city.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(1010), U(101), D2));

        var stored = await city.UnitAsync(1010);
        Assert.Equal(U(101), stored.ParentId);
        Assert.Single(stored.Parents.Segments);
        Assert.Equal(U(101), (await city.IndexAsync(D2)).ParentOf(U(1010)));
    }

    [Fact]
    public async Task Move_ToCurrentParent_RecordsNoEvent()
    {
        await city.SeedLaiwuAsync();

        var unit = await city.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(101), U(10), D2));

        Assert.Empty(unit.DomainEvents);
        Assert.Single((await city.UnitAsync(101)).Parents.Segments);
    }

    [Fact]
    public async Task Move_NonRootToNoParent_ThrowsRootKindMismatch()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.RootKindMismatch, s => s.MoveUnitAsync(TestActors.System, U(10), null, D2));
    }

    [Fact]
    public async Task Move_ClosedUnitOrClosedParent_ThrowsUnitClosed()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D1));

        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.MoveUnitAsync(TestActors.System, U(1011), U(100), D2));
        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.MoveUnitAsync(TestActors.System, U(10000), U(1011), D2));
    }

    [Fact]
    public async Task Move_BeforeUnitOpened_Throws()
    {
        await city.SeedLaiwuAsync();

        var exception = await Assert.ThrowsAnyAsync<GridGovernanceException>(() =>
            city.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(101), U(11), new NodaTime.LocalDate(2023, 6, 1))));

        Assert.Contains(exception.Code, new[] { ErrorCodes.UnitClosed, ErrorCodes.RetroactiveChange });
        Assert.Equal(U(10), (await city.UnitAsync(101)).ParentId);
    }

    [Fact]
    public async Task Move_UnknownUnit_ThrowsNotFound()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.NotFound, s => s.MoveUnitAsync(TestActors.System, U(999), U(10), D2));
        await city.FailsAsync(ErrorCodes.NotFound, s => s.MoveUnitAsync(TestActors.System, U(101), U(999), D2));
    }

    [Fact]
    public async Task AsOf_AfterMove_IndexShowsParentOfEachDate()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(101), U(11), D2));

        var before = await city.IndexAsync(D1);
        var after = await city.IndexAsync(D2);

        Assert.Equal(U(10), before.ParentOf(U(101)));
        Assert.Equal(U(11), after.ParentOf(U(101)));
        Assert.True(before.IsAncestorOf(U(10), H(6)));
        Assert.False(after.IsAncestorOf(U(10), H(6)));
        Assert.True(after.IsAncestorOf(U(11), H(6)));
        Assert.Equal(new SubtreeCounts(7, 4, 5), before.CountsUnder(U(10)));
        Assert.Equal(new SubtreeCounts(4, 3, 4), after.CountsUnder(U(10)));
        Assert.Equal(new SubtreeCounts(5, 2, 2), after.CountsUnder(U(11)));
    }

    [Fact]
    public async Task AsOf_DayBeforeMove_StillOldParent()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.MoveUnitAsync(TestActors.System, U(101), U(11), D2));

        var index = await city.IndexAsync(D2.PlusDays(-1));

        Assert.Equal(U(10), index.ParentOf(U(101)));
    }

    [Fact]
    public async Task AsOf_NamesFollowTheDate()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.RenameUnitAsync(TestActors.System, U(10), "凤城新街道", D2));

        var unit = await city.UnitAsync(10);

        Assert.Equal("凤城街道", unit.NameOn(D1));
        Assert.Equal("凤城新街道", unit.NameOn(D2));
        Assert.Equal("凤城新街道", unit.Name);
    }

    [Fact]
    public async Task AsOf_ClosedUnitAbsentFromLaterIndex()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D2));

        var before = await city.IndexAsync(D1);
        var after = await city.IndexAsync(D2);

        Assert.True(before.Contains(U(1011)));
        Assert.False(after.Contains(U(1011)));
        Assert.Equal(12, before.UnitCount);
        Assert.Equal(11, after.UnitCount);
        Assert.DoesNotContain(new NodeRef(NodeKind.Unit, 1011), after.Children(U(101)));
    }

    [Fact]
    public async Task AsOf_BeforeAnything_IndexIsEmpty()
    {
        await city.SeedLaiwuAsync();

        var index = await city.IndexAsync(D0.PlusDays(-1));

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Roots);
        Assert.False(index.Contains(U(1)));
    }
}
