using GridGovernance.Claims;
using GridGovernance.Organisation;

namespace GridGovernance.Tests.Claims;

/// <summary>
/// Claims work follows the successors of the units a restructure closes (issue 13): open projects on a closing unit's
/// list and its claims and agreements, open needs and open or claimed micro-wishes; work that cannot follow blocks the
/// change, which then changes nothing.
/// </summary>
public sealed class ClaimRestructureTest
{
    private static readonly OrgUnitId Community101 = new(101);
    private static readonly ProjectId P1 = new(1);
    private static readonly WishId W1 = new(1);
    private static readonly NeedId N5 = new(5);

    private static async Task SetUpAsync(ClaimsFixture f)
    {
        await f.RunAsync(s => s.RaiseNeedAsync(ClaimsFixture.Secretary, new Need(N5, ClaimsFixture.Community, "elderly-care", "独居老人助餐", ClaimMatcherTest.North(0), NeedUrgency.Urgent, "社区", ClaimsFixture.Today)));
        await f.DeliverAsync(1); // units 10 and 11 claimed and signed; in delivery
        await f.WishesAsync(s => s.AddAsync(ClaimsFixture.Secretary, new MicroWish(W1, ClaimsFixture.Community, "一台助听器", "张*", ClaimsFixture.Today)));
        await f.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(2), W1, ClaimsFixture.Today));
    }

    private static T Stored<T, TId>(ClaimsFixture f, TId id)
        where T : class, IAggregateRoot
        where TId : struct => f.Store.Find<T>(id) ?? throw new InvalidOperationException($"{id} is not stored.");

    [Fact]
    public async Task MergingTheCommunity_CarriesItsOpenProjectNeedAndWish_ToTheTarget()
    {
        using var f = new ClaimsFixture();
        await SetUpAsync(f);

        await f.OrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, [ClaimsFixture.Community], Community101, ClaimsFixture.Today));

        var project = Stored<ServiceProject, ProjectId>(f, P1);
        Assert.Equal((Community101, ProjectStatus.InDelivery), (project.Unit, project.Status));
        Assert.Equal([new OrgUnitId(10), new OrgUnitId(11)], project.Claims.Select(c => c.Unit)); // the claimants did not close
        Assert.Equal(Community101, Stored<Need, NeedId>(f, N5).Unit);
        var wish = Stored<MicroWish, WishId>(f, W1);
        Assert.Equal((Community101, WishStatus.Claimed, (MemberId?)new MemberId(2)), (wish.Unit, wish.Status, wish.Claimant));
    }

    [Fact]
    public async Task MergingAClaimant_PassesItsClaimAndAgreement_ToTheTarget()
    {
        using var f = new ClaimsFixture();
        await SetUpAsync(f);
        var before = Stored<ServiceProject, ProjectId>(f, P1);

        await f.OrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, [new OrgUnitId(10)], new OrgUnitId(12), ClaimsFixture.Today));

        var project = Stored<ServiceProject, ProjectId>(f, P1);
        Assert.Equal([new OrgUnitId(12), new OrgUnitId(11)], project.Claims.Select(c => c.Unit));
        Assert.Equal([new OrgUnitId(12), new OrgUnitId(11)], project.Agreements.Select(a => a.Unit));
        Assert.Equal(before.Agreements[0] with { Unit = new OrgUnitId(12) }, project.Agreements[0]); // the terms stay
        Assert.Equal((ClaimsFixture.Community, before.Version + 1), (project.Unit, project.Version));
    }

    [Fact]
    public async Task MergingOneClaimantIntoAnother_IsRefused_ListingTheProject_AndChangesNothing()
    {
        using var f = new ClaimsFixture();
        await SetUpAsync(f);
        var before = Stored<ServiceProject, ProjectId>(f, P1);
        var unit10 = Stored<OrgUnit, OrgUnitId>(f, new OrgUnitId(10));

        var e = await Assert.ThrowsAsync<RestructureBlockedException>(() =>
            f.OrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, [new OrgUnitId(10)], new OrgUnitId(11), ClaimsFixture.Today)));

        var blocker = Assert.Single(e.Blockers);
        Assert.Equal(("project:1", new OrgUnitId(10)), (blocker.Work, blocker.Unit));
        Assert.Equal(before.Version, Stored<ServiceProject, ProjectId>(f, P1).Version);
        Assert.Equal(unit10.Version, Stored<OrgUnit, OrgUnitId>(f, new OrgUnitId(10)).Version);
        Assert.False(Stored<OrgUnit, OrgUnitId>(f, new OrgUnitId(10)).IsClosed);
    }

    [Fact]
    public async Task ClosingAUnitWithAnOpenWishAndNeed_IsRefused_ListingBoth_AndChangesNothing()
    {
        using var f = new ClaimsFixture();
        var empty = new OrgUnitId(102);
        await f.OrganisationAsync(s => s.AddUnitAsync(TestActors.System, new UnitDraft(empty, UnitKind.Community, "新社区", new OrgUnitId(2)), ClaimsFixture.D0.PlusDays(1)));
        await f.OrganisationAsync(s => s.AssignRoleAsync(TestActors.System, new RoleDraft(new MemberId(1), RoleKind.Secretary, empty), ClaimsFixture.D0.PlusDays(1)));
        var secretary = GridGovernance.Authority.Actor.Post(new MemberId(1), RoleKind.Secretary, empty);
        await f.WishesAsync(s => s.AddAsync(secretary, new MicroWish(W1, empty, "书包", "李*", ClaimsFixture.Today)));
        await f.RunAsync(s => s.RaiseNeedAsync(secretary, new Need(N5, empty, "legal", "法律咨询", ClaimMatcherTest.North(0), NeedUrgency.Normal, "社区", ClaimsFixture.Today)));

        var e = await Assert.ThrowsAsync<RestructureBlockedException>(() => f.OrganisationAsync(s => s.CloseUnitAsync(TestActors.System, empty, ClaimsFixture.Today)));

        Assert.Equal(["need:5", "wish:1"], e.Blockers.Select(b => b.Work).Order(StringComparer.Ordinal));
        Assert.All(e.Blockers, b => Assert.Equal(empty, b.Unit));
        Assert.False(Stored<OrgUnit, OrgUnitId>(f, empty).IsClosed);
        Assert.Equal(empty, Stored<MicroWish, WishId>(f, W1).Unit);
    }

    [Fact]
    public async Task FinishedWork_StaysWhereItEnded()
    {
        using var f = new ClaimsFixture();
        await f.OpenProjectAsync(2);
        var failed = await f.RunAsync(s => s.FailAsync(ClaimsFixture.Secretary, new ProjectId(2), "无人认领"));

        await f.OrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, [ClaimsFixture.Community], Community101, ClaimsFixture.Today));

        var after = Stored<ServiceProject, ProjectId>(f, new ProjectId(2));
        Assert.Equal((ClaimsFixture.Community, failed.Version), (after.Unit, after.Version));
    }
}
