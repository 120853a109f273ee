using BenchmarkDotNet.Attributes;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Testing;
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
/// <remarks>
/// The <c>_Authorised</c> variants run the same loops but decide each transition's authority first, as
/// <see cref="WorkOrderService"/> does: the order's subject is found (<c>WorkOrderService.SubjectOf</c>: the order itself,
/// or its rating subject; a filing is decided on the new order before it is stored) and
/// <see cref="AuthorityRules.Decide"/> answers from an <see cref="AuthorityIndex"/> of a generated community (a
/// secretary, 书记, of the community for the cadre's steps, an officer per summoned department, the filing resident
/// for the rating). A refusal throws, so the loop cannot pass without every decision allowed. The difference between
/// a variant and its plain loop is the overhead of authorisation on a transition (bar: ≤ 10 %); the store reads of the
/// default policy are not in it (see the authority benchmarks).
/// </remarks>
[MemoryDiagnoser]
public class WorkOrderLoopBenchmarks
{
    private const int Loops = 1024;
    private const int FourOrderTransitions = 6;
    private const int WhistleTransitions = 13;
    private static readonly string[] Departments = ["market-regulation", "city-management", "housing"];

    private readonly WorkOrderTimeLimits limits = new(WorkingDayCalendar.WeekendsOnly, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
    private readonly WorkOrderPolicy policy = WorkOrderPolicy.Default;
    private readonly Actor residentActor = Actor.Resident("r-1");
    private readonly WorkOrderActor resident = WorkOrderActor.ForResident("r-1");
    private readonly AuthorityTable table = AuthorityTable.Default;
    private (MemberId Member, OrgUnitId Unit) cadre;
    private WorkOrderActor cadreActor;
    private Actor post = null!;
    private Actor[] officers = null!;
    private AuthorityIndex index = null!;
    private bool subjectsOnly;
    private readonly Instant start = Instant.FromUtc(2024, 5, 6, 2, 0);
    private WorkOrderDraft draft = null!;
    private TriageClass triageClass = null!;
    private DepartmentSummons[] summons = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A generated community: its first member becomes the community's secretary; orders are filed in their grid.
        var city = CityGenerator.Generate(CitySize.Community, seed: 1);
        var day = city.Date;
        var units = city.Roster.Units.Select(u => OrgUnit.Create(u, day)).ToArray();
        var members = city.Roster.Members.Select(m => Member.Create(m, day)).ToArray();
        var households = city.Roster.Households.Select(h => Household.Create(h, day)).ToArray();
        var byId = units.ToDictionary(u => u.Id);
        OrgUnitId Above(OrgUnitId from, UnitKind kind) => byId[from].Kind == kind ? from : Above(byId[from].ParentId!.Value, kind);
        var secretary = members[0];
        var grid = Above(secretary.BranchId, UnitKind.GridBranch);
        var community = Above(grid, UnitKind.Community);
        secretary.Assign(new RoleAssignment(RoleKind.Secretary, community, Employment.FullTime, new Validity(day)));
        index = AuthorityIndex.Build(HierarchyIndex.Build(units, members, households, day), members, units);
        cadre = (secretary.Id, community);
        cadreActor = WorkOrderActor.ForMember(secretary.Id);
        post = Actor.Post(secretary.Id, RoleKind.Secretary, community);
        officers = [.. Departments.Select(d => Actor.Officer(d, "officer-1"))];

        draft = new WorkOrderDraft
        {
            Category = "leak",
            Description = "二楼饭店卫生间漏水到入户大厅",
            Unit = grid,
            Channel = WorkOrderChannel.Hotline12345,
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
        if (AuthorisedFourOrderLoop(3).Audit.Length != FourOrderTransitions || AuthorisedWhistleLoop(4).Audit.Length != WhistleTransitions)
        {
            throw new InvalidOperationException("The authorised loops do not make the transitions they count.");
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

    [Benchmark(OperationsPerInvoke = Loops * FourOrderTransitions)]
    public int Transition_FourOrderLoop_Authorised()
    {
        int n = 0;
        for (int i = 1; i <= Loops; i++)
        {
            n += AuthorisedFourOrderLoop(i).Audit.Length;
        }
        return n;
    }

    [Benchmark(OperationsPerInvoke = Loops * WhistleTransitions)]
    public int Transition_WhistleLoop_Authorised()
    {
        int n = 0;
        for (int i = 1; i <= Loops; i++)
        {
            n += AuthorisedWhistleLoop(i).Audit.Length;
        }
        return n;
    }

    /// <summary>
    /// The six decisions of the authorised 四单 loop on one order, without its transitions (the harness's split of the
    /// overhead: what the decisions cost on their own).
    /// </summary>
    public int DecisionsOnly()
    {
        int n = 0;
        // A filed order: triage is decided on the order itself, as in the loop (a triaged order would need a subject at its filing unit).
        var order = decided ??= WorkOrder.File(new WorkOrderId(1), draft, resident, draft.Unit!.Value, start);
        for (int i = 1; i <= Loops; i++)
        {
            Demand(residentActor, Capabilities.FileOrder, order);
            Demand(post, Capabilities.TriageOrder, order);
            Demand(post, Capabilities.ClaimOrder, order);
            Demand(post, Capabilities.ResolveOrder, order);
            Demand(residentActor, Capabilities.RateOrder, order);
            Demand(post, Capabilities.CloseOrder, order);
            n += 6;
        }
        return n;
    }

    private WorkOrder? decided;

    private WorkOrder FourOrderLoop(int id) => FourOrderLoop(id, authorise: false);

    private WorkOrder WhistleLoop(int id) => WhistleLoop(id, authorise: false);

    private WorkOrder AuthorisedFourOrderLoop(int id) => FourOrderLoop(id, authorise: true);

    private WorkOrder AuthorisedWhistleLoop(int id) => WhistleLoop(id, authorise: true);

    /// <summary>The 四单 loop; with <paramref name="authorise"/>, each transition is decided first, as the service does.</summary>
    private WorkOrder FourOrderLoop(int id, bool authorise)
    {
        var at = start;
        var order = File(id, authorise);
        Step(authorise, post, Capabilities.TriageOrder, order).Triage(triageClass, cadre.Unit, limits, policy.ReminderWorkingDays, cadreActor, at);
        Step(authorise, post, Capabilities.ClaimOrder, order).Claim(cadre.Member, cadreActor, at);
        Step(authorise, post, Capabilities.ResolveOrder, order).Resolve("photo", cadreActor, at);
        Step(authorise, residentActor, Capabilities.RateOrder, order).Rate(true, null, resident, limits, policy, at);
        Step(authorise, post, Capabilities.CloseOrder, order).Close(cadreActor, null, at);
        return order;
    }

    /// <summary>The whistled loop with three departments; with <paramref name="authorise"/>, each transition is decided first.</summary>
    private WorkOrder WhistleLoop(int id, bool authorise)
    {
        var at = start;
        var order = File(id, authorise);
        Step(authorise, post, Capabilities.TriageOrder, order).Triage(triageClass, cadre.Unit, limits, policy.ReminderWorkingDays, cadreActor, at);
        Step(authorise, post, Capabilities.ClaimOrder, order).Claim(cadre.Member, cadreActor, at);
        Step(authorise, post, Capabilities.WhistleOrder, order).Whistle(summons, limits, cadreActor, null, at);
        for (int d = 0; d < Departments.Length; d++)
        {
            Step(authorise, officers[d], Capabilities.DepartmentReport, order).AcknowledgePart(Departments[d], cadreActor, at);
        }
        for (int d = 0; d < Departments.Length; d++)
        {
            Step(authorise, officers[d], Capabilities.DepartmentReport, order).ResolvePart(Departments[d], "done", cadreActor, at);
        }
        Step(authorise, post, Capabilities.ResolveOrder, order).Resolve("photo", cadreActor, at);
        Step(authorise, residentActor, Capabilities.RateOrder, order).Rate(true, null, resident, limits, policy, at);
        Step(authorise, post, Capabilities.CloseOrder, order).Close(cadreActor, null, at);
        return order;
    }

    private WorkOrder File(int id, bool authorise)
    {
        // As the service files: the new order (not yet stored) is the subject of its own filing.
        var order = WorkOrder.File(new WorkOrderId(id), draft, resident, draft.Unit!.Value, start);
        if (authorise)
        {
            Demand(residentActor, Capabilities.FileOrder, order);
        }
        return order;
    }

    private WorkOrder Step(bool authorise, Actor actor, Capability capability, WorkOrder order)
    {
        if (authorise)
        {
            Demand(actor, capability, order);
        }
        return order;
    }

    private void Demand(Actor actor, Capability capability, WorkOrder order) => Demand(actor, capability, WorkOrderService.SubjectOf(order, capability));

    private void Demand(Actor actor, Capability capability, IAuthoritySubject subject)
    {
        if (subjectsOnly)
        {
            return;
        }
        var decision = AuthorityRules.Decide(table, actor, capability, subject, index);
        if (!decision.IsAllowed)
        {
            throw new ForbiddenException(actor, capability, subject, decision);
        }
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The calling thread's CPU time in nanoseconds (CLOCK_THREAD_CPUTIME_ID), or -1 where it cannot be read.</summary>
    private static long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }
        const int ClockThreadCpuTimeId = 3;
        return ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : -1;
    }

    /// <summary>
    /// Runs one loop <paramref name="calls"/> times (after setting up): <c>plain</c>, <c>authorised</c>,
    /// <c>whistle</c>, <c>whistle-authorised</c> or <c>setup</c> (none). Under <c>perf stat</c>, the difference between
    /// two call counts divided by the transitions made is the cost of one transition in cycles and instructions.
    /// </summary>
    /// <param name="loop">Which loop.</param>
    /// <param name="calls">How many calls (each makes 1,024 loops).</param>
    public static void Spin(string loop, int calls)
    {
        var b = new WorkOrderLoopBenchmarks();
        b.Setup();
        Func<int> run = loop switch
        {
            "plain" => b.Transition_FourOrderLoop,
            "authorised" => b.Transition_FourOrderLoop_Authorised,
            "whistle" => b.Transition_WhistleLoop,
            "whistle-authorised" => b.Transition_WhistleLoop_Authorised,
            "decisions" => b.DecisionsOnly,
            "setup" => () => 0,
            _ => throw new ArgumentException($"Unknown loop '{loop}'.", nameof(loop)),
        };
        // Warm up to the optimised code (tiered compilation) before the counted calls.
        for (int w = 0; w < 50; w++)
        {
            run();
        }
        int n = 0;
        for (int i = 0; i < calls; i++)
        {
            n += run();
        }
        GC.KeepAlive(n);
    }

    /// <summary>
    /// Times the four loops in alternating rounds (plain, authorised, plain, authorised …) so that load on a shared
    /// machine falls on all of them alike, by the thread's own CPU time on Linux (time preempted by other processes is not
    /// counted; wall time elsewhere), and prints the median, minimum and maximum time per transition of each and
    /// the median overhead of authorisation, per round and overall.
    /// </summary>
    /// <remarks>
    /// A fifth loop builds every subject but decides nothing, to split the overhead between building the subject and
    /// deciding.
    /// </remarks>
    /// <param name="rounds">How many rounds.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="milliseconds">How long each loop runs in a round; shorter rounds put a plain run and its authorised run
    /// closer in time, so a change in the host's speed falls on both.</param>
    public static void Interleaved(int rounds, TextWriter output, int milliseconds = 200)
    {
        var b = new WorkOrderLoopBenchmarks();
        b.Setup();
        var s = new WorkOrderLoopBenchmarks { subjectsOnly = true };
        s.Setup();
        (string Name, Func<int> Run, int Transitions)[] loops =
        [
            ("four-order loop", b.Transition_FourOrderLoop, Loops * FourOrderTransitions),
            ("four-order loop, authorised", b.Transition_FourOrderLoop_Authorised, Loops * FourOrderTransitions),
            ("whistled loop", b.Transition_WhistleLoop, Loops * WhistleTransitions),
            ("whistled loop, authorised", b.Transition_WhistleLoop_Authorised, Loops * WhistleTransitions),
            ("four-order loop, subjects only", s.Transition_FourOrderLoop_Authorised, Loops * FourOrderTransitions),
            ("four-order decisions only", b.DecisionsOnly, Loops * FourOrderTransitions),
        ];
        var times = loops.Select(_ => new List<double>()).ToArray();
        foreach (var loop in loops)
        {
            for (int w = 0; w < 5; w++)
            {
                loop.Run();
            }
        }
        for (int r = 0; r < rounds; r++)
        {
            // Alternate the order within a round too, so neither variant always runs first.
            var order = r % 2 == 0 ? new[] { 0, 1, 2, 3, 4, 5 } : [5, 4, 1, 0, 3, 2];
            foreach (int i in order)
            {
                var (_, run, transitions) = loops[i];
                int calls = 0;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                long cpuStart = ThreadCpuNanoseconds();
                do
                {
                    run();
                    calls++;
                }
                while (watch.Elapsed.TotalMilliseconds < milliseconds);
                // On Linux, the thread's own CPU time: time the thread spent preempted by other processes is not in it.
                double elapsed = cpuStart >= 0 ? ThreadCpuNanoseconds() - cpuStart : watch.Elapsed.TotalNanoseconds;
                times[i].Add(elapsed / ((double)calls * transitions));
            }
        }
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
        var c = System.Globalization.CultureInfo.InvariantCulture;
        for (int i = 0; i < loops.Length; i++)
        {
            output.WriteLine(string.Create(c, $"{loops[i].Name,-30} median {Median(times[i]),7:F1} ns/transition (min {times[i].Min(),7:F1}, max {times[i].Max(),7:F1}, {rounds} rounds)"));
        }
        foreach (var (plain, authorised) in new[] { (0, 1), (2, 3) })
        {
            var perRound = times[plain].Zip(times[authorised], (p, a) => a / p - 1).Order().ToArray();
            double Quartile(int q) => perRound[Math.Min(perRound.Length - 1, q * perRound.Length / 4)];
            output.WriteLine(string.Create(c, $"overhead, {loops[plain].Name}: medians {Median(times[authorised]) / Median(times[plain]) - 1:P1}; median of per-round ratios {Median(perRound):P1} (quartiles {Quartile(1):P1} … {Quartile(3):P1}); fastest rounds {times[authorised].Min() / times[plain].Min() - 1:P1}"));
        }
    }
}
