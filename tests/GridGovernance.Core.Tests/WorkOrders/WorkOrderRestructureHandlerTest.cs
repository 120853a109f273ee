using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderServiceFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// Handlers a restructure leaves without a post (issue 13): a whistled or reopened order's handler is released in its
/// state (<see cref="WorkOrderCommand.ReleaseHandler"/>), and a handler whose own post closed is released even where the
/// order's units stay.
/// </summary>
public sealed class WorkOrderRestructureHandlerTest
{
    private static readonly LocalDate Today = new(2024, 6, 3);
    private static readonly OrgUnitId Street11 = new(11), Community101 = new(101), Grid1100 = new(1100);
    private static readonly Actor Secretary11 = Actor.Post(new MemberId(4), RoleKind.Secretary, Street11);

    private static Task MergeStreetsAsync(WorkOrderServiceFixture f) =>
        f.RunOrganisationAsync(async s =>
        {
            await s.AssignRoleAsync(TestActors.System, new RoleDraft(new MemberId(4), RoleKind.Secretary, Street11), Today);
            return await s.MergeUnitsAsync(TestActors.System, [Street10], Street11, Today);
        });

    private static async Task<WorkOrderId> ClaimedStreetOrderAsync(WorkOrderServiceFixture f)
    {
        var order = await f.RunAsync(s => s.FileAsync(Resident, Draft("road-collapse") with { Urgency = WorkOrderUrgency.Critical }));
        await f.RunAsync(s => s.TriageAsync(Secretary100, order.Id));
        await f.RunAsync(s => s.ClaimAsync(StreetCadre, order.Id));
        return order.Id;
    }

    [Fact]
    public async Task Merge_ReleasesTheHandlerOfAWhistledOrder_WhichStaysWhistledAtTheSuccessor()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await ClaimedStreetOrderAsync(f);
        await f.RunAsync(s => s.WhistleAsync(StreetCadre, id, [new DepartmentSummons("housing")]));

        await MergeStreetsAsync(f);

        var carried = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal((WorkOrderStatus.Whistled, (MemberId?)null, (MemberId?)new MemberId(3), Street11),
            (carried.Status, carried.Handler, carried.FirstResponder, carried.ResponsibleUnit));
        Assert.Equal([WorkOrderCommand.FollowSuccessor, WorkOrderCommand.ReleaseHandler], carried.Audit.TakeLast(2).Select(r => r.Command));
        Assert.Equal(TestActors.System.AuditName, carried.Audit[^1].Actor.Value);
        Assert.Contains("member:3", carried.Audit[^1].Note, StringComparison.Ordinal);

        // The successor's cadres carry it on; the released handler cannot.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.SuperviseAsync(StreetCadre, id, "进度?")));
        await f.RunAsync(s => s.SuperviseAsync(Secretary11, id, "进度?"));
        await f.RunAsync(s => s.AcknowledgePartAsync(Actor.Officer("housing", "officer-1"), id));
        await f.RunAsync(s => s.ResolvePartAsync(Actor.Officer("housing", "officer-1"), id, "repaired"));
        var resolved = await f.RunAsync(s => s.ResolveAsync(Secretary11, id, "photo:1"));
        Assert.Equal(WorkOrderStatus.Resolved, resolved.Status);
    }

    [Fact]
    public async Task Merge_ReleasesTheHandlerOfAReopenedOrder_AndTheSuccessorsCadreClaimsItAgain()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await ClaimedStreetOrderAsync(f);
        await f.RunAsync(s => s.ResolveAsync(StreetCadre, id, "photo:1"));
        var reopened = await f.RunAsync(s => s.RateAsync(Resident, id, satisfied: false));
        Assert.Equal((WorkOrderStatus.Reopened, (MemberId?)new MemberId(3)), (reopened.Status, reopened.Handler));

        await MergeStreetsAsync(f);

        var carried = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal((WorkOrderStatus.Reopened, (MemberId?)null, Street11), (carried.Status, carried.Handler, carried.ResponsibleUnit));
        Assert.Equal(WorkOrderCommand.ReleaseHandler, carried.Audit[^1].Command);
        var claimed = await f.RunAsync(s => s.ClaimAsync(Secretary11, id));
        Assert.Equal(((MemberId?)new MemberId(4), (MemberId?)new MemberId(3)), (claimed.Handler, claimed.FirstResponder));
    }

    [Fact]
    public async Task Merge_KeepsTheHandlerOfAWhistledOrder_WhosePostStillCoversTheSuccessor()
    {
        using var f = new WorkOrderServiceFixture();
        var order = await f.RunAsync(s => s.FileAsync(Resident, Draft("road-collapse") with { Urgency = WorkOrderUrgency.Critical }));
        await f.RunAsync(s => s.TriageAsync(Secretary100, order.Id));
        await f.RunAsync(s => s.ClaimAsync(DistrictSecretary, order.Id));
        await f.RunAsync(s => s.WhistleAsync(DistrictSecretary, order.Id, [new DepartmentSummons("housing")]));

        await MergeStreetsAsync(f);

        var carried = await f.RunAsync(s => s.GetAsync(order.Id));
        Assert.Equal(((MemberId?)new MemberId(5), WorkOrderCommand.FollowSuccessor), (carried.Handler, carried.Audit[^1].Command));
    }

    [Fact]
    public async Task Merge_ThatClosesOnlyTheHandlersOwnUnit_HandsTheOrderBackToItsResponsibleUnit()
    {
        using var f = new WorkOrderServiceFixture();
        var order = await f.RunAsync(s => s.FileAsync(Resident, Draft("parking", Grid1100))); // 小事: the grid is responsible
        await f.RunAsync(s => s.TriageAsync(Stranger110, order.Id));
        await f.RunAsync(s => s.ClaimAsync(Stranger110, order.Id)); // M4, secretary of community 110
        var before = await f.RunAsync(s => s.GetAsync(order.Id));
        Assert.Equal(Grid1100, before.ResponsibleUnit);

        await f.RunOrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, [Community110], Community101, Today));

        var after = await f.RunAsync(s => s.GetAsync(order.Id));
        Assert.Equal((WorkOrderStatus.Triaged, (MemberId?)null, Grid1100, Grid1100), (after.Status, after.Handler, after.Unit, after.ResponsibleUnit));
        Assert.Equal(WorkOrderCommand.Transfer, after.Audit[^1].Command); // no FollowSuccessor: its units did not close
        Assert.Equal(before.Audit.Length + 1, after.Audit.Length);
    }
}
