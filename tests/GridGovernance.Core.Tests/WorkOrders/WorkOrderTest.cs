using GridGovernance.Tests.Algorithms;
using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>The work order's transition table and rules, checked on the aggregate itself.</summary>
public sealed partial class WorkOrderTest
{
    private static readonly Instant Later = Start + Duration.FromDays(1);

    public static TheoryData<WorkOrderStatus, WorkOrderCommand> AllPairs() =>
        StatePairs.All<WorkOrderStatus, WorkOrderCommand>(c => c is not WorkOrderCommand.File and not WorkOrderCommand.Reopen);

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Command_FollowsTheTable_AndOtherwiseThrowsNamingFromToAndActor(WorkOrderStatus from, WorkOrderCommand command)
    {
        var order = InState(from);
        if (from == WorkOrderStatus.Whistled && command is WorkOrderCommand.ResolvePart or WorkOrderCommand.Resolve)
        {
            // The part must have reported (and, to resolve the order, be done): rules other than the table.
            Run(order, WorkOrderCommand.AcknowledgePart, Later);
            if (command == WorkOrderCommand.Resolve)
            {
                Run(order, WorkOrderCommand.ResolvePart, Later);
            }
            order.ClearDomainEvents();
        }
        int records = order.Audit.Length;
        var at = Later + Duration.FromDays(30);
        var expected = WorkOrderWorkflow.Next(from, command);
        var statusBefore = order.Status;

        // A second whistle summons another department.
        string department = command == WorkOrderCommand.Whistle && from == WorkOrderStatus.Whistled ? "police" : "housing";

        if (expected is WorkOrderStatus to)
        {
            Run(order, command, at, department: department);
            Assert.Equal(to, order.Status);
            Assert.Equal(records + 1, order.Audit.Length);
            var record = order.Audit[^1];
            Assert.Equal((command, (WorkOrderStatus?)statusBefore, to, at), (record.Command, record.From, record.To, record.At));
            Assert.Single(order.DomainEvents);
        }
        else
        {
            var e = Assert.Throws<IllegalTransitionException>(() => Run(order, command, at));
            Assert.Equal(ErrorCodes.WorkOrderIllegalTransition, e.Code);
            Assert.Equal((statusBefore.ToString(), command.ToString(), order.Id), (e.From, e.Command, e.AggregateId));
            Assert.Equal(WorkOrderWorkflow.IntendedTarget(statusBefore, command).ToString(), e.To);
            Assert.Equal(WorkOrderWorkflow.From(statusBefore).Select(t => $"{t.Command} → {t.To}"), e.Allowed);
            Assert.Contains($"from {statusBefore} to {e.To}", e.Message);
            Assert.Contains(e.Actor!, e.Message);
            Assert.Contains("workorder:5", e.Message);
            Assert.Equal(statusBefore, order.Status);
            Assert.Equal(records, order.Audit.Length);
            Assert.Empty(order.DomainEvents);
        }
    }

    [Fact]
    public void Table_ClosedIsFinal_AndEveryOpenStateCanBeSupervisedAndEscalated()
    {
        Assert.Empty(WorkOrderWorkflow.From(WorkOrderStatus.Closed));
        foreach (var s in Enum.GetValues<WorkOrderStatus>().Where(s => s is WorkOrderStatus.Triaged or WorkOrderStatus.Claimed or WorkOrderStatus.Whistled or WorkOrderStatus.Reopened))
        {
            Assert.True(WorkOrderWorkflow.Allows(s, WorkOrderCommand.Supervise));
            Assert.True(WorkOrderWorkflow.Allows(s, WorkOrderCommand.Escalate));
        }
        Assert.Equal(WorkOrderWorkflow.Transitions.Length, WorkOrderWorkflow.Transitions.Distinct().Count());
        Assert.Equal(WorkOrderStatus.Claimed, WorkOrderWorkflow.IntendedTarget(WorkOrderStatus.Closed, WorkOrderCommand.Claim));
        Assert.Equal(WorkOrderStatus.Closed, WorkOrderWorkflow.IntendedTarget(WorkOrderStatus.Closed, WorkOrderCommand.Supervise));
    }

    [Fact]
    public void File_RecordsTheFilingAndAnEvent()
    {
        var order = NewOrder();
        Assert.Equal(WorkOrderStatus.Filed, order.Status);
        var record = Assert.Single(order.Audit);
        Assert.Equal((1, WorkOrderCommand.File, (WorkOrderStatus?)null, Resident), (record.Sequence, record.Command, record.From, record.Actor));
        var filed = Assert.IsType<WorkOrderFiled>(Assert.Single(order.DomainEvents));
        Assert.Equal(("leak", Grid, WorkOrderChannel.App), (filed.Category, filed.Unit, filed.Channel));
    }

    [Fact]
    public void File_RejectsBlankCategoryAndDescription()
    {
        Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft() with { Category = " " }, Resident, Grid, Start));
        var e = Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft() with { Description = "" }, Resident, Grid, Start));
        Assert.Contains("Description", e.ParamName);
        Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft() with { Channel = (WorkOrderChannel)99 }, Resident, Grid, Start));
    }

    [Fact]
    public void Triage_SetsClassLevelUnitAndTimeLimitInWorkingDays()
    {
        var order = InState(WorkOrderStatus.Triaged);
        Assert.Equal("hard", order.Class!.Code); // leak → 难事
        Assert.Equal(HandlingLevel.Community, order.Level);
        Assert.Equal(Community, order.ResponsibleUnit);
        // Triaged Monday 2024-05-06 11:00 +08; five working days → end of Monday 2024-05-13.
        Assert.Equal(Instant.FromUtc(2024, 5, 13, 16, 0), order.DueAt);
        // Reminder at the start of the last working day.
        Assert.Equal(Instant.FromUtc(2024, 5, 12, 16, 0), order.RemindAt);
    }

    [Fact]
    public void Transfer_HandsTheOrderToAUnitToClaimAgain_AndKeepsTheFirstResponderAccountable()
    {
        var order = InState(WorkOrderStatus.Claimed);
        var due = order.DueAt;
        Run(order, WorkOrderCommand.Transfer, Later);
        Assert.Equal((WorkOrderStatus.Triaged, Grid, (MemberId?)null, (MemberId?)Cadre), (order.Status, order.ResponsibleUnit, order.Handler, order.FirstResponder));
        Assert.Equal(due, order.DueAt); // the clock runs on
        var e = Assert.IsType<WorkOrderTransferred>(Assert.Single(order.DomainEvents));
        Assert.Equal((Cadre, Community, Grid, Cadre), (e.Handler, e.From, e.To, e.FirstResponder));

        // Only a claimed order is transferred; the unit's cadres claim it again, the first responder stays.
        Assert.Throws<IllegalTransitionException>(() => order.Transfer(Community, CadreActor, null, Later));
        order.Claim(Other, OtherActor, Later);
        Assert.Equal((WorkOrderStatus.Claimed, (MemberId?)Other, (MemberId?)Cadre), (order.Status, order.Handler, order.FirstResponder));
    }

    [Fact]
    public void Reclaim_AfterReopen_KeepsTheFirstResponder()
    {
        var order = InState(WorkOrderStatus.Reopened);
        order.Claim(Other, OtherActor, Later);
        Assert.Equal(Other, order.Handler);
        Assert.Equal(Cadre, order.FirstResponder);
    }

    [Fact]
    public void Whistle_TracksEachDepartmentToItsOwnResolution()
    {
        var order = InState(WorkOrderStatus.Claimed);
        order.Whistle([new("market-regulation", 1), new("city-management", 2), new("housing", 3)], Limits, CadreActor, null, Later);
        Assert.Equal(WorkOrderStatus.Whistled, order.Status);
        Assert.Equal(3, order.Parts.Length);
        Assert.All(order.Parts, p => Assert.Equal(DepartmentPartStatus.Summoned, p.Status));
        // Each limit is its own: 1, 2 and 3 working days from Tuesday.
        Assert.Equal([Instant.FromUtc(2024, 5, 8, 16, 0), Instant.FromUtc(2024, 5, 9, 16, 0), Instant.FromUtc(2024, 5, 10, 16, 0)], order.Parts.Select(p => p.AcknowledgeBy));

        var open = Assert.Throws<GridGovernanceException>(() => order.Resolve("photo", CadreActor, Later));
        Assert.Equal(ErrorCodes.WorkOrderPartsOpen, open.Code);

        var early = Assert.Throws<GridGovernanceException>(() => order.ResolvePart("housing", "done", WorkOrderActor.ForDepartment("housing"), Later));
        Assert.Equal(ErrorCodes.WorkOrderPartState, early.Code);
        var unknown = Assert.Throws<GridGovernanceException>(() => order.AcknowledgePart("police", WorkOrderActor.ForDepartment("police"), Later));
        Assert.Equal(ErrorCodes.WorkOrderUnknownDepartment, unknown.Code);

        var lateDay = Instant.FromUtc(2024, 5, 9, 1, 0); // after market regulation's limit, before city management's
        foreach (var d in new[] { "market-regulation", "city-management", "housing" })
        {
            order.AcknowledgePart(d, WorkOrderActor.ForDepartment(d), lateDay);
        }
        var acks = order.DomainEvents.OfType<WorkOrderPartAcknowledged>().ToList();
        Assert.Equal([true, false, false], acks.Select(a => a.Late));
        var twice = Assert.Throws<GridGovernanceException>(() => order.AcknowledgePart("housing", WorkOrderActor.ForDepartment("housing"), lateDay));
        Assert.Equal(ErrorCodes.WorkOrderPartState, twice.Code);

        order.ResolvePart("market-regulation", "责令店主维修", WorkOrderActor.ForDepartment("market-regulation"), lateDay);
        order.ResolvePart("city-management", "清理大厅", WorkOrderActor.ForDepartment("city-management"), lateDay);
        Assert.Throws<GridGovernanceException>(() => order.Resolve("photo", CadreActor, lateDay));
        order.ResolvePart("housing", "更换管道", WorkOrderActor.ForDepartment("housing"), lateDay);
        order.Resolve("photo", CadreActor, lateDay);
        Assert.Equal(WorkOrderStatus.Resolved, order.Status);
        Assert.All(order.Parts, p => Assert.Equal(DepartmentPartStatus.Resolved, p.Status));
    }

    [Fact]
    public void Whistle_RefusesADepartmentTwice_AndWritesNothing()
    {
        var order = InState(WorkOrderStatus.Claimed);
        int records = order.Audit.Length;
        var e = Assert.Throws<GridGovernanceException>(() => order.Whistle([new("housing"), new("housing")], Limits, CadreActor, null, Later));
        Assert.Equal(ErrorCodes.WorkOrderPartState, e.Code);
        Assert.Empty(order.Parts);
        Assert.Equal(WorkOrderStatus.Claimed, order.Status);
        Assert.Equal(records, order.Audit.Length);
    }

    [Fact]
    public void Rate_OnlyByTheResidentWhoFiledIt()
    {
        var order = InState(WorkOrderStatus.Resolved);
        var e = Assert.Throws<GridGovernanceException>(() => order.Rate(true, null, WorkOrderActor.ForResident("someone-else"), Limits, Policy, Later));
        Assert.Equal(ErrorCodes.WorkOrderNotFiler, e.Code);
        Assert.Equal(WorkOrderStatus.Resolved, order.Status);
        Assert.Empty(order.Ratings);
    }

    [Fact]
    public void Unsatisfied_ReopensUpToTheMaximum_ThenStaysRated()
    {
        var order = InState(WorkOrderStatus.Resolved);
        var policy = Policy with { MaxReopens = 1 };
        order.Rate(false, "还在漏", Resident, Limits, policy, Later);
        Assert.Equal(WorkOrderStatus.Reopened, order.Status);
        Assert.Equal(1, order.Reopens);
        Assert.Equal([WorkOrderCommand.Rate, WorkOrderCommand.Reopen], order.Audit.TakeLast(2).Select(a => a.Command));
        Assert.Equal(Limits.DueAt(Later, policy.ReopenWorkingDays), order.DueAt);

        order.Resolve("photo:2", CadreActor, Later);
        order.Rate(false, "还是漏", Resident, Limits, policy, Later);
        Assert.Equal(WorkOrderStatus.Rated, order.Status);
        Assert.Equal(1, order.Reopens);
        Assert.False(order.Satisfied);
        order.Close(CadreActor, "经议事厅协商结案", Later);
        Assert.Equal(WorkOrderStatus.Closed, order.Status);
        Assert.False(Assert.IsType<WorkOrderClosed>(order.DomainEvents[^1]).Satisfied);
    }

    [Fact]
    public void Remind_OnlyFromTheReminderInstant_AndOncePerLimit()
    {
        var order = InState(WorkOrderStatus.Claimed);
        var remindAt = order.RemindAt!.Value;
        var early = Assert.Throws<GridGovernanceException>(() => order.Remind(ScanActor, remindAt - Duration.FromSeconds(1)));
        Assert.Equal(ErrorCodes.WorkOrderNotDue, early.Code);
        order.Remind(ScanActor, remindAt);
        Assert.Null(order.RemindAt);
        Assert.Equal(ErrorCodes.WorkOrderNotDue, Assert.Throws<GridGovernanceException>(() => order.Remind(ScanActor, remindAt)).Code);
    }

    [Fact]
    public void Escalate_GoesOneLevelUp_WithANewLimit()
    {
        var order = InState(WorkOrderStatus.Claimed);
        var due = order.DueAt!.Value;
        Assert.True(order.IsOverdueAt(due));
        Assert.False(order.IsOverdueAt(due - Duration.FromTicks(1)));
        order.Escalate(Street, Limits, Policy, ScanActor, "overdue", due);
        Assert.Equal((Street, HandlingLevel.Street, 1), (order.ResponsibleUnit, order.Level, order.Escalations));
        Assert.Equal(Limits.DueAt(due, Policy.EscalationWorkingDays), order.DueAt);
        Assert.False(order.IsOverdueAt(due));
        var same = Assert.Throws<GridGovernanceException>(() => order.Escalate(Street, Limits, Policy, ScanActor, null, due));
        Assert.Equal(ErrorCodes.WorkOrderNoEscalationPath, same.Code);
    }

    [Fact]
    public void Change_BeforeTheLastChange_IsRefused()
    {
        var order = InState(WorkOrderStatus.Claimed);
        Assert.Throws<GridGovernanceValidationException>(() => order.Supervise(Community, "督办", CadreActor, Start - Duration.FromDays(1)));
    }

    [Fact]
    public void Deliberation_IsRecordedOnADisputedMatter()
    {
        var order = InState(WorkOrderStatus.Claimed);
        Run(order, WorkOrderCommand.RecordDeliberation, Later);
        var record = Assert.Single(order.Deliberations);
        Assert.Equal(23, record.Participants);
        Assert.Equal("维修费由店主承担", order.Audit[^1].Note);
        Assert.Throws<GridGovernanceValidationException>(() => order.RecordDeliberation(record with { Outcome = " " }, CadreActor, Later));
    }

    [Fact]
    public void Id_IsPositiveAndOrdered()
    {
        Assert.Throws<GridGovernanceValidationException>(() => new WorkOrderId(0));
        Assert.True(new WorkOrderId(1) < new WorkOrderId(2));
        Assert.Equal("workorder:12", new WorkOrderId(12).ToString());
    }

    [Fact]
    public void Actor_ReadsBackTheMember()
    {
        Assert.True(WorkOrderActor.ForMember(new MemberId(17)).TryGetMember(out var m));
        Assert.Equal(new MemberId(17), m);
        Assert.False(Resident.TryGetMember(out _));
        Assert.Throws<GridGovernanceValidationException>(() => new WorkOrderActor(" "));
    }
}
