using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Scoring.Ledger;
using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderServiceFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>The 四单 loop through the service: authority, levels, whistles, escalation, points, reports and the board.</summary>
public sealed class WorkOrderServiceTest
{
    [Fact]
    public async Task File_HandsOutIdsInOrder_AndPlacesAHouseholdOrderInItsUnit()
    {
        using var f = new WorkOrderServiceFixture();
        var first = await f.RunAsync(s => s.FileAsync(Resident, Draft()));
        var second = await f.RunAsync(s => s.FileAsync(Resident, Draft() with { Unit = null, Household = new HouseholdId(5) }));
        Assert.Equal((1, 2), (first.Id.Value, second.Id.Value));
        Assert.Equal(new OrgUnitId(1100), second.Unit); // household 5 lives in grid 1100
        Assert.Equal(WorkOrderStatus.Filed, (await f.RunAsync(s => s.GetAsync(first.Id))).Status);
        var refused = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => f.RunAsync(s => s.FileAsync(Resident, Draft() with { Unit = null })));
        Assert.Equal("draft.Unit", Assert.Single(refused.Problems).Field);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => f.RunAsync(s => s.FileAsync(Resident, Draft() with { Unit = new OrgUnitId(4242) })));
    }

    [Fact]
    public async Task Triage_MakesTheUnitOfTheClassLevelResponsible()
    {
        using var f = new WorkOrderServiceFixture();
        var leak = await f.FileAndTriageAsync("leak"); // 难事 → community
        var parking = await f.FileAndTriageAsync("parking"); // 小事 → grid
        var critical = await f.RunAsync(s => s.FileAsync(Resident, Draft("fire-exit") with { Urgency = WorkOrderUrgency.Critical }));
        await f.RunAsync(s => s.TriageAsync(Secretary100, critical.Id));

        Assert.Equal(Community100, (await f.RunAsync(s => s.GetAsync(leak))).ResponsibleUnit);
        Assert.Equal(Grid1000, (await f.RunAsync(s => s.GetAsync(parking))).ResponsibleUnit);
        var c = await f.RunAsync(s => s.GetAsync(critical.Id));
        Assert.Equal((Street10, HandlingLevel.Street, "critical"), (c.ResponsibleUnit, c.Level, c.Class!.Code));
    }

    [Fact]
    public async Task File_StoresTheActorAsFiler()
    {
        using var f = new WorkOrderServiceFixture();
        var byResident = await f.RunAsync(s => s.FileAsync(Resident, Draft()));
        var byGridHead = await f.RunAsync(s => s.FileAsync(GridHead1000, Draft() with { Channel = WorkOrderChannel.GridWorkerReport }));
        Assert.Equal(("resident:wx:openid-17", "member:2"), (byResident.FiledBy.Value, byGridHead.FiledBy.Value));
        Assert.Equal(byResident.FiledBy, byResident.Audit[0].Actor);
        // A post is checked on the order's unit: the secretary of community 110 does not file for grid 1000.
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.FileAsync(Stranger110, Draft())));
        Assert.Equal("workorders.forbidden", refused.Code);
        Assert.Equal(2, (await f.RunAsync(s => s.ReportAsync())).Total);
    }

    [Fact]
    public async Task Claim_OnlyInAPostWithinJurisdiction_AndNothingIsWrittenWhenRefused()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.ClaimAsync(Stranger110, id)));
        Assert.Equal("workorders.forbidden", refused.Code);
        // A grid does not have its community's order in its jurisdiction.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.ClaimAsync(GridHead1000, id)));
        // A post the member does not hold, and an ordinary member acting "for the community" in person.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.ClaimAsync(Actor.Post(new MemberId(4), RoleKind.Secretary, Community100), id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.ClaimAsync(Actor.Member(new MemberId(1)), id)));
        var order = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal((WorkOrderStatus.Triaged, 2), (order.Status, order.Audit.Length));

        var claimed = await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        Assert.Equal(((MemberId?)new MemberId(2), (MemberId?)new MemberId(2)), (claimed.Handler, claimed.FirstResponder));
    }

    [Fact]
    public async Task Transfer_HandsTheOrderToAUnitInJurisdiction_WhoseCadresClaimItAgain()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        // The target must be within the actor's jurisdiction as well as the order.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.TransferAsync(Secretary100, id, Community110)));
        Assert.Equal(WorkOrderStatus.Claimed, (await f.RunAsync(s => s.GetAsync(id))).Status);
        var moved = await f.RunAsync(s => s.TransferAsync(Secretary100, id, Grid1000, "网格跟进"));
        Assert.Equal((WorkOrderStatus.Triaged, Grid1000, (MemberId?)null, (MemberId?)new MemberId(2)), (moved.Status, moved.ResponsibleUnit, moved.Handler, moved.FirstResponder));
        var reclaimed = await f.RunAsync(s => s.ClaimAsync(GridSecretary1000, id));
        Assert.Equal(((MemberId?)new MemberId(1), (MemberId?)new MemberId(2)), (reclaimed.Handler, reclaimed.FirstResponder));
    }

    [Fact]
    public async Task Rate_OnlyByTheFiler_NeverByAHandler()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        await f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:after"));
        var e = await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.RateAsync(Actor.Resident("someone"), id, true)));
        Assert.Equal("workorders.forbidden", e.Code);
        Assert.DoesNotContain("someone", e.Message);
        var rated = await f.RunAsync(s => s.RateAsync(Resident, id, false, "还在漏"));
        Assert.Equal((WorkOrderStatus.Reopened, 1), (rated.Status, rated.Reopens));

        // A grid head who reports an order (网格员上报) and handles it may not rate their own work.
        var own = await f.RunAsync(s => s.FileAsync(Actor.Member(new MemberId(2)), Draft("parking")));
        await f.RunAsync(s => s.TriageAsync(GridHead1000, own.Id));
        await f.RunAsync(s => s.ClaimAsync(GridHead1000, own.Id));
        await f.RunAsync(s => s.ResolveAsync(GridHead1000, own.Id, "photo:after"));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.RateAsync(Actor.Member(new MemberId(2)), own.Id, true)));
        Assert.Equal(WorkOrderStatus.Resolved, (await f.RunAsync(s => s.GetAsync(own.Id))).Status);
    }

    [Fact]
    public async Task Whistle_HuainanLeak_ThreeDepartmentsEachToItsOwnResolution()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        await f.RunAsync(s => s.SuperviseAsync(Secretary100, id, "要求饭店维修，店主拒绝"));
        // The community cannot solve it: it goes up to the street (三和镇 in the report), which blows the whistle.
        await f.RunAsync(s => s.EscalateAsync(Secretary100, id, "店主不愿维修"));
        // The community's secretary no longer has the street's order in their jurisdiction.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.WhistleAsync(Secretary100, id, [new("market-regulation")])));
        var whistled = await f.RunAsync(s => s.WhistleAsync(StreetCadre, id, [new("market-regulation"), new("city-management"), new("housing", 2)]));
        Assert.Equal(WorkOrderStatus.Whistled, whistled.Status);
        // Each department reports through an officer of its own; one that was not summoned may not.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.AcknowledgePartAsync(Actor.Officer("education", "e-1"), id)));
        foreach (var d in new[] { "market-regulation", "city-management", "housing" })
        {
            var acknowledged = await f.RunAsync(s => s.AcknowledgePartAsync(Actor.Officer(d, "officer-7"), id));
            Assert.Equal("department:" + d + "/officer-7", acknowledged.Audit[^1].Actor.Value);
        }
        await f.RunAsync(s => s.ResolvePartAsync(Actor.Officer("market-regulation", "officer-7"), id, "责令整改"));
        var open = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.ResolveAsync(StreetCadre, id, "photo")));
        Assert.Equal(ErrorCodes.WorkOrderPartsOpen, open.Code);
        await f.RunAsync(s => s.ResolvePartAsync(Actor.Officer("city-management", "officer-7"), id, "清理入户大厅"));
        await f.RunAsync(s => s.ResolvePartAsync(Actor.Officer("housing", "officer-7"), id, "更换排水管"));
        // The order is the street's now: the community's secretary, its first responder, may no longer resolve it.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:after")));
        var resolved = await f.RunAsync(s => s.ResolveAsync(StreetCadre, id, "photo:after"));
        Assert.Equal(WorkOrderStatus.Resolved, resolved.Status);
        Assert.All(resolved.Parts, p => Assert.Equal(DepartmentPartStatus.Resolved, p.Status));
    }

    [Fact]
    public async Task Whistle_NotFromAGrid()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync("parking");
        await f.RunAsync(s => s.ClaimAsync(GridHead1000, id));
        // A grid head may not whistle at all; a grid's secretary may by the table, but a grid does not blow the whistle.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.WhistleAsync(GridHead1000, id, [new("city-management")])));
        var e = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.WhistleAsync(GridSecretary1000, id, [new("city-management")])));
        Assert.Equal(ErrorCodes.WorkOrderOutsideJurisdiction, e.Code);
        Assert.Contains("community, district, street, town", e.Message);
    }

    [Fact]
    public async Task Overdue_IsRemindedThenEscalatedOneLevelUp_AndReported()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync("parking"); // 小事: grid 1000, 3 working days from Monday → end of Thursday
        await f.RunAsync(s => s.ClaimAsync(GridHead1000, id));
        Assert.Empty(await f.RunAsync(s => s.SendRemindersAsync(Scan)));

        f.Advance(Duration.FromDays(3)); // Thursday 10:00: the reminder is due
        Assert.Equal([id], (await f.RunAsync(s => s.SendRemindersAsync(Scan))).Select(o => o.Id));
        Assert.Empty(await f.RunAsync(s => s.SendRemindersAsync(Scan)));
        Assert.Equal("system:work-order-scan", (await f.RunAsync(s => s.GetAsync(id))).Audit[^1].Actor.Value);
        Assert.Empty(await f.RunAsync(s => s.EscalateOverdueAsync(Scan)));

        f.Advance(Duration.FromDays(1)); // Friday 10:00: overdue
        var report = await f.RunAsync(s => s.ReportAsync());
        Assert.Equal((1, 1), (report.Open, report.Overdue));
        Assert.Equal([(Street10, 1, 1), (Community100, 1, 1), (Grid1000, 1, 1)], report.ByUnit.Select(r => (r.Unit, r.Open, r.Overdue)));

        // The scan is the system's (or a post's in jurisdiction): a resident may not run it, and nothing moves.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.EscalateOverdueAsync(Resident)));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.EscalateOverdueAsync(Stranger110)));
        Assert.Equal(Grid1000, (await f.RunAsync(s => s.GetAsync(id))).ResponsibleUnit);
        var escalated = Assert.Single(await f.RunAsync(s => s.EscalateOverdueAsync(Scan)));
        Assert.Equal((Community100, HandlingLevel.Community, 1), (escalated.ResponsibleUnit, escalated.Level, escalated.Escalations));
        Assert.Equal((WorkOrderCommand.Escalate, "overdue"), (escalated.Audit[^1].Command, escalated.Audit[^1].Note));
        Assert.Empty(await f.RunAsync(s => s.EscalateOverdueAsync(Scan)));
        Assert.Equal(0, (await f.RunAsync(s => s.ReportAsync())).Overdue);
    }

    [Fact]
    public async Task Escalate_AtTheTop_IsRefused()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.EscalateAsync(Secretary100, id));
        await f.RunAsync(s => s.EscalateAsync(StreetCadre, id));
        var e = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.EscalateAsync(DistrictSecretary, id)));
        Assert.Equal(ErrorCodes.WorkOrderNoEscalationPath, e.Code);
        Assert.Equal(District, (await f.RunAsync(s => s.GetAsync(id))).ResponsibleUnit);
    }

    [Fact]
    public async Task Resolve_ByAMember_AwardsPointsOncePerOrder_WhenConfigured()
    {
        using var f = new WorkOrderServiceFixture(WorkOrderPolicy.Default with { PointsAward = new(LedgerFixture.Book, "themed-party-day") });
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        await f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:1"));
        await f.RunAsync(s => s.RateAsync(Resident, id, false));
        await f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:2"));
        var history = await f.RunLedgerAsync(l => l.HistoryAsync(new MemberId(2)));
        var entry = Assert.Single(history);
        Assert.Equal((LedgerSource.WorkOrder, "work-order:1", LedgerEntryStatus.Approved), (entry.Source, entry.IdempotencyKey, entry.Status));
    }

    [Fact]
    public async Task Resolve_WithoutAnAward_WritesNoLedgerEntry()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        await f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:1"));
        Assert.Empty(await f.RunLedgerAsync(l => l.HistoryAsync(new MemberId(2))));
    }

    [Fact]
    public async Task Board_IsMasked_AndCarriesNoFreeText()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        await f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:after 王小明 13812341234"));
        await f.RunAsync(s => s.RateAsync(Resident, id, true, "谢谢王书记"));
        await f.RunAsync(s => s.CloseAsync(Secretary100, id));
        await f.RunAsync(s => s.FileAsync(Resident, Draft("parking") with { FilerName = null, FilerPhone = null, Address = null }));

        var board = await f.RunAsync(s => s.BoardAsync(new LocalDate(2024, 6, 1), new LocalDate(2024, 6, 30)));
        Assert.Equal(2, board.Length);
        var e = board[0];
        Assert.Equal(("王*明", "138****1234", "西湖春天小区***", "grid-branch 1000"), (e.FiledBy, e.Phone, e.Place, e.UnitName));
        Assert.Equal((WorkOrderStatus.Closed, true, true), (e.Status, e.Satisfied, e.WithinLimit));
        string text = string.Join("|", board.Select(b => b.ToString()));
        Assert.DoesNotContain("王小明", text);
        Assert.DoesNotContain("13812341234", text);
        Assert.DoesNotContain("3号楼", text);
        Assert.DoesNotContain("漏水", text);
        Assert.Equal(("", "", ""), (board[1].FiledBy, board[1].Phone, board[1].Place));
        Assert.Empty(await f.RunAsync(s => s.BoardAsync(new LocalDate(2024, 7, 1), new LocalDate(2024, 7, 31))));
    }

    [Fact]
    public async Task Report_CountsTimeToCloseAndSatisfaction()
    {
        using var f = new WorkOrderServiceFixture();
        var a = await f.FileAndTriageAsync();
        var b = await f.FileAndTriageAsync();
        foreach (var (id, satisfied) in new[] { (a, true), (b, false) })
        {
            await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
            f.Advance(Duration.FromHours(5));
            await f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo"));
            await f.RunAsync(s => s.RateAsync(Resident, id, satisfied));
        }
        await f.RunAsync(s => s.CloseAsync(Secretary100, a));
        var report = await f.RunAsync(s => s.ReportAsync());
        Assert.Equal((2, 1, 1, 2, 1), (report.Total, report.Open, report.Closed, report.Rated, report.Satisfied));
        Assert.Equal(0.5, report.SatisfactionRate);
        Assert.Equal(Duration.FromHours(10), report.MedianTimeToClose);
    }

    [Fact]
    public async Task Deliberation_IsRecordedWithJurisdiction()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync("dispute");
        var record = new DeliberationRecord(new LocalDate(2024, 6, 8), 31, "景观桥改造方案经居民议事通过");
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.RecordDeliberationAsync(Stranger110, id, record)));
        var order = await f.RunAsync(s => s.RecordDeliberationAsync(Secretary100, id, record));
        Assert.Equal(record, Assert.Single(order.Deliberations));
    }

    [Fact]
    public async Task ConcurrentSupervisions_AreAllKept_ByRetryingFromAFreshLoad()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        // Each failed save means another writer's save succeeded, so eight writers need at most eight attempts.
        var writers = Enumerable.Range(1, 8).Select(i => Task.Run(() => f.RunAsync(s => s.SuperviseAsync(Secretary100, id, $"督办 {i}"))));
        await Task.WhenAll(writers);
        var order = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal(8, order.Audit.Count(a => a.Command == WorkOrderCommand.Supervise));
        Assert.Equal(Enumerable.Range(1, 10), order.Audit.Select(a => a.Sequence));
        Assert.Equal(10, order.Version); // one save each: file, triage and the eight supervisions
    }
}
