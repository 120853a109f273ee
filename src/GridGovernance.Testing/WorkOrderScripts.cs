using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using GridGovernance.WorkOrders;

namespace GridGovernance.Testing;

/// <summary>
/// FsCheck arbitraries for work-order command sequences (四单: 群众下单 → 三事分流 → 干部领单 → 吹哨报到 → 办结 → 评价).
/// A model of the order (its state, its departments' parts, its handler, how far it can still escalate, its reopens)
/// picks each next step, so a legal script applies step by step through <see cref="WorkOrderService"/> without an
/// exception, and an illegal step is one that <see cref="WorkOrderWorkflow.Transitions"/> has no row for in the state
/// the model is in. Use with <c>[Property(Arbitrary = new[] { typeof(WorkOrderScripts) })]</c> and a
/// <see cref="WorkOrderScript"/> parameter (legal and illegal steps mixed), or <see cref="LegalGen"/> for legal ones
/// only; run them with <see cref="WorkOrderScriptRunner"/>.
/// </summary>
/// <remarks>
/// Scripts assume <see cref="WorkOrderPolicy.Default"/> and a handling chain grid → community → street → district,
/// which is what <see cref="WorkOrderScriptRunner"/> sets up. A reminder (<see cref="WorkOrderCommand.Remind"/>) is
/// given by the reminder scan once it is due, so it is only ever a legal step (the scan passes over an order that
/// is not due rather than refusing it). Scripts shrink to their prefixes, which are scripts too.
/// </remarks>
public static class WorkOrderScripts
{
    /// <summary>The departments scripts summon (吹哨报到).</summary>
    public static ImmutableArray<string> Departments { get; } = ["market-regulation", "city-management", "housing"];

    /// <summary>The categories scripts file: two the standard triage sends to the community, two to the grid.</summary>
    public static ImmutableArray<string> Categories { get; } = ["leak", "dispute", "parking", "streetlight"];

    /// <summary>The commands a script step may give (all but File, Reopen, and FollowSuccessor and ReleaseHandler, which a restructure gives).</summary>
    public static ImmutableArray<WorkOrderCommand> StepCommands { get; } =
        [.. Enum.GetValues<WorkOrderCommand>().Where(c => c is not (WorkOrderCommand.File or WorkOrderCommand.Reopen or WorkOrderCommand.FollowSuccessor or WorkOrderCommand.ReleaseHandler))];

    /// <summary>Scripts of legal and illegal steps (about one in five illegal), shrinking to prefixes.</summary>
    public static Arbitrary<WorkOrderScript> Script() => Arb.From(MixedGen(), ShrinkScript);

    /// <summary>Scripts of legal and illegal steps, up to (size / 2 + 2) steps long.</summary>
    public static Gen<WorkOrderScript> MixedGen() => ScriptGen(illegalWeight: 1);

    /// <summary>Scripts of legal steps only, up to (size / 2 + 2) steps long; a script stops early when the order is closed.</summary>
    public static Gen<WorkOrderScript> LegalGen() => ScriptGen(illegalWeight: 0);

    /// <summary>The prefixes of a script (empty, half, all but the last step): each is a script whose steps keep their marks.</summary>
    /// <param name="script">The script to shrink.</param>
    public static IEnumerable<WorkOrderScript> ShrinkScript(WorkOrderScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        int n = script.Steps.Count;
        foreach (int length in new[] { 0, n / 2, n - 1 }.Where(l => l >= 0 && l < n).Distinct())
        {
            var steps = script.Steps.Take(length).ToArray();
            yield return script with { Steps = steps, ExpectedStatus = Replay(script.Category, script.Urgency, steps).Status };
        }
    }

    private static Gen<WorkOrderScript> ScriptGen(int illegalWeight) =>
        Gen.Sized(size =>
            from category in Gen.Elements(Categories.ToArray())
            from urgency in Gen.Frequency((6, Gen.Constant(WorkOrderUrgency.Routine)), (2, Gen.Constant(WorkOrderUrgency.Urgent)), (1, Gen.Constant(WorkOrderUrgency.Critical)))
            from length in Gen.Choose(0, size / 2 + 2)
            from steps in StepsGen(Model.Filed(category, urgency), length, illegalWeight)
            select new WorkOrderScript(category, urgency, steps, Replay(category, urgency, steps).Status));

    private static Gen<WorkOrderStep[]> StepsGen(Model start, int length, int illegalWeight)
    {
        var gen = Gen.Constant((Model: start, Steps: ImmutableList<WorkOrderStep>.Empty));
        for (int i = 0; i < length; i++)
        {
            gen = gen.SelectMany(state => NextGen(state.Model, illegalWeight).Select(step =>
                step is null ? state : (state.Model.After(step), state.Steps.Add(step))));
        }
        return gen.Select(state => state.Steps.ToArray());
    }

    /// <summary>The next step from <paramref name="model"/>, or <c>null</c> when there is none to give.</summary>
    private static Gen<WorkOrderStep?> NextGen(Model model, int illegalWeight)
    {
        var legal = model.LegalSteps().ToList();
        // An escalation with no level above fails on the path before the table; a reminder that is not due is skipped, not refused.
        var illegal = StepCommands.Where(c => !WorkOrderWorkflow.Allows(model.Status, c) && (c != WorkOrderCommand.Escalate || model.EscalationsLeft > 0) && c != WorkOrderCommand.Remind).ToList();
        var choices = new List<(int, Gen<WorkOrderStep?>)>();
        if (legal.Count > 0)
        {
            // Closing ends a script, so it is drawn rarely: most scripts get further into the loop.
            choices.Add((4, Gen.Frequency(legal.Select(s => (s.Command == WorkOrderCommand.Close ? 1 : 8, Gen.Constant<WorkOrderStep?>(s))))));
        }
        if (illegalWeight > 0 && illegal.Count > 0)
        {
            choices.Add((illegalWeight, Gen.Elements(illegal.ToArray()).Select(c => (WorkOrderStep?)new WorkOrderStep(c, Legal: false))));
        }
        if (choices.Count == 0)
        {
            return Gen.Constant<WorkOrderStep?>(null);
        }
        return from step in Gen.Frequency(choices.ToArray())
               from hours in Gen.Choose(0, 48)
               select step is null ? null : step with { Hours = hours };
    }

    private static Model Replay(string category, WorkOrderUrgency urgency, IEnumerable<WorkOrderStep> steps) =>
        steps.Aggregate(Model.Filed(category, urgency), (model, step) => model.After(step));

    /// <summary>What a script knows of its order: enough to tell which steps the order accepts.</summary>
    private sealed record Model(
        WorkOrderStatus Status,
        ImmutableDictionary<string, DepartmentPartStatus> Parts,
        int? Handler,
        int EscalationsLeft,
        int EscalationsAfterTriage,
        int Reopens,
        bool RemindPending)
    {
        public static Model Filed(string category, WorkOrderUrgency urgency)
        {
            var level = WorkOrderPolicy.Default.Triage.Classify(category, urgency).Level;
            // Filed at a grid: three levels above it; triage moves the order to its class's level.
            return new(WorkOrderWorkflow.InitialStatus, ImmutableDictionary<string, DepartmentPartStatus>.Empty, null,
                HandlingLevel.District - HandlingLevel.Grid, HandlingLevel.District - level, 0, RemindPending: false);
        }

        public IEnumerable<WorkOrderStep> LegalSteps()
        {
            foreach (var command in StepCommands.Where(c => WorkOrderWorkflow.Allows(Status, c)))
            {
                switch (command)
                {
                    case WorkOrderCommand.Claim:
                        yield return new(command, true) { Official = 0 };
                        yield return new(command, true) { Official = 1 };
                        break;
                    case WorkOrderCommand.Transfer when Handler is int handler:
                        yield return new(command, true) { Official = 1 - handler };
                        break;
                    case WorkOrderCommand.Escalate when EscalationsLeft > 0:
                    case WorkOrderCommand.Remind when RemindPending:
                        yield return new(command, true);
                        break;
                    case WorkOrderCommand.Whistle:
                        foreach (var d in Departments.Where(d => !Parts.ContainsKey(d)))
                        {
                            yield return new(command, true) { Department = d };
                        }
                        break;
                    case WorkOrderCommand.AcknowledgePart:
                    case WorkOrderCommand.ResolvePart:
                        var wanted = command == WorkOrderCommand.AcknowledgePart ? DepartmentPartStatus.Summoned : DepartmentPartStatus.Acknowledged;
                        foreach (var d in Departments.Where(d => Parts.TryGetValue(d, out var s) && s == wanted))
                        {
                            yield return new(command, true) { Department = d };
                        }
                        break;
                    case WorkOrderCommand.Resolve when Parts.Values.All(s => s == DepartmentPartStatus.Resolved):
                        yield return new(command, true);
                        break;
                    case WorkOrderCommand.Rate:
                        yield return new(command, true) { Satisfied = true };
                        yield return new(command, true) { Satisfied = false };
                        break;
                    case WorkOrderCommand.Triage:
                    case WorkOrderCommand.Supervise:
                    case WorkOrderCommand.Close:
                    case WorkOrderCommand.RecordDeliberation:
                        yield return new(command, true);
                        break;
                }
            }
        }

        public Model After(WorkOrderStep step)
        {
            if (!step.Legal)
            {
                return this;
            }
            var next = this with { Status = WorkOrderWorkflow.Next(Status, step.Command) ?? throw new InvalidOperationException($"{step} is not legal in {Status}.") };
            return step.Command switch
            {
                // Triage, escalation and reopening start a limit with a reminder; the reminder and closing end it.
                WorkOrderCommand.Triage => next with { EscalationsLeft = EscalationsAfterTriage, RemindPending = true },
                WorkOrderCommand.Claim => next with { Handler = step.Official },
                WorkOrderCommand.Transfer => next with { Handler = null },
                WorkOrderCommand.Escalate => next with { EscalationsLeft = EscalationsLeft - 1, RemindPending = true },
                WorkOrderCommand.Remind or WorkOrderCommand.Close => next with { RemindPending = false },
                WorkOrderCommand.Whistle => next with { Parts = Parts.Add(step.Department, DepartmentPartStatus.Summoned) },
                WorkOrderCommand.AcknowledgePart => next with { Parts = Parts.SetItem(step.Department, DepartmentPartStatus.Acknowledged) },
                WorkOrderCommand.ResolvePart => next with { Parts = Parts.SetItem(step.Department, DepartmentPartStatus.Resolved) },
                WorkOrderCommand.Rate when !step.Satisfied && Reopens < WorkOrderPolicy.Default.MaxReopens =>
                    next with { Status = WorkOrderStatus.Reopened, Reopens = Reopens + 1, RemindPending = true },
                _ => next,
            };
        }
    }
}
