using BenchmarkDotNet.Attributes;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Benchmarks.WorkOrders;

/// <summary>
/// Transitions per second on the aggregate in memory: the 四单 loop file → triage → claim → resolve → rate → close
/// (six audited transitions, each raising an event), and a whistled loop with three departments (file → triage →
/// claim → whistle → 3 × acknowledge → 3 × resolve part → resolve → rate → close: thirteen). Times are per transition
/// (<c>OperationsPerInvoke</c> counts transitions), so 1M transitions per second is 1 µs. The loop does not depend
/// on the city size.
/// </summary>
[MemoryDiagnoser]
public class WorkOrderLoopBenchmarks
{
    private const int Loops = 1024;
    private const int FourOrderTransitions = 6;
    private const int WhistleTransitions = 13;
    private static readonly string[] Departments = ["market-regulation", "city-management", "housing"];

    private readonly WorkOrderTimeLimits limits = new(WorkingDayCalendar.WeekendsOnly, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
    private readonly WorkOrderPolicy policy = WorkOrderPolicy.Default;
    private readonly WorkOrderOfficial cadre = new(new MemberId(7), new OrgUnitId(20));
    private readonly WorkOrderActor resident = WorkOrderActor.ForResident("r-1");
    private readonly Instant start = Instant.FromUtc(2024, 5, 6, 2, 0);
    private WorkOrderDraft draft = null!;
    private TriageClass triageClass = null!;
    private DepartmentSummons[] summons = null!;

    [GlobalSetup]
    public void Setup()
    {
        draft = new WorkOrderDraft
        {
            Category = "leak",
            Description = "二楼饭店卫生间漏水到入户大厅",
            Unit = new OrgUnitId(30),
            Channel = WorkOrderChannel.Hotline12345,
            FiledBy = resident,
            FilerName = "王小明",
            FilerPhone = "13812341234",
        };
        triageClass = policy.Triage.Classify(draft.Category, draft.Urgency);
        summons = [.. Departments.Select(d => new DepartmentSummons(d))];
        var check = FourOrderLoop(1);
        if (check.Status != WorkOrderStatus.Closed || check.Audit.Length != FourOrderTransitions || WhistleLoop(2).Audit.Length != WhistleTransitions)
        {
            throw new InvalidOperationException("The benchmark loop does not make the transitions it counts.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Loops * FourOrderTransitions)]
    public int Transition_FourOrderLoop()
    {
        int n = 0;
        for (int i = 1; i <= Loops; i++)
        {
            n += FourOrderLoop(i).Audit.Length;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = Loops * WhistleTransitions)]
    public int Transition_WhistleLoop()
    {
        int n = 0;
        for (int i = 1; i <= Loops; i++)
        {
            n += WhistleLoop(i).Audit.Length;
        }
        return n;
    }

    private WorkOrder FourOrderLoop(int id)
    {
        var at = start;
        var order = WorkOrder.File(new WorkOrderId(id), draft, cadre.Unit, at);
        order.Triage(triageClass, cadre.Unit, limits, policy.ReminderWorkingDays, cadre.Actor, at);
        order.Claim(cadre, at);
        order.Resolve("photo", cadre.Actor, at);
        order.Rate(true, null, resident, limits, policy, at);
        order.Close(cadre.Actor, null, at);
        return order;
    }

    private WorkOrder WhistleLoop(int id)
    {
        var at = start;
        var order = WorkOrder.File(new WorkOrderId(id), draft, cadre.Unit, at);
        order.Triage(triageClass, cadre.Unit, limits, policy.ReminderWorkingDays, cadre.Actor, at);
        order.Claim(cadre, at);
        order.Whistle(summons, limits, cadre.Actor, null, at);
        foreach (var d in Departments)
        {
            order.AcknowledgePart(d, cadre.Actor, at);
        }
        foreach (var d in Departments)
        {
            order.ResolvePart(d, "done", cadre.Actor, at);
        }
        order.Resolve("photo", cadre.Actor, at);
        order.Rate(true, null, resident, limits, policy, at);
        order.Close(cadre.Actor, null, at);
        return order;
    }
}
