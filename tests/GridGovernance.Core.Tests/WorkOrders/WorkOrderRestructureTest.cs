using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderServiceFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// Orders follow the successors of the units a merge, split or close closes (issue 13): they can still be claimed,
/// escalated and closed by the successor's posts, and reports count them there.
/// </summary>
public sealed class WorkOrderRestructureTest
{
    private static readonly LocalDate Today = new(2024, 6, 3); // the fixture clock's day in Shanghai
    private static readonly OrgUnitId Street11 = new(11), Community101 = new(101), Grid1001 = new(1001), Grid1011 = new(1011);
    private static readonly Actor Secretary11 = Actor.Post(new MemberId(4), RoleKind.Secretary, Street11);

    private static WorkOrderDraft Critical(OrgUnitId? unit = null) => Draft("road-collapse", unit) with { Urgency = WorkOrderUrgency.Critical };

    private static async Task<WorkOrderId> FileAndTriageAsync(WorkOrderServiceFixture f, WorkOrderDraft draft, Actor triager)
    {
        var order = await f.RunAsync(s => s.FileAsync(Resident, draft));
        await f.RunAsync(s => s.TriageAsync(triager, order.Id));
        return order.Id;
    }

    private static Task MergeStreetsAsync(WorkOrderServiceFixture f) =>
        f.RunOrganisationAsync(async s =>
        {
            await s.AssignRoleAsync(TestActors.System, new RoleDraft(new MemberId(4), RoleKind.Secretary, Street11), Today);
            return await s.MergeUnitsAsync(TestActors.System, [Street10], Street11, Today);
        });

    [Fact]
    public async Task Merge_CarriesAStreetOrder_WhichTheTargetsPostsClaimEscalateAndClose_AndTheReportCountsThere()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await FileAndTriageAsync(f, Critical(), Secretary100);
        Assert.Equal(Street10, (await f.RunAsync(s => s.GetAsync(id))).ResponsibleUnit);

        await MergeStreetsAsync(f);

        var carried = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal((Street11, Grid1000, WorkOrderStatus.Triaged), (carried.ResponsibleUnit, carried.Unit, carried.Status));
        var record = carried.Audit[^1];
        Assert.Equal((WorkOrderCommand.FollowSuccessor, (WorkOrderStatus?)WorkOrderStatus.Triaged, WorkOrderStatus.Triaged, TestActors.System.AuditName),
            (record.Command, record.From, record.To, record.Actor.Value));

        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.ClaimAsync(StreetCadre, id))); // street 10's post ended
        Assert.Equal("workorders.forbidden", forbidden.Code);
        await f.RunAsync(s => s.ClaimAsync(Secretary11, id));

        var report = await f.RunAsync(s => s.ReportAsync());
        Assert.Equal(1, Assert.Single(report.ByUnit, c => c.Unit == Street11).Open);
        Assert.DoesNotContain(report.ByUnit, c => c.Unit == Street10);

        var escalated = await f.RunAsync(s => s.EscalateAsync(Secretary11, id));
        Assert.Equal(District, escalated.ResponsibleUnit);
        await f.RunAsync(s => s.ResolveAsync(DistrictSecretary, id, "photo:1"));
        var closed = await f.RunAsync(s => s.CloseAsync(DistrictSecretary, id));
        Assert.Equal(WorkOrderStatus.Closed, closed.Status);
    }

    [Fact]
    public async Task Merge_ReleasesAHandlerWithNoPostOverTheSuccessor_AndKeepsTheFirstResponder()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await FileAndTriageAsync(f, Critical(), Secretary100);
        await f.RunAsync(s => s.ClaimAsync(StreetCadre, id));

        await MergeStreetsAsync(f);

        var carried = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal((WorkOrderStatus.Triaged, (MemberId?)null, (MemberId?)new MemberId(3)), (carried.Status, carried.Handler, carried.FirstResponder));
        Assert.Equal([WorkOrderCommand.FollowSuccessor, WorkOrderCommand.Transfer], carried.Audit.TakeLast(2).Select(r => r.Command));
        Assert.Equal(Street11, carried.ResponsibleUnit);
        await f.RunAsync(s => s.ClaimAsync(Secretary11, id));
    }

    [Fact]
    public async Task Merge_KeepsAHandlerWhosePostStillCoversTheSuccessor()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await FileAndTriageAsync(f, Critical(), Secretary100);
        await f.RunAsync(s => s.ClaimAsync(DistrictSecretary, id)); // the district is above both streets

        await MergeStreetsAsync(f);

        var carried = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal((WorkOrderStatus.Claimed, (MemberId?)new MemberId(5), Street11), (carried.Status, carried.Handler, carried.ResponsibleUnit));
        Assert.Equal(WorkOrderCommand.FollowSuccessor, carried.Audit[^1].Command);
    }

    [Fact]
    public async Task Merge_LeavesOrdersElsewhere_AndClosedOrders_Untouched()
    {
        using var f = new WorkOrderServiceFixture();
        var elsewhere = await FileAndTriageAsync(f, Draft("leak", new OrgUnitId(1100)), Stranger110); // street 11's own community
        var done = await FileAndTriageAsync(f, Critical(), Secretary100);
        await f.RunAsync(s => s.ClaimAsync(StreetCadre, done));
        await f.RunAsync(s => s.ResolveAsync(StreetCadre, done, "photo:1"));
        await f.RunAsync(s => s.CloseAsync(StreetCadre, done));
        var before = (await f.RunAsync(s => s.GetAsync(elsewhere))).Version;
        var closedBefore = await f.RunAsync(s => s.GetAsync(done));

        await MergeStreetsAsync(f);

        Assert.Equal(before, (await f.RunAsync(s => s.GetAsync(elsewhere))).Version);
        var closedAfter = await f.RunAsync(s => s.GetAsync(done));
        Assert.Equal((closedBefore.Version, Street10), (closedAfter.Version, closedAfter.ResponsibleUnit)); // history stays as it was
    }

    [Fact]
    public async Task Split_SendsEachOrderToThePartThatTookItsPlace_OrToTheNamedPart_OrToTheFirstPart()
    {
        using var f = new WorkOrderServiceFixture();
        var atHousehold4 = await FileAndTriageAsync(f, Draft("leak") with { Unit = null, Household = new HouseholdId(4) }, Secretary100); // grid 1001
        var atGrid1000 = await FileAndTriageAsync(f, Draft("leak"), Secretary100);
        var atCommunity = await FileAndTriageAsync(f, Draft("leak", Community100), Secretary100);
        var named = await FileAndTriageAsync(f, Draft("leak", Community100), Secretary100);
        OrgUnitId west = new(120), east = new(121);

        var result = await f.RunOrganisationAsync(s => s.SplitUnitAsync(TestActors.System, Community100,
        [
            new SplitPart(new UnitDraft(west, UnitKind.Community, "西关一社区", Street10), [Grid1000]),
            new SplitPart(new UnitDraft(east, UnitKind.Community, "西关二社区", Street10), [Grid1001]) { Work = [named.ToString(), "stationed-unit:1"] },
        ], Today));

        Assert.Equal([west, east], result.Created);
        async Task<(OrgUnitId Unit, OrgUnitId Responsible)> Where(WorkOrderId id)
        {
            var o = await f.RunAsync(s => s.GetAsync(id));
            return (o.Unit, o.ResponsibleUnit);
        }
        Assert.Equal((Grid1001, east), await Where(atHousehold4)); // the part that took grid 1001
        Assert.Equal((Grid1000, west), await Where(atGrid1000));
        Assert.Equal((west, west), await Where(atCommunity)); // bound to the split unit itself: the first part
        Assert.Equal((east, east), await Where(named)); // the split request's explicit mapping
        var hospital = await f.ResolveAsync<GridGovernance.Persistence.IReadRepository<StationedUnit>, StationedUnit?>(r => r.GetByIdAsync(new StationedUnitId(1)));
        Assert.NotNull(hospital);
        Assert.Equal(east, hospital.CommunityId);
        Assert.Equal(Community100, hospital.Communities.Segments[0].Value);
    }

    [Fact]
    public async Task Close_WithAnOpenOrder_IsRefusedListingIt_AndChangesNothing_UntilTheOrderIsClosed()
    {
        using var f = new WorkOrderServiceFixture();
        var order = await f.RunAsync(s => s.FileAsync(Resident, Draft("leak", Grid1011)));
        var before = await f.FingerprintAsync();

        var e = await Assert.ThrowsAsync<RestructureBlockedException>(() => f.RunOrganisationAsync(s => s.CloseUnitAsync(TestActors.System, Grid1011, Today)));

        Assert.Equal(ErrorCodes.RestructureBlocked, e.Code);
        var blocker = Assert.Single(e.Blockers);
        Assert.Equal((order.Id.ToString(), Grid1011), (blocker.Work, blocker.Unit));
        Assert.Contains(order.Id.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await f.FingerprintAsync());

        await f.RunAsync(s => s.CloseAsync(StreetCadre, order.Id));
        var closed = await f.RunOrganisationAsync(s => s.CloseUnitAsync(TestActors.System, Grid1011, Today));
        Assert.True(closed.IsClosed);
    }

    [Fact]
    public async Task Merge_ThatFailsInALaterParticipant_LeavesEverythingAsItWas()
    {
        using var f = new WorkOrderServiceFixture(configure: s => s.TryAddEnumerable(ServiceDescriptor.Scoped<IRestructureParticipant, FailingParticipant>()));
        var id = await FileAndTriageAsync(f, Critical(), Secretary100);
        await f.RunOrganisationAsync(s => s.AssignRoleAsync(TestActors.System, new RoleDraft(new MemberId(4), RoleKind.Secretary, Street11), Today));
        var before = await f.FingerprintAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => f.RunOrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, [Street10], Street11, Today)));

        Assert.Equal(before, await f.FingerprintAsync());
        Assert.Equal(Street10, (await f.RunAsync(s => s.GetAsync(id))).ResponsibleUnit);
    }

    [Fact]
    public async Task EscalationPath_FromAClosedUnit_FollowsItsSuccessor_OrItsLastParent()
    {
        using var f = new WorkOrderServiceFixture();
        await MergeStreetsAsync(f);
        await f.RunOrganisationAsync(s => s.CloseUnitAsync(TestActors.System, Grid1011, Today));

        Assert.Equal(District, await f.ResolveAsync<IEscalationPath, OrgUnitId?>(p => p.NextAsync(Street10, Today))); // street 11's parent
        Assert.Equal(District, await f.ResolveAsync<IEscalationPath, OrgUnitId?>(p => p.NextAsync(Street10, Today.PlusDays(-1)))); // open then
        Assert.Equal(Community101, await f.ResolveAsync<IEscalationPath, OrgUnitId?>(p => p.NextAsync(Grid1011, Today))); // no successor: its last parent
        Assert.Null(await f.ResolveAsync<IEscalationPath, OrgUnitId?>(p => p.NextAsync(District, Today))); // the top
    }

    private sealed class FailingParticipant : IRestructureParticipant
    {
        public Task<IReadOnlyList<RestructureBlocker>> CarryAsync(RestructureChange change, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The store went away.");
    }
}
