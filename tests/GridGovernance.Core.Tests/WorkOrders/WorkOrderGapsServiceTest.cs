using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderServiceFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// The workflow gaps of issue 13 through the public services and the authority policy, on units a restructure changed:
/// a 周末议事厅 deliberation on an order that stays Rated, and a department summoned again once its part is resolved.
/// </summary>
public sealed class WorkOrderGapsServiceTest
{
    private static readonly LocalDate Today = new(2024, 6, 3);
    private static readonly OrgUnitId Street11 = new(11), Community101 = new(101);
    private static readonly Actor Secretary11 = Actor.Post(new MemberId(4), RoleKind.Secretary, Street11);
    private static readonly Actor Housing = Actor.Officer("housing", "officer-7");
    private static readonly DeliberationRecord Hall = new(new LocalDate(2024, 6, 1), 23, "维修费由店主承担");

    [Fact]
    public async Task ARatedOrder_CarriedByAMerge_GetsItsDeliberation_FromAPostOverItsNewUnit_AndThenCloses()
    {
        using var f = new WorkOrderServiceFixture(WorkOrderPolicy.Default with { MaxReopens = 0 });
        var id = await f.FileAndTriageAsync("leak"); // 难事: community 100
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        await f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:1"));
        var rated = await f.RunAsync(s => s.RateAsync(Resident, id, satisfied: false, "还在漏"));
        Assert.Equal(WorkOrderStatus.Rated, rated.Status); // no reopen left: the dispute goes to the hall

        await f.RunOrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, [Community100], Community101, Today));
        var carried = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal((Community101, WorkOrderStatus.Rated, (MemberId?)null), (carried.ResponsibleUnit, carried.Status, carried.Handler));

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.RecordDeliberationAsync(Secretary100, id, Hall))); // post ended
        Assert.Equal("workorders.forbidden", refused.Code);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.RecordDeliberationAsync(Stranger110, id, Hall))); // another street
        Assert.Equal(carried.Version, (await f.RunAsync(s => s.GetAsync(id))).Version);

        var recorded = await f.RunAsync(s => s.RecordDeliberationAsync(StreetCadre, id, Hall));
        Assert.Equal((WorkOrderStatus.Rated, Hall), (recorded.Status, Assert.Single(recorded.Deliberations)));
        Assert.Equal((WorkOrderCommand.RecordDeliberation, (WorkOrderStatus?)WorkOrderStatus.Rated), (recorded.Audit[^1].Command, recorded.Audit[^1].From));
        var closed = await f.RunAsync(s => s.CloseAsync(StreetCadre, id, "议事厅协商解决"));
        Assert.Equal((WorkOrderStatus.Closed, (bool?)false), (closed.Status, closed.Satisfied));
    }

    [Fact]
    public async Task ADepartment_IsSummonedAgainOnceItsPartIsResolved_ByTheSuccessorOfAMergedStreet()
    {
        using var f = new WorkOrderServiceFixture();
        var order = await f.RunAsync(s => s.FileAsync(Resident, Draft("road-collapse") with { Urgency = WorkOrderUrgency.Critical }));
        await f.RunAsync(s => s.TriageAsync(Secretary100, order.Id)); // 急事: street 10
        await f.RunAsync(s => s.ClaimAsync(StreetCadre, order.Id));
        await f.RunAsync(s => s.WhistleAsync(StreetCadre, order.Id, [new DepartmentSummons("housing")]));

        var open = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.WhistleAsync(StreetCadre, order.Id, [new DepartmentSummons("housing")])));
        Assert.Equal(ErrorCodes.WorkOrderPartState, open.Code);
        await f.RunAsync(s => s.AcknowledgePartAsync(Housing, order.Id));
        await f.RunAsync(s => s.ResolvePartAsync(Housing, order.Id, "临时封堵"));

        await f.RunOrganisationAsync(async s =>
        {
            await s.AssignRoleAsync(TestActors.System, new RoleDraft(new MemberId(4), RoleKind.Secretary, Street11), Today);
            return await s.MergeUnitsAsync(TestActors.System, [Street10], Street11, Today);
        });
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.WhistleAsync(StreetCadre, order.Id, [new DepartmentSummons("housing")])));
        await Assert.ThrowsAnyAsync<GridGovernanceException>(() => f.RunAsync(s => s.WhistleAsync(GridHead1000, order.Id, [new DepartmentSummons("housing")])));

        var again = await f.RunAsync(s => s.WhistleAsync(Secretary11, order.Id, [new DepartmentSummons("housing")]));

        Assert.Equal(["housing", "housing"], again.Parts.Select(p => p.Department));
        Assert.Equal([DepartmentPartStatus.Resolved, DepartmentPartStatus.Summoned], again.Parts.Select(p => p.Status));
        var resolveOrder = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.ResolveAsync(Secretary11, order.Id, "photo:2")));
        Assert.Equal(ErrorCodes.WorkOrderPartsOpen, resolveOrder.Code);
        await f.RunAsync(s => s.AcknowledgePartAsync(Housing, order.Id));
        await f.RunAsync(s => s.ResolvePartAsync(Housing, order.Id, "彻底修复"));
        var resolved = await f.RunAsync(s => s.ResolveAsync(Secretary11, order.Id, "photo:2"));
        Assert.Equal(WorkOrderStatus.Resolved, resolved.Status);
        Assert.Equal("彻底修复", resolved.Parts[^1].Evidence);
    }
}
