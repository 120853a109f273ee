using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>Orders in every state, and one way to run each command on the aggregate, for table tests and properties.</summary>
internal static class WorkOrderFixture
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly WorkOrderTimeLimits Limits = new(WorkingDayCalendar.WeekendsOnly, Shanghai);
    public static readonly WorkOrderPolicy Policy = WorkOrderPolicy.Default;

    // Monday 2024-05-06, 10:00 in Shanghai.
    public static readonly Instant Start = Instant.FromUtc(2024, 5, 6, 2, 0);
    public static readonly OrgUnitId Grid = new(30);
    public static readonly OrgUnitId Community = new(20);
    public static readonly OrgUnitId Street = new(10);
    public static readonly WorkOrderActor Resident = WorkOrderActor.ForResident("r-1");
    public static readonly MemberId Cadre = new(7);
    public static readonly MemberId Other = new(8);
    public static readonly WorkOrderActor CadreActor = WorkOrderActor.ForMember(Cadre);
    public static readonly WorkOrderActor OtherActor = WorkOrderActor.ForMember(Other);
    public static readonly WorkOrderActor ScanActor = WorkOrderActor.ForSystem("test");

    public static WorkOrderDraft Draft(string category = "leak") => new()
    {
        Category = category,
        Description = "二楼饭店卫生间漏水到入户大厅",
        Unit = Grid,
        Channel = WorkOrderChannel.App,
        FilerName = "王小明",
        FilerPhone = "13812341234",
        Address = "西湖春天小区3号楼",
    };

    public static WorkOrder NewOrder(int id = 5) => WorkOrder.File(new WorkOrderId(id), Draft(), Resident, Grid, Start);

    /// <summary>A fresh order driven along the happy path until it is in <paramref name="status"/>.</summary>
    public static WorkOrder InState(WorkOrderStatus status)
    {
        var order = NewOrder();
        var at = Start;
        WorkOrderCommand[] path = status switch
        {
            WorkOrderStatus.Filed => [],
            WorkOrderStatus.Triaged => [WorkOrderCommand.Triage],
            WorkOrderStatus.Claimed => [WorkOrderCommand.Triage, WorkOrderCommand.Claim],
            WorkOrderStatus.Whistled => [WorkOrderCommand.Triage, WorkOrderCommand.Claim, WorkOrderCommand.Whistle],
            WorkOrderStatus.Resolved => [WorkOrderCommand.Triage, WorkOrderCommand.Claim, WorkOrderCommand.Resolve],
            WorkOrderStatus.Rated => [WorkOrderCommand.Triage, WorkOrderCommand.Claim, WorkOrderCommand.Resolve, WorkOrderCommand.Rate],
            WorkOrderStatus.Reopened => [WorkOrderCommand.Triage, WorkOrderCommand.Claim, WorkOrderCommand.Resolve, WorkOrderCommand.Rate],
            WorkOrderStatus.Closed => [WorkOrderCommand.Triage, WorkOrderCommand.Claim, WorkOrderCommand.Resolve, WorkOrderCommand.Close],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var command in path)
        {
            at += Duration.FromHours(1);
            Run(order, command, at, satisfied: status != WorkOrderStatus.Reopened);
        }
        order.ClearDomainEvents();
        Assert.Equal(status, order.Status);
        return order;
    }

    /// <summary>
    /// Runs <paramref name="command"/> with arguments that break no rule other than the transition table where the
    /// state allows it (Reopen is not a command callers give: an unsatisfied rating issues it, so it is run as one).
    /// </summary>
    public static void Run(WorkOrder order, WorkOrderCommand command, Instant at, bool satisfied = true, string department = "housing")
    {
        switch (command)
        {
            case WorkOrderCommand.File:
                throw new ArgumentException("File creates an order; it is not run on one.", nameof(command));
            case WorkOrderCommand.Triage:
                order.Triage(Policy.Triage.Classify(order.Category, order.Urgency), Community, Limits, Policy.ReminderWorkingDays, CadreActor, at);
                break;
            case WorkOrderCommand.Claim:
                order.Claim(Cadre, CadreActor, at);
                break;
            case WorkOrderCommand.Transfer:
                order.Transfer(order.ResponsibleUnit == Grid ? Community : Grid, CadreActor, "hand-over", at);
                break;
            case WorkOrderCommand.Supervise:
                order.Supervise(Community, "督办", CadreActor, at);
                break;
            case WorkOrderCommand.Remind:
                order.Remind(ScanActor, at);
                break;
            case WorkOrderCommand.Escalate:
                order.Escalate(order.ResponsibleUnit == Street ? Community : Street, Limits, Policy, ScanActor, "overdue", at);
                break;
            case WorkOrderCommand.Whistle:
                order.Whistle([new DepartmentSummons(department)], Limits, CadreActor, null, at);
                break;
            case WorkOrderCommand.AcknowledgePart:
                order.AcknowledgePart(department, WorkOrderActor.ForDepartment(department), at);
                break;
            case WorkOrderCommand.ResolvePart:
                order.ResolvePart(department, "fixed", WorkOrderActor.ForDepartment(department), at);
                break;
            case WorkOrderCommand.Resolve:
                order.Resolve("photo:1", CadreActor, at);
                break;
            case WorkOrderCommand.Rate:
            case WorkOrderCommand.Reopen:
                order.Rate(satisfied && command == WorkOrderCommand.Rate, null, Resident, Limits, Policy, at);
                break;
            case WorkOrderCommand.FollowSuccessor:
                order.FollowSuccessor(order.Unit == Grid ? Community : Grid, order.ResponsibleUnit == Street ? Community : Street, ScanActor, "Merge", at);
                break;
            case WorkOrderCommand.ReleaseHandler:
                order.ReleaseHandler(ScanActor, "Merge", at);
                break;
            case WorkOrderCommand.Close:
                order.Close(CadreActor, null, at);
                break;
            case WorkOrderCommand.RecordDeliberation:
                order.RecordDeliberation(new DeliberationRecord(new LocalDate(2024, 5, 11), 23, "维修费由店主承担"), CadreActor, at);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }
}
