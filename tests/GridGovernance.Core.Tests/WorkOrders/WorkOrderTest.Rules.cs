using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// The aggregate's rules beyond the transition table, each at its boundary: the category's length, the instant a
/// limit ends (resolution, a department's report, a reminder), how far escalation goes, how often a rating reopens.
/// </summary>
public sealed partial class WorkOrderTest
{
    private static readonly Duration Tick = Duration.FromTicks(1);

    // ---- Filing ----

    [Theory]
    [InlineData(1)]
    [InlineData(49)]
    [InlineData(50)] // at the limit
    public void File_CategoryUpToFiftyCharacters_IsAccepted(int length)
    {
        var order = WorkOrder.File(new WorkOrderId(1), Draft(new string('c', length)), Resident, Grid, Start);

        Assert.Equal(length, order.Category.Length);
    }

    [Theory]
    [InlineData(51)] // just above the limit
    [InlineData(200)]
    public void File_CategoryLongerThanFiftyCharacters_IsRefused(int length)
    {
        var e = Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft(new string('c', length)), Resident, Grid, Start));

        Assert.Equal("draft.Category", e.ParamName);
    }

    [Fact]
    public void File_CategoryIsTrimmed_AndTheLimitCountsTheTrimmedCategory()
    {
        var order = WorkOrder.File(new WorkOrderId(1), Draft("  " + new string('c', 50) + " "), Resident, Grid, Start);

        Assert.Equal(new string('c', 50), order.Category);
        Assert.Equal(new string('c', 50), Assert.IsType<WorkOrderFiled>(Assert.Single(order.DomainEvents)).Category);
    }

    [Fact]
    public void File_KeepsTheDraft_AndStartsAtTheFilingUnit()
    {
        var draft = Draft() with { Urgency = WorkOrderUrgency.Urgent, Household = new HouseholdId(4), Location = new GeoPoint(36.2, 117.6) };

        var order = WorkOrder.File(new WorkOrderId(9), draft, Resident, Grid, Start);

        Assert.Equal((draft.Description, draft.Channel, draft.Urgency, Resident), (order.Description, order.Channel, order.Urgency, order.FiledBy));
        Assert.Equal((draft.FilerName, draft.FilerPhone, draft.Household, draft.Location, draft.Address), (order.FilerName, order.FilerPhone, order.Household, order.Location, order.Address));
        Assert.Equal((Grid, Grid, Start), (order.Unit, order.ResponsibleUnit, order.FiledAt));
        Assert.Equal((WorkOrderStatus.Filed, (TriageClass?)null, (Instant?)null, (Instant?)null), (order.Status, order.Class, order.DueAt, order.RemindAt));
        Assert.True(order.IsOpen);
        Assert.Null(order.Satisfied);
        Assert.Equal("workorder:9 leak at unit:30 (Filed)", order.ToString());
        Assert.Equal(Start, order.Audit[0].At);
        Assert.Equal(WorkOrderStatus.Filed, order.Audit[0].To);
    }

    [Fact]
    public void File_RefusesWhatIsNotSet()
    {
        Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(default, Draft(), Resident, Grid, Start));
        Assert.Throws<ArgumentNullException>(() => WorkOrder.File(new WorkOrderId(1), null!, Resident, Grid, Start));
        Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft(), Resident, default, Start));
        var urgency = Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft() with { Urgency = (WorkOrderUrgency)99 }, Resident, Grid, Start));
        Assert.Equal("draft.Urgency", urgency.ParamName);
        var channel = Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft() with { Channel = (WorkOrderChannel)99 }, Resident, Grid, Start));
        Assert.Equal("draft.Channel", channel.ParamName);
        var filer = Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft(), default, Grid, Start));
        Assert.Equal("filedBy", filer.ParamName);
        Assert.Equal("draft.Category", Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft(" "), Resident, Grid, Start)).ParamName);
    }

    // ---- The audit trail ----

    [Fact]
    public void Audit_IsNumberedFromOne_AndChainsEachStateToTheNext()
    {
        var order = InState(WorkOrderStatus.Closed);

        Assert.Equal(Enumerable.Range(1, order.Audit.Length), order.Audit.Select(a => a.Sequence));
        for (int i = 1; i < order.Audit.Length; i++)
        {
            Assert.Equal(order.Audit[i - 1].To, order.Audit[i].From);
        }
    }

    [Fact]
    public void Change_AtTheInstantOfTheLastChange_IsAccepted_OneTickBefore_IsRefused()
    {
        var order = InState(WorkOrderStatus.Claimed);
        var last = order.Audit[^1].At;

        Assert.Throws<GridGovernanceValidationException>(() => order.Supervise(Community, "督办", CadreActor, last - Tick));
        order.Supervise(Community, "督办", CadreActor, last);

        Assert.Equal(last, order.Audit[^1].At);
        var e = Assert.IsType<WorkOrderSupervised>(Assert.Single(order.DomainEvents));
        Assert.Equal((Community, "督办"), (e.Unit, e.Note));
    }

    [Fact]
    public void Command_WithoutAnActor_IsRefused()
    {
        var order = InState(WorkOrderStatus.Triaged);

        Assert.Throws<GridGovernanceValidationException>(() => order.Supervise(Community, "督办", default, Later));
        Assert.Throws<GridGovernanceValidationException>(() => order.Supervise(Community, " ", CadreActor, Later));
        Assert.Equal(2, order.Audit.Length);
    }

    // ---- Triage and claiming ----

    [Fact]
    public void Triage_RaisesTheClassLevelUnitAndLimit()
    {
        var order = NewOrder();
        order.ClearDomainEvents();

        Run(order, WorkOrderCommand.Triage, Later);

        var e = Assert.IsType<WorkOrderTriaged>(Assert.Single(order.DomainEvents));
        Assert.Equal(("hard", HandlingLevel.Community, Community, order.DueAt!.Value), (e.ClassCode, e.Level, e.Unit, e.DueAt));
        Assert.Equal("hard", order.Audit[^1].Note);
        var unit = Assert.Throws<GridGovernanceValidationException>(() => NewOrder().Triage(order.Class!, default, Limits, 1, CadreActor, Later));
        Assert.Equal(("responsibleUnit", ErrorCodes.InvalidValue), (Assert.Single(unit.Problems).Field, unit.Code));
        Assert.Contains("not default", unit.Message);
    }

    [Fact]
    public void Claim_TheFirstOfficialStaysFirstResponder()
    {
        var order = InState(WorkOrderStatus.Triaged);

        order.Claim(Cadre, CadreActor, Later);
        var first = Assert.IsType<WorkOrderClaimed>(Assert.Single(order.DomainEvents));

        Assert.Equal((Cadre, Cadre), (first.Handler, first.FirstResponder));
        Assert.Equal(Cadre, order.FirstResponder);
        Assert.Equal(Cadre, order.Handler);
    }

    // ---- Resolution and its overdue flag ----

    [Theory]
    [InlineData(-1, false)] // one tick before the limit ends: in time
    [InlineData(0, true)] // at the limit: overdue
    [InlineData(1, true)] // one tick after: overdue
    public void Resolve_IsOverdueFromTheInstantTheLimitEnds(long ticksFromDue, bool overdue)
    {
        var order = InState(WorkOrderStatus.Claimed);
        var at = order.DueAt!.Value + Duration.FromTicks(ticksFromDue);

        order.Resolve("photo:1", CadreActor, at);

        var e = Assert.IsType<WorkOrderResolved>(Assert.Single(order.DomainEvents));
        Assert.Equal(overdue, e.Overdue);
        Assert.Equal((Cadre, at), (e.Handler, e.At));
        Assert.Equal(new WorkOrderResolution(CadreActor, at, "photo:1"), order.Resolution);
    }

    [Fact]
    public void Resolve_NeedsEvidence()
    {
        var order = InState(WorkOrderStatus.Claimed);

        Assert.Throws<GridGovernanceValidationException>(() => order.Resolve(" ", CadreActor, Later));
        Assert.Equal(WorkOrderStatus.Claimed, order.Status);
    }

    [Fact]
    public void IsOverdueAt_OnlyWhileOpen()
    {
        var order = InState(WorkOrderStatus.Claimed);
        var due = order.DueAt!.Value;
        Assert.True(order.IsOverdueAt(due + Tick));

        order.Resolve("photo:1", CadreActor, due + Tick);

        Assert.False(order.IsOverdueAt(due + Tick));
        Assert.False(NewOrder().IsOverdueAt(Start + Duration.FromDays(365))); // no limit before triage
    }

    // ---- Escalation ----

    [Fact]
    public void Escalate_RaisesTheLevelOneStepAtATime_AndNeverPastTheDistrict()
    {
        var order = InState(WorkOrderStatus.Claimed); // community level after triage
        var at = Later;
        OrgUnitId[] upward = [Street, new(1), new(2)];
        HandlingLevel[] expected = [HandlingLevel.Street, HandlingLevel.District, HandlingLevel.District];

        for (int i = 0; i < upward.Length; i++)
        {
            order.ClearDomainEvents();
            var from = order.ResponsibleUnit;
            order.Escalate(upward[i], Limits, Policy, ScanActor, null, at);

            Assert.Equal(expected[i], order.Level);
            Assert.Equal(i + 1, order.Escalations);
            var e = Assert.IsType<WorkOrderEscalated>(Assert.Single(order.DomainEvents));
            Assert.Equal((from, upward[i], expected[i], Limits.DueAt(at, Policy.EscalationWorkingDays)), (e.FromUnit, e.ToUnit, e.Level, e.DueAt));
        }
        Assert.True(Enum.IsDefined(order.Level));
    }

    [Fact]
    public void Escalate_SetsANewReminder_AndRefusesADefaultUnit()
    {
        var order = InState(WorkOrderStatus.Claimed);
        var at = order.RemindAt!.Value;
        order.Remind(ScanActor, at);
        Assert.Null(order.RemindAt);

        var e = Assert.Throws<GridGovernanceValidationException>(() => order.Escalate(default, Limits, Policy, ScanActor, null, at));
        Assert.Equal(("toUnit", ErrorCodes.InvalidValue), (Assert.Single(e.Problems).Field, e.Code));
        order.Escalate(Street, Limits, Policy, ScanActor, "overdue", at);

        Assert.NotNull(order.RemindAt);
        Assert.True(order.RemindAt < order.DueAt);
        Assert.Equal("overdue", order.Audit[^1].Note);
    }

    // ---- Reminders ----

    [Fact]
    public void Remind_RaisesTheDueInstantAndTheHandler()
    {
        var order = InState(WorkOrderStatus.Claimed);
        var remindAt = order.RemindAt!.Value;

        order.Remind(ScanActor, remindAt + Tick);

        var e = Assert.IsType<WorkOrderReminded>(Assert.Single(order.DomainEvents));
        Assert.Equal((order.DueAt!.Value, (MemberId?)Cadre), (e.DueAt, e.Handler));
    }

    [Fact]
    public void Remind_WithNoReminderPending_SaysSo()
    {
        var order = InState(WorkOrderStatus.Claimed);
        order.Remind(ScanActor, order.RemindAt!.Value);

        var e = Assert.Throws<GridGovernanceException>(() => order.Remind(ScanActor, order.DueAt!.Value));

        Assert.Contains("no reminder pending", e.Message);
    }

    // ---- 吹哨报到: departments ----

    [Theory]
    [InlineData(-1, false)] // reports one tick before its deadline: in time
    [InlineData(0, true)] // reports exactly at its deadline: late
    [InlineData(1, true)]
    public void AcknowledgePart_IsLateFromTheInstantItsDeadlineEnds(long ticksFromDeadline, bool late)
    {
        var order = InState(WorkOrderStatus.Whistled);
        var at = order.Parts[0].AcknowledgeBy + Duration.FromTicks(ticksFromDeadline);
        order.ClearDomainEvents();

        order.AcknowledgePart("housing", WorkOrderActor.ForDepartment("housing"), at);

        var e = Assert.IsType<WorkOrderPartAcknowledged>(Assert.Single(order.DomainEvents));
        Assert.Equal(("housing", late), (e.Department, e.Late));
        Assert.Equal(late ? "late" : null, order.Audit[^1].Note);
        Assert.Equal(at, order.Parts[0].AcknowledgedAt);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3650, true)]
    [InlineData(3651, false)]
    public void Whistle_AcknowledgeWorkingDaysFromOneToTenYears(int days, bool accepted)
    {
        var order = InState(WorkOrderStatus.Claimed);

        void Whistle() => order.Whistle([new DepartmentSummons("housing", days)], Limits, CadreActor, null, Later);

        if (accepted)
        {
            Whistle();
            Assert.Equal(Limits.DueAt(Later, days), order.Parts[0].AcknowledgeBy);
        }
        else
        {
            Assert.Equal("summons.AcknowledgeWorkingDays", Assert.Throws<GridGovernanceValidationException>(Whistle).ParamName);
            Assert.Empty(order.Parts);
        }
    }

    [Fact]
    public void Whistle_TrimsDepartments_NotesThem_AndRefusesOneAlreadySummoned()
    {
        var order = InState(WorkOrderStatus.Claimed);

        order.Whistle([new(" housing "), new("police")], Limits, CadreActor, null, Later);

        Assert.Equal(["housing", "police"], order.Parts.Select(p => p.Department));
        Assert.Equal("housing,police", order.Audit[^1].Note);
        Assert.Equal(["housing", "police"], Assert.IsType<WorkOrderWhistled>(Assert.Single(order.DomainEvents)).Departments.ToArray());
        Assert.All(order.Parts, p => Assert.Equal(Later, p.SummonedAt));

        var again = Assert.Throws<GridGovernanceException>(() => order.Whistle([new("housing")], Limits, CadreActor, "again", Later));
        Assert.Equal(ErrorCodes.WorkOrderPartState, again.Code);
        order.Whistle([new("fire")], Limits, CadreActor, "消防", Later);
        Assert.Equal("消防", order.Audit[^1].Note);
        Assert.Equal(3, order.Parts.Length);
    }

    [Fact]
    public void Whistle_RefusesNoDepartmentAndBlankNames()
    {
        var order = InState(WorkOrderStatus.Claimed);

        Assert.Throws<GridGovernanceValidationException>(() => order.Whistle([], Limits, CadreActor, null, Later));
        Assert.Equal("summons.Department", Assert.Throws<GridGovernanceValidationException>(() => order.Whistle([new(" ")], Limits, CadreActor, null, Later)).ParamName);
        Assert.Throws<ArgumentNullException>(() => order.Whistle(null!, Limits, CadreActor, null, Later));
        Assert.Equal(WorkOrderStatus.Claimed, order.Status);
    }

    [Fact]
    public void ResolvePart_KeepsTheEvidence_AndRefusesASecondResolution()
    {
        var order = InState(WorkOrderStatus.Whistled);
        Run(order, WorkOrderCommand.AcknowledgePart, Later);
        order.ClearDomainEvents();

        Assert.Throws<GridGovernanceValidationException>(() => order.ResolvePart("housing", " ", WorkOrderActor.ForDepartment("housing"), Later));
        order.ResolvePart(" housing ", "更换管道", WorkOrderActor.ForDepartment("housing"), Later);

        Assert.Equal(("更换管道", (Instant?)Later), (order.Parts[0].Evidence, order.Parts[0].ResolvedAt));
        Assert.Equal("housing", Assert.IsType<WorkOrderPartResolved>(Assert.Single(order.DomainEvents)).Department);
        var twice = Assert.Throws<GridGovernanceException>(() => order.ResolvePart("housing", "again", WorkOrderActor.ForDepartment("housing"), Later));
        Assert.Equal(ErrorCodes.WorkOrderPartState, twice.Code);
        Assert.Contains("already resolved", twice.Message);
    }

    [Fact]
    public void Resolve_WithAPartOnlyAcknowledged_IsRefused()
    {
        var order = InState(WorkOrderStatus.Whistled);
        Run(order, WorkOrderCommand.AcknowledgePart, Later);

        var e = Assert.Throws<GridGovernanceException>(() => order.Resolve("photo", CadreActor, Later));

        Assert.Equal(ErrorCodes.WorkOrderPartsOpen, e.Code);
        Assert.Contains("Acknowledged", e.Message);
    }

    // ---- Rating and reopening ----

    [Theory]
    [InlineData(0, 0, false)] // no reopen allowed at all
    [InlineData(1, 0, true)] // below the maximum: reopens
    [InlineData(2, 1, true)]
    [InlineData(2, 2, false)] // at the maximum: stays rated
    public void Rate_Unsatisfied_ReopensOnlyBelowTheMaximum(int maxReopens, int reopensSoFar, bool reopens)
    {
        var order = InState(WorkOrderStatus.Resolved);
        var policy = Policy with { MaxReopens = maxReopens };
        var at = Later;
        for (int i = 0; i < reopensSoFar; i++)
        {
            order.Rate(false, null, Resident, Limits, policy, at);
            order.Resolve("photo", CadreActor, at);
        }
        order.ClearDomainEvents();
        var dueBefore = order.DueAt;

        order.Rate(false, "还在漏", Resident, Limits, policy, at);

        Assert.Equal(reopens ? WorkOrderStatus.Reopened : WorkOrderStatus.Rated, order.Status);
        Assert.Equal(reopensSoFar + (reopens ? 1 : 0), order.Reopens);
        Assert.Equal(reopens ? 2 : 1, order.DomainEvents.Count);
        Assert.Equal(reopens ? Limits.DueAt(at, policy.ReopenWorkingDays) : dueBefore, order.DueAt);
        if (reopens)
        {
            var e = Assert.IsType<WorkOrderReopened>(order.DomainEvents[^1]);
            Assert.Equal((reopensSoFar + 1, order.DueAt!.Value), (e.Reopens, e.DueAt));
            Assert.NotNull(order.RemindAt);
        }
    }

    [Fact]
    public void Rate_Satisfied_NeverReopens_AndIsNoted()
    {
        var order = InState(WorkOrderStatus.Resolved);

        order.Rate(true, "谢谢", Resident, Limits, Policy, Later);

        Assert.Equal(WorkOrderStatus.Rated, order.Status);
        Assert.Equal(0, order.Reopens);
        Assert.True(order.Satisfied);
        Assert.Equal("satisfied", order.Audit[^1].Note);
        Assert.True(Assert.IsType<WorkOrderRated>(Assert.Single(order.DomainEvents)).Satisfied);
        Assert.Equal(new WorkOrderRating(true, Later, "谢谢"), Assert.Single(order.Ratings));
    }

    [Fact]
    public void Rate_Unsatisfied_IsNoted()
    {
        var order = InState(WorkOrderStatus.Resolved);

        order.Rate(false, null, Resident, Limits, Policy with { MaxReopens = 0 }, Later);

        Assert.Equal("unsatisfied", order.Audit[^1].Note);
        Assert.False(Assert.IsType<WorkOrderRated>(Assert.Single(order.DomainEvents)).Satisfied);
    }

    // ---- Closing and deliberation ----

    [Fact]
    public void Close_StampsTheTime_DropsTheReminder_AndCarriesTheVerdict()
    {
        var order = InState(WorkOrderStatus.Resolved);
        Assert.NotNull(order.RemindAt);

        order.Close(CadreActor, "办结", Later);

        Assert.Equal(Later, order.ClosedAt);
        Assert.Null(order.RemindAt);
        Assert.False(order.IsOpen);
        Assert.Null(Assert.IsType<WorkOrderClosed>(Assert.Single(order.DomainEvents)).Satisfied);
        Assert.Equal("办结", order.Audit[^1].Note);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1_000_000, true)]
    [InlineData(1_000_001, false)]
    public void RecordDeliberation_ParticipantsFromOneToAMillion(int participants, bool accepted)
    {
        var order = InState(WorkOrderStatus.Claimed);
        var record = new DeliberationRecord(new LocalDate(2024, 5, 11), participants, "协商一致");

        if (accepted)
        {
            order.RecordDeliberation(record, CadreActor, Later);
            Assert.Equal(record, Assert.IsType<WorkOrderDeliberationRecorded>(Assert.Single(order.DomainEvents)).Deliberation);
        }
        else
        {
            Assert.Equal("deliberation.Participants", Assert.Throws<GridGovernanceValidationException>(() => order.RecordDeliberation(record, CadreActor, Later)).ParamName);
            Assert.Empty(order.Deliberations);
        }
    }

    // ---- Refusals say what is wrong ----

    [Fact]
    public void File_Refusals_SayWhatIsWrong()
    {
        Assert.Contains("not default", Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(default, Draft(), Resident, Grid, Start)).Message);
        Assert.Contains("at most 50 characters", Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft(new string('c', 51)), Resident, Grid, Start)).Message);
        Assert.Contains("Channel 99 is not defined", Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft() with { Channel = (WorkOrderChannel)99 }, Resident, Grid, Start)).Message);
        Assert.Contains("Urgency 99 is not defined", Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft() with { Urgency = (WorkOrderUrgency)99 }, Resident, Grid, Start)).Message);
        Assert.Contains("filedBy must be set", Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft(), default, Grid, Start)).Message);
        Assert.Contains("not default", Assert.Throws<GridGovernanceValidationException>(() => WorkOrder.File(new WorkOrderId(1), Draft(), Resident, default, Start)).Message);
    }

    [Fact]
    public void Command_Refusals_SayWhatIsWrong()
    {
        var order = InState(WorkOrderStatus.Claimed);
        var last = order.Audit[^1].At;

        Assert.Contains("actor must be set", Assert.Throws<GridGovernanceValidationException>(() => order.Supervise(Community, "督办", default, Later)).Message);
        Assert.Contains("must not be before", Assert.Throws<GridGovernanceValidationException>(() => order.Supervise(Community, "督办", CadreActor, last - Tick)).Message);
        Assert.Contains("not default", Assert.Throws<GridGovernanceValidationException>(() => order.Transfer(default, CadreActor, null, Later)).Message);
        Assert.Contains("not due for a reminder until", Assert.Throws<GridGovernanceException>(() => order.Remind(ScanActor, Later)).Message);
        Assert.Contains("must go up", Assert.Throws<GridGovernanceException>(() => order.Escalate(Community, Limits, Policy, ScanActor, null, Later)).Message);
        Assert.Contains("not default", Assert.Throws<GridGovernanceValidationException>(() => order.Escalate(default, Limits, Policy, ScanActor, null, Later)).Message);
        Assert.Contains("at least one department", Assert.Throws<GridGovernanceValidationException>(() => order.Whistle([], Limits, CadreActor, null, Later)).Message);
        Assert.Contains("summoned twice", Assert.Throws<GridGovernanceException>(() => order.Whistle([new("housing"), new(" housing")], Limits, CadreActor, null, Later)).Message);
        Assert.Contains("workorder:5", Assert.Throws<IllegalTransitionException>(() => InState(WorkOrderStatus.Filed).Transfer(Community, CadreActor, null, Later)).Message);
    }

    [Fact]
    public void Part_Refusals_SayWhatIsWrong()
    {
        var order = InState(WorkOrderStatus.Whistled);

        Assert.Contains("has not been summoned", Assert.Throws<GridGovernanceException>(() => order.AcknowledgePart("police", WorkOrderActor.ForDepartment("police"), Later)).Message);
        Assert.Contains("must report before", Assert.Throws<GridGovernanceException>(() => order.ResolvePart("housing", "done", WorkOrderActor.ForDepartment("housing"), Later)).Message);
        Assert.Contains("cannot be resolved", Assert.Throws<GridGovernanceException>(() => order.Resolve("photo", CadreActor, Later)).Message);
        Run(order, WorkOrderCommand.AcknowledgePart, Later);
        Assert.Contains("already reported", Assert.Throws<GridGovernanceException>(() => order.AcknowledgePart("housing", WorkOrderActor.ForDepartment("housing"), Later)).Message);
        Assert.Throws<GridGovernanceValidationException>(() => order.AcknowledgePart(" ", WorkOrderActor.ForDepartment("housing"), Later));
    }

    [Fact]
    public void Rate_ByAStranger_SaysOnlyTheFilerMay_WithoutNamingTheFiler()
    {
        var order = InState(WorkOrderStatus.Resolved);

        var e = Assert.Throws<GridGovernanceException>(() => order.Rate(true, null, WorkOrderActor.ForResident("r-2"), Limits, Policy, Later));

        Assert.Contains("only its filer may rate it", e.Message);
        Assert.DoesNotContain("r-1", e.Message);
        Assert.DoesNotContain("r-2", e.Message);
    }

    [Fact]
    public void NullArguments_AreRefusedBeforeAnyChange()
    {
        var order = InState(WorkOrderStatus.Resolved);
        Assert.Throws<ArgumentNullException>(() => order.Rate(true, null, Resident, null!, Policy, Later));
        Assert.Throws<ArgumentNullException>(() => order.Rate(true, null, Resident, Limits, null!, Later));
        Assert.Throws<ArgumentNullException>(() => order.RecordDeliberation(null!, CadreActor, Later));
        Assert.Empty(order.Ratings);
        Assert.Equal(WorkOrderStatus.Resolved, order.Status);

        Assert.Throws<ArgumentNullException>(() => NewOrder().Triage(null!, Community, Limits, 1, CadreActor, Later));
        var claimed = InState(WorkOrderStatus.Claimed);
        Assert.Throws<ArgumentNullException>(() => claimed.Whistle([null!], Limits, CadreActor, null, Later));
        Assert.Empty(claimed.Parts);
    }

    [Fact]
    public void RecordDeliberation_BlankOutcome_IsRefusedByName()
    {
        var order = InState(WorkOrderStatus.Claimed);

        var e = Assert.Throws<GridGovernanceValidationException>(() => order.RecordDeliberation(new DeliberationRecord(new LocalDate(2024, 5, 11), 5, " "), CadreActor, Later));

        Assert.Equal("deliberation.Outcome", e.ParamName);
    }
}
