using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>One random step: a command, whether a rating is satisfied, which department, and the hours since the last step.</summary>
public sealed record RandomStep(WorkOrderCommand Command, bool Satisfied, int Department, int Hours)
{
    public override string ToString() => $"{Command}{(Satisfied ? "" : "(unsatisfied)")}/d{Department}/+{Hours}h";
}

public static class WorkOrderGenerators
{
    public static Arbitrary<RandomStep[]> Steps() =>
        Gen.ArrayOf(
            from command in Gen.Elements(Enum.GetValues<WorkOrderCommand>().Where(c => c != WorkOrderCommand.File).ToArray())
            from satisfied in Gen.Frequency((2, Gen.Constant(true)), (3, Gen.Constant(false)))
            from department in Gen.Choose(0, 2)
            from hours in Gen.Choose(0, 60)
            select new RandomStep(command, satisfied, department, hours)).ToArbitrary();
}

/// <summary>Properties of the workflow under any sequence of commands.</summary>
public sealed class WorkOrderProperties
{
    private static readonly string[] Departments = ["market-regulation", "city-management", "housing"];

    [Property(Arbitrary = [typeof(WorkOrderGenerators)], MaxTest = 300)]
    public bool AnySequence_StaysInTheTable_WithARecordPerChangeAndNoneForARefusal(RandomStep[] steps) => HoldsFor(steps);

    [Fact]
    public void GeneratedScripts_StayInTheTable()
    {
        // The Testing package's scripts lean towards the 四单 loop, so they reach the later states more often.
        for (int seed = 1; seed <= 200; seed++)
        {
            var steps = GridGovernance.Testing.WorkOrderGenerator.Commands(40, seed)
                .Select((c, i) => new RandomStep(c, Satisfied: (seed + i) % 3 != 0, Department: i % 3, Hours: (seed * 7 + i) % 50)).ToArray();
            Assert.True(HoldsFor(steps), $"seed {seed}: {string.Join(" ", steps.Select(s => s.ToString()))}");
        }
    }

    private static bool HoldsFor(RandomStep[] steps)
    {
        var order = NewOrder();
        var at = Start;
        int transitions = 0;
        foreach (var step in steps)
        {
            at += Duration.FromHours(step.Hours);
            var before = (order.Status, order.Audit.Length, order.DomainEvents.Count, order.Handler, order.Parts, order.Ratings, order.DueAt);
            try
            {
                Run(order, step.Command, at, step.Satisfied, Departments[step.Department]);
            }
            catch (GridGovernanceException)
            {
                // A refusal changes nothing: same state, same records, no event, same values.
                if (before != (order.Status, order.Audit.Length, order.DomainEvents.Count, order.Handler, order.Parts, order.Ratings, order.DueAt))
                {
                    return false;
                }
                continue;
            }
            int added = order.Audit.Length - before.Length;
            // One record and one event per transition (an unsatisfied rating may add the Reopen transition too).
            if (added < 1 || added > 2 || order.DomainEvents.Count - before.Count != added)
            {
                return false;
            }
            transitions += added;
        }
        // Every record is a row of the table, chained from the previous one; the trail is complete.
        var audit = order.Audit;
        if (audit.Length != transitions + 1 || audit[0].Command != WorkOrderCommand.File || audit[^1].To != order.Status)
        {
            return false;
        }
        for (int i = 1; i < audit.Length; i++)
        {
            var r = audit[i];
            if (r.Sequence != i + 1 || r.From != audit[i - 1].To || WorkOrderWorkflow.Next(r.From!.Value, r.Command) != r.To || r.At < audit[i - 1].At)
            {
                return false;
            }
        }
        // 首问责任: once claimed, the first responder is the first claimer, whatever transfers happened.
        var firstClaim = audit.FirstOrDefault(a => a.Command == WorkOrderCommand.Claim);
        return firstClaim is null ? order.FirstResponder is null : WorkOrderActor.ForMember(order.FirstResponder!.Value) == firstClaim.Actor;
    }

    [Property(Arbitrary = [typeof(WorkOrderGenerators)], MaxTest = 200)]
    public bool Reopens_NeverExceedTheMaximum(RandomStep[] steps)
    {
        var order = NewOrder();
        var at = Start;
        foreach (var step in steps)
        {
            at += Duration.FromHours(step.Hours + 1);
            try
            {
                Run(order, step.Command, at, step.Satisfied, Departments[step.Department]);
            }
            catch (GridGovernanceException)
            {
            }
        }
        int reopens = order.Audit.Count(a => a.Command == WorkOrderCommand.Reopen);
        return reopens == order.Reopens && reopens <= Policy.MaxReopens;
    }
}
