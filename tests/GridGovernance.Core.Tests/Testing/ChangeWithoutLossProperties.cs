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
            ChangeStepKind.ProjectPublish, ChangeStepKind.ProjectClaim, ChangeStepKind.ProjectComplete,
        })
        {
            steps.Add(new ChangeStep(kind, steps.Count, 2 * steps.Count));
        }

        var run = await ChangeWithoutLoss.RunAsync(city, steps);

        Assert.True(run.Holds, run.Violation);
        Assert.True(run.Applied >= steps.Count / 2, $"only {run.Applied} of {steps.Count} steps applied ({run.Refused} refused)");
    }

    /// <summary>
    /// A project's whole life (propose, open, list, claim, sign, deliver, complete with awards), with the claimant
    /// community merged away between the claim and the signature: every step applies (the claim follows the successor,
    /// whose secretary signs), and every invariant holds after each, the awards' included.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AProjectsLife_InterleavedWithAMerge_AppliesEveryStep_AndKeepsEveryInvariant(int merged)
    {
        var city = CityGenerator.Generate(new CitySize("projects", 2, 4, new(2, 2), new(1, 1), new(3, 4), new(2, 3), new(0, 0)), 7);
        ChangeStep[] steps =
        [
            new(ChangeStepKind.ProjectPublish, 0, 0), // propose on community 0
            new(ChangeStepKind.ProjectPublish, 0, 0), // open it
            new(ChangeStepKind.ProjectClaim, 0, 1), // community 1 lists its resources
            new(ChangeStepKind.ProjectClaim, 0, 1), // and claims the project
            new(ChangeStepKind.Merge, merged, 2 * ((merged + 1) % 4)), // a merge of two communities, the claimant's or not
            new(ChangeStepKind.ProjectComplete, 0, 0), // the claimant (or its successor) signs
            new(ChangeStepKind.ProjectComplete, 0, 0), // delivery starts
            new(ChangeStepKind.ProjectComplete, 0, 1), // completed, with the awards of the members who served
        ];

        var run = await ChangeWithoutLoss.RunAsync(city, steps);

        Assert.True(run.Holds, run.Violation);
        Assert.Equal((steps.Length, 0), (run.Applied, run.Refused));
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
