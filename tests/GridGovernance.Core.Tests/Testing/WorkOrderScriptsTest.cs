using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;

namespace GridGovernance.Tests.Testing;

public sealed class WorkOrderScriptsTest
{
    [Property(MaxTest = 60)]
    public Property EveryLegalScript_AppliesWithoutAnException_AndEndsInTheExpectedState() =>
        Prop.ForAll(Arb.From(WorkOrderScripts.LegalGen(), WorkOrderScripts.ShrinkScript), script =>
        {
            using var runner = WorkOrderScriptRunner.StartAsync(script).GetAwaiter().GetResult();
            WorkOrder order = runner.GetAsync().GetAwaiter().GetResult();
            foreach (var step in script.Steps)
            {
                order = runner.ApplyAsync(step).GetAwaiter().GetResult();
            }
            return script.IsLegal && order.Status == script.ExpectedStatus && order.Audit.Length >= script.Steps.Count + 1;
        });

    [Property(Arbitrary = [typeof(WorkOrderScripts)], MaxTest = 60)]
    public bool EveryIllegalStep_ThrowsTheTransitionException_AndLeavesTheOrderUnchanged(WorkOrderScript script)
    {
        using var runner = WorkOrderScriptRunner.StartAsync(script).GetAwaiter().GetResult();
        var order = runner.GetAsync().GetAwaiter().GetResult();
        foreach (var step in script.Steps)
        {
            if (step.Legal)
            {
                order = runner.ApplyAsync(step).GetAwaiter().GetResult();
                continue;
            }
            var before = order;
            try
            {
                runner.ApplyAsync(step).GetAwaiter().GetResult();
                return false;
            }
            catch (IllegalTransitionException refused) when (refused.Command == step.Command.ToString() && refused.From == before.Status.ToString())
            {
            }
            order = runner.GetAsync().GetAwaiter().GetResult();
            if ((order.Status, order.Version, order.Audit.Length, order.Handler, order.Parts.Length) != (before.Status, before.Version, before.Audit.Length, before.Handler, before.Parts.Length))
            {
                return false;
            }
        }
        return order.Status == script.ExpectedStatus;
    }

    [Property(Arbitrary = [typeof(WorkOrderScripts)], MaxTest = 30)]
    public bool RunAsync_AssertsTheMarks(WorkOrderScript script)
    {
        using var runner = WorkOrderScriptRunner.StartAsync(script).GetAwaiter().GetResult();
        return runner.RunAsync(script).GetAwaiter().GetResult().Status == script.ExpectedStatus;
    }

    [Fact]
    public async Task RunAsync_FailsWhenAStepIsMarkedWrongly()
    {
        // Claiming a filed order is illegal; a script that marks it legal must not pass.
        var wrong = new WorkOrderScript("parking", WorkOrderUrgency.Routine, [new WorkOrderStep(WorkOrderCommand.Claim, Legal: true)], WorkOrderStatus.Claimed);
        using var runner = await WorkOrderScriptRunner.StartAsync(wrong);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => runner.RunAsync(wrong));

        var alsoWrong = new WorkOrderScript("parking", WorkOrderUrgency.Routine, [new WorkOrderStep(WorkOrderCommand.Triage, Legal: false)], WorkOrderStatus.Filed);
        using var second = await WorkOrderScriptRunner.StartAsync(alsoWrong);
        await Assert.ThrowsAnyAsync<Exception>(() => second.RunAsync(alsoWrong));
    }

    [Fact]
    public async Task ARemindStep_WithNoReminderDue_FailsLoudly()
    {
        var script = new WorkOrderScript("parking", WorkOrderUrgency.Routine, [new WorkOrderStep(WorkOrderCommand.Remind, Legal: true)], WorkOrderStatus.Filed);
        using var runner = await WorkOrderScriptRunner.StartAsync(script);
        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.ApplyAsync(script.Steps[0]));
        var triaged = await runner.ApplyAsync(new WorkOrderStep(WorkOrderCommand.Triage, Legal: true));
        var reminded = await runner.ApplyAsync(script.Steps[0]);
        Assert.Equal(WorkOrderCommand.Remind, reminded.Audit[^1].Command);
        Assert.True(runner.Clock.GetCurrentInstant() >= triaged.RemindAt);
        Assert.Null(reminded.RemindAt);
    }

    [Fact]
    public void Scripts_ReachEveryState_WhistleAndReopen_AndMixIllegalSteps()
    {
        var legal = Samples.Draw(WorkOrderScripts.LegalGen(), 600, seed: 9, size: 40);
        Assert.All(Enum.GetValues<WorkOrderStatus>(), status => Assert.Contains(legal, s => s.ExpectedStatus == status));
        Assert.Contains(legal, s => s.Steps.Any(st => st.Command == WorkOrderCommand.ResolvePart));
        Assert.Contains(legal, s => s.Steps.Any(st => st.Command == WorkOrderCommand.Rate && !st.Satisfied));
        Assert.Contains(legal, s => s.Steps.Any(st => st.Command == WorkOrderCommand.Remind));
        Assert.All(legal, s => Assert.True(s.IsLegal));
        var mixed = Samples.Draw(WorkOrderScripts.MixedGen(), 300, seed: 9, size: 40);
        Assert.Contains(mixed, s => !s.IsLegal);
        Assert.All(mixed.SelectMany(s => s.Steps), step => Assert.Contains(step.Command, WorkOrderScripts.StepCommands));
        Assert.DoesNotContain(mixed.SelectMany(s => s.Steps), step => !step.Legal && step.Command == WorkOrderCommand.Remind);
    }

    [Fact]
    public void ShrinkScript_GivesPrefixesWithTheirOwnExpectedState()
    {
        var script = Samples.Draw(WorkOrderScripts.LegalGen(), 50, seed: 3, size: 40).First(s => s.Steps.Count >= 4);
        var shrinks = WorkOrderScripts.ShrinkScript(script).ToList();
        Assert.Equal(WorkOrderStatus.Filed, shrinks[0].ExpectedStatus);
        Assert.All(shrinks, s => Assert.Equal(script.Steps.Take(s.Steps.Count), s.Steps));
        Assert.All(shrinks, s => Assert.True(s.Steps.Count < script.Steps.Count));
    }
}
