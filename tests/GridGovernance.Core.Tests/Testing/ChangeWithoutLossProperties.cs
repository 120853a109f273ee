using FsCheck.Xunit;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GridGovernance.Tests.Testing;

/// <summary>
/// Issue 13's model-based property, from the Testing package: random interleavings of organisation changes and
/// workflow commands on small generated cities keep every invariant of <see cref="ChangeWithoutLoss"/> after every step.
/// </summary>
public sealed class ChangeWithoutLossProperties
{
    [Property(Arbitrary = new[] { typeof(ChangeWithoutLoss) }, MaxTest = 15)]
    public void RandomChangesAndCommands_KeepEveryInvariant(ChangeScenario scenario)
    {
        var run = ChangeWithoutLoss.RunAsync(scenario.City, scenario.Steps).GetAwaiter().GetResult();
        Assert.True(run.Holds, run.Violation);
    }

    [Fact]
    public async Task AScriptThatTouchesEveryKindOfStep_Holds_AndMostStepsApply()
    {
        var city = CityGenerator.Generate(new CitySize("model", 2, 4, new(2, 2), new(1, 1), new(4, 5), new(4, 6), new(1, 1)), 3);
        var steps = new List<ChangeStep>();
        foreach (var kind in new[]
        {
            ChangeStepKind.File, ChangeStepKind.File, ChangeStepKind.Triage, ChangeStepKind.Triage, ChangeStepKind.Claim, ChangeStepKind.Whistle,
            ChangeStepKind.Declare, ChangeStepKind.Approve, ChangeStepKind.LogContact, ChangeStepKind.Merge, ChangeStepKind.Complete,
            ChangeStepKind.Complete, ChangeStepKind.Complete, ChangeStepKind.MemberLeaves, ChangeStepKind.RoleChange, ChangeStepKind.DualRegistration,
            ChangeStepKind.Escalate, ChangeStepKind.Split, ChangeStepKind.Move, ChangeStepKind.Close, ChangeStepKind.Publish,
        })
        {
            steps.Add(new ChangeStep(kind, steps.Count, 2 * steps.Count));
        }

        var run = await ChangeWithoutLoss.RunAsync(city, steps);

        Assert.True(run.Holds, run.Violation);
        Assert.True(run.Applied >= steps.Count / 2, $"only {run.Applied} of {steps.Count} steps applied ({run.Refused} refused)");
    }

    [Fact]
    public async Task AnOrderThatCannotEscalate_IsCaught_NamingTheStep()
    {
        var city = CityGenerator.Generate(new CitySize("tiny", 1, 1, new(1, 1), new(1, 1), new(2, 2), new(2, 2), new(0, 0)), 1);

        var run = await ChangeWithoutLoss.RunAsync(city, [new ChangeStep(ChangeStepKind.File, 0, 1)],
            s => s.AddScoped<IEscalationPath, NowhereToGo>()); // registered first, so the library's path is not used

        Assert.False(run.Holds);
        Assert.Contains("step 0 File(0, 1)", run.Violation, StringComparison.Ordinal);
        Assert.Contains("escalation stops", run.Violation, StringComparison.Ordinal);
    }

    private sealed class NowhereToGo : IEscalationPath
    {
        public Task<OrgUnitId?> NextAsync(OrgUnitId from, LocalDate asOf, CancellationToken cancellationToken = default) => Task.FromResult<OrgUnitId?>(null);
    }
}
