using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Scoring.Ledger;
using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderServiceFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>The 四单 loop through the service: jurisdiction, levels, whistles, escalation, points, reports and the board.</summary>
public sealed class WorkOrderServiceTest
{
    [Fact]
    public async Task File_HandsOutIdsInOrder_AndPlacesAHouseholdOrderInItsUnit()
    {
        using var f = new WorkOrderServiceFixture();
        var first = await f.RunAsync(s => s.FileAsync(Draft()));
        var second = await f.RunAsync(s => s.FileAsync(Draft() with { Unit = null, Household = new HouseholdId(5) }));
        Assert.Equal((1, 2), (first.Id.Value, second.Id.Value));
        Assert.Equal(new OrgUnitId(1100), second.Unit); // household 5 lives in grid 1100
        Assert.Equal(WorkOrderStatus.Filed, (await f.RunAsync(s => s.GetAsync(first.Id))).Status);
        await Assert.ThrowsAsync<ArgumentException>(() => f.RunAsync(s => s.FileAsync(Draft() with { Unit = null })));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => f.RunAsync(s => s.FileAsync(Draft() with { Unit = new OrgUnitId(4242) })));
    }

    [Fact]
    public async Task Triage_MakesTheUnitOfTheClassLevelResponsible()
    {
        using var f = new WorkOrderServiceFixture();
        var leak = await f.FileAndTriageAsync("leak"); // 难事 → community
        var parking = await f.FileAndTriageAsync("parking"); // 小事 → grid
        var critical = await f.RunAsync(s => s.FileAsync(Draft("fire-exit") with { Urgency = WorkOrderUrgency.Critical }));
        await f.RunAsync(s => s.TriageAsync(critical.Id, Secretary100));

        Assert.Equal(Community100, (await f.RunAsync(s => s.GetAsync(leak))).ResponsibleUnit);
        Assert.Equal(Grid1000, (await f.RunAsync(s => s.GetAsync(parking))).ResponsibleUnit);
        var c = await f.RunAsync(s => s.GetAsync(critical.Id));
        Assert.Equal((Street10, HandlingLevel.Street, "critical"), (c.ResponsibleUnit, c.Level, c.Class!.Code));
    }

    [Fact]
    public async Task Claim_OnlyWithinJurisdiction_AndNothingIsWrittenWhenRefused()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        var refused = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.ClaimAsync(id, Stranger110)));
        Assert.Equal(ErrorCodes.WorkOrderOutsideJurisdiction, refused.Code);
        // A grid does not have its community's order in its jurisdiction.
        Assert.Equal(ErrorCodes.WorkOrderOutsideJurisdiction, (await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.ClaimAsync(id, GridHead1000)))).Code);
        // A member acting for a unit they do not belong under.
        var outsider = new WorkOrderOfficial(new MemberId(4), Community100);
        Assert.Equal(ErrorCodes.WorkOrderOutsideJurisdiction, (await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.ClaimAsync(id, outsider)))).Code);
        var order = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal((WorkOrderStatus.Triaged, 2), (order.Status, order.Audit.Length));

        var claimed = await f.RunAsync(s => s.ClaimAsync(id, Secretary100));
        Assert.Equal((Secretary100, Secretary100), (claimed.Handler, claimed.FirstResponder));
    }

    [Fact]
    public async Task Transfer_KeepsTheFirstResponder_AndNeedsJurisdictionForTheNewHandler()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(id, Secretary100));
        await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.TransferAsync(id, Secretary100, Stranger110)));
        var moved = await f.RunAsync(s => s.TransferAsync(id, Secretary100, Member1000, "楼栋长跟进"));
        Assert.Equal((Member1000, Secretary100), (moved.Handler, moved.FirstResponder));
    }

    [Fact]
    public async Task Rate_OnlyByTheFiler()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(id, Secretary100));
        await f.RunAsync(s => s.ResolveAsync(id, Secretary100, "photo:after"));
        var e = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.RateAsync(id, WorkOrderActor.ForResident("someone"), true)));
        Assert.Equal(ErrorCodes.WorkOrderNotFiler, e.Code);
        var rated = await f.RunAsync(s => s.RateAsync(id, Resident, false, "还在漏"));
        Assert.Equal((WorkOrderStatus.Reopened, 1), (rated.Status, rated.Reopens));
    }

    [Fact]
    public async Task Whistle_HuainanLeak_ThreeDepartmentsEachToItsOwnResolution()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(id, Secretary100));
        await f.RunAsync(s => s.SuperviseAsync(id, Secretary100, "要求饭店维修，店主拒绝"));
        // The community cannot solve it: it goes up to the street (三和镇 in the report), which blows the whistle.
        await f.RunAsync(s => s.EscalateAsync(id, Secretary100, "店主不愿维修"));
        await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.WhistleAsync(id, Secretary100, [new("market-regulation")])));
        var whistled = await f.RunAsync(s => s.WhistleAsync(id, StreetCadre, [new("market-regulation"), new("city-management"), new("housing", 2)]));
        Assert.Equal(WorkOrderStatus.Whistled, whistled.Status);
        foreach (var d in new[] { "market-regulation", "city-management", "housing" })
        {
            await f.RunAsync(s => s.AcknowledgePartAsync(id, d));
        }
        await f.RunAsync(s => s.ResolvePartAsync(id, "market-regulation", "责令整改"));
        await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.ResolveAsync(id, StreetCadre, "photo")));
        await f.RunAsync(s => s.ResolvePartAsync(id, "city-management", "清理入户大厅"));
        await f.RunAsync(s => s.ResolvePartAsync(id, "housing", "更换排水管"));
        var resolved = await f.RunAsync(s => s.ResolveAsync(id, Secretary100, "photo:after"));
        Assert.Equal(WorkOrderStatus.Resolved, resolved.Status);
        Assert.All(resolved.Parts, p => Assert.Equal(DepartmentPartStatus.Resolved, p.Status));
    }

    [Fact]
    public async Task Whistle_NotFromAGrid()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync("parking");
        await f.RunAsync(s => s.ClaimAsync(id, GridHead1000));
        var e = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.WhistleAsync(id, GridHead1000, [new("city-management")])));
        Assert.Equal(ErrorCodes.WorkOrderOutsideJurisdiction, e.Code);
        Assert.Contains("community, street or district", e.Message);
    }

    [Fact]
    public async Task Overdue_IsRemindedThenEscalatedOneLevelUp_AndReported()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync("parking"); // 小事: grid 1000, 3 working days from Monday → end of Thursday
        await f.RunAsync(s => s.ClaimAsync(id, GridHead1000));
        Assert.Empty(await f.RunAsync(s => s.SendRemindersAsync()));

        f.Advance(Duration.FromDays(3)); // Thursday 10:00: the reminder is due
        Assert.Equal([id], (await f.RunAsync(s => s.SendRemindersAsync())).Select(o => o.Id));
        Assert.Empty(await f.RunAsync(s => s.SendRemindersAsync()));
        Assert.Empty(await f.RunAsync(s => s.EscalateOverdueAsync()));

        f.Advance(Duration.FromDays(1)); // Friday 10:00: overdue
        var report = await f.RunAsync(s => s.ReportAsync());
        Assert.Equal((1, 1), (report.Open, report.Overdue));
        Assert.Equal([(Street10, 1, 1), (Community100, 1, 1), (Grid1000, 1, 1)], report.ByUnit.Select(r => (r.Unit, r.Open, r.Overdue)));

        var escalated = Assert.Single(await f.RunAsync(s => s.EscalateOverdueAsync()));
        Assert.Equal((Community100, HandlingLevel.Community, 1), (escalated.ResponsibleUnit, escalated.Level, escalated.Escalations));
        Assert.Equal((WorkOrderCommand.Escalate, "overdue"), (escalated.Audit[^1].Command, escalated.Audit[^1].Note));
        Assert.Empty(await f.RunAsync(s => s.EscalateOverdueAsync()));
        Assert.Equal(0, (await f.RunAsync(s => s.ReportAsync())).Overdue);
    }

    [Fact]
    public async Task Escalate_AtTheTop_IsRefused()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        var district = new WorkOrderOfficial(new MemberId(2), District);
        await f.RunAsync(s => s.EscalateAsync(id, Secretary100));
        await f.RunAsync(s => s.EscalateAsync(id, StreetCadre));
        var e = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.EscalateAsync(id, district)));
        Assert.Equal(ErrorCodes.WorkOrderNoEscalationPath, e.Code);
        Assert.Equal(District, (await f.RunAsync(s => s.GetAsync(id))).ResponsibleUnit);
    }

    [Fact]
    public async Task Resolve_ByAMember_AwardsPointsOncePerOrder_WhenConfigured()
    {
        using var f = new WorkOrderServiceFixture(WorkOrderPolicy.Default with { PointsAward = new(LedgerFixture.Book, "themed-party-day") });
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(id, Secretary100));
        await f.RunAsync(s => s.ResolveAsync(id, Secretary100, "photo:1"));
        await f.RunAsync(s => s.RateAsync(id, Resident, false));
        await f.RunAsync(s => s.ResolveAsync(id, Secretary100, "photo:2"));
        var history = await f.RunLedgerAsync(l => l.HistoryAsync(new MemberId(2)));
        var entry = Assert.Single(history);
        Assert.Equal((LedgerSource.WorkOrder, "work-order:1", LedgerEntryStatus.Approved), (entry.Source, entry.IdempotencyKey, entry.Status));
    }

    [Fact]
    public async Task Resolve_WithoutAnAward_WritesNoLedgerEntry()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(id, Secretary100));
        await f.RunAsync(s => s.ResolveAsync(id, Secretary100, "photo:1"));
        Assert.Empty(await f.RunLedgerAsync(l => l.HistoryAsync(new MemberId(2))));
    }

    [Fact]
    public async Task Board_IsMasked_AndCarriesNoFreeText()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(id, Secretary100));
        await f.RunAsync(s => s.ResolveAsync(id, Secretary100, "photo:after 王小明 13812341234"));
        await f.RunAsync(s => s.RateAsync(id, Resident, true, "谢谢王书记"));
        await f.RunAsync(s => s.CloseAsync(id, Secretary100));
        await f.RunAsync(s => s.FileAsync(Draft("parking") with { FilerName = null, FilerPhone = null, Address = null }));

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
            await f.RunAsync(s => s.ClaimAsync(id, Secretary100));
            f.Advance(Duration.FromHours(5));
            await f.RunAsync(s => s.ResolveAsync(id, Secretary100, "photo"));
            await f.RunAsync(s => s.RateAsync(id, Resident, satisfied));
        }
        await f.RunAsync(s => s.CloseAsync(a, Secretary100));
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
        await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.RecordDeliberationAsync(id, Stranger110, record)));
        var order = await f.RunAsync(s => s.RecordDeliberationAsync(id, Secretary100, record));
        Assert.Equal(record, Assert.Single(order.Deliberations));
    }

    [Fact]
    public async Task ConcurrentSupervisions_AreAllKept_ByRetryingFromAFreshLoad()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        // Each failed save means another writer's save succeeded, so eight writers need at most eight attempts.
        var writers = Enumerable.Range(1, 8).Select(i => Task.Run(() => f.RunAsync(s => s.SuperviseAsync(id, Secretary100, $"督办 {i}"))));
        await Task.WhenAll(writers);
        var order = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal(8, order.Audit.Count(a => a.Command == WorkOrderCommand.Supervise));
        Assert.Equal(Enumerable.Range(1, 10), order.Audit.Select(a => a.Sequence));
        Assert.Equal(10, order.Version); // one save each: file, triage and the eight supervisions
    }
}
