using GridGovernance.WorkOrders;
using C = GridGovernance.WorkOrders.WorkOrderCommand;
using S = GridGovernance.WorkOrders.WorkOrderStatus;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// The work-order loop as the specification states it (四单: filed → triaged → claimed → optional whistle → resolved →
/// rated → closed, reopened when the resident is not satisfied), checked through <see cref="WorkOrderWorkflow"/>'s
/// queries only — not through the shape of the table that holds it.
/// </summary>
public sealed class WorkOrderWorkflowTest
{
    /// <summary>Every allowed step, from the specification; nothing else is allowed.</summary>
    private static readonly (S From, C Command, S To)[] Allowed =
    [
        (S.Filed, C.Triage, S.Triaged), (S.Filed, C.Supervise, S.Filed), (S.Filed, C.Close, S.Closed),
        (S.Triaged, C.Claim, S.Claimed), (S.Triaged, C.Supervise, S.Triaged), (S.Triaged, C.Remind, S.Triaged),
        (S.Triaged, C.Escalate, S.Triaged), (S.Triaged, C.Whistle, S.Whistled), (S.Triaged, C.RecordDeliberation, S.Triaged),
        (S.Claimed, C.Transfer, S.Triaged), (S.Claimed, C.Supervise, S.Claimed), (S.Claimed, C.Remind, S.Claimed),
        (S.Claimed, C.Escalate, S.Claimed), (S.Claimed, C.Whistle, S.Whistled), (S.Claimed, C.Resolve, S.Resolved),
        (S.Claimed, C.RecordDeliberation, S.Claimed),
        (S.Whistled, C.Whistle, S.Whistled), (S.Whistled, C.AcknowledgePart, S.Whistled), (S.Whistled, C.ResolvePart, S.Whistled),
        (S.Whistled, C.Supervise, S.Whistled), (S.Whistled, C.Remind, S.Whistled), (S.Whistled, C.Escalate, S.Whistled),
        (S.Whistled, C.Resolve, S.Resolved), (S.Whistled, C.RecordDeliberation, S.Whistled),
        (S.Resolved, C.Rate, S.Rated), (S.Resolved, C.Close, S.Closed), (S.Resolved, C.RecordDeliberation, S.Resolved),
        (S.Rated, C.Reopen, S.Reopened), (S.Rated, C.Close, S.Closed), (S.Rated, C.RecordDeliberation, S.Rated),
        (S.Reopened, C.Claim, S.Claimed), (S.Reopened, C.Resolve, S.Resolved), (S.Reopened, C.Whistle, S.Whistled),
        (S.Reopened, C.Supervise, S.Reopened), (S.Reopened, C.Remind, S.Reopened), (S.Reopened, C.Escalate, S.Reopened),
        (S.Reopened, C.RecordDeliberation, S.Reopened),
        (S.Filed, C.FollowSuccessor, S.Filed), (S.Triaged, C.FollowSuccessor, S.Triaged), (S.Claimed, C.FollowSuccessor, S.Claimed),
        (S.Whistled, C.FollowSuccessor, S.Whistled), (S.Resolved, C.FollowSuccessor, S.Resolved), (S.Rated, C.FollowSuccessor, S.Rated),
        (S.Reopened, C.FollowSuccessor, S.Reopened),
        (S.Whistled, C.ReleaseHandler, S.Whistled), (S.Resolved, C.ReleaseHandler, S.Resolved), (S.Rated, C.ReleaseHandler, S.Rated),
        (S.Reopened, C.ReleaseHandler, S.Reopened),
    ];

    public static TheoryData<S, C> EveryPair()
    {
        var data = new TheoryData<S, C>();
        foreach (var from in Enum.GetValues<S>())
        {
            foreach (var command in Enum.GetValues<C>())
            {
                data.Add(from, command);
            }
        }
        return data;
    }

    private static S? Expected(S from, C command) =>
        Allowed.Where(t => t.From == from && t.Command == command).Select(t => (S?)t.To).SingleOrDefault();

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Next_IsTheSpecifiedStep_OrNull(S from, C command) =>
        Assert.Equal(Expected(from, command), WorkOrderWorkflow.Next(from, command));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Allows_ExactlyTheSpecifiedSteps(S from, C command) =>
        Assert.Equal(Expected(from, command) is not null, WorkOrderWorkflow.Allows(from, command));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void IntendedTarget_IsTheStepWhenAllowed(S from, C command)
    {
        if (WorkOrderWorkflow.Next(from, command) is S to)
        {
            Assert.Equal(to, WorkOrderWorkflow.IntendedTarget(from, command));
        }
    }

    [Fact]
    public void From_ListsTheStepsOfOneStateOnly()
    {
        foreach (var from in Enum.GetValues<S>())
        {
            var listed = WorkOrderWorkflow.From(from).Select(t => (t.From, t.Command, t.To)).OrderBy(t => t.Command).ToArray();

            Assert.Equal(Allowed.Where(t => t.From == from).OrderBy(t => t.Command).ToArray(), listed);
        }
    }

    [Theory]
    [InlineData(S.Closed, C.Claim, S.Claimed)] // a command that moves: named by where it leads
    [InlineData(S.Closed, C.Triage, S.Triaged)]
    [InlineData(S.Filed, C.Resolve, S.Resolved)]
    [InlineData(S.Filed, C.Rate, S.Rated)]
    [InlineData(S.Claimed, C.Reopen, S.Reopened)]
    [InlineData(S.Rated, C.Whistle, S.Whistled)] // moves from some states, stays in one: still one target
    [InlineData(S.Closed, C.Close, S.Closed)]
    [InlineData(S.Closed, C.Supervise, S.Closed)] // a command that records without moving: the current state
    [InlineData(S.Filed, C.Transfer, S.Triaged)] // a transfer hands the order back to be claimed by the new unit
    [InlineData(S.Rated, C.Remind, S.Rated)]
    [InlineData(S.Resolved, C.Escalate, S.Resolved)]
    [InlineData(S.Claimed, C.AcknowledgePart, S.Claimed)]
    [InlineData(S.Reopened, C.ResolvePart, S.Reopened)]
    [InlineData(S.Closed, C.RecordDeliberation, S.Closed)]
    [InlineData(S.Triaged, C.File, S.Triaged)] // a command with no step at all: the current state
    [InlineData(S.Closed, C.FollowSuccessor, S.Closed)] // a closed order stays where it was closed
    public void IntendedTarget_OfARefusedCommand(S from, C command, S expected)
    {
        Assert.False(WorkOrderWorkflow.Allows(from, command));
        Assert.Equal(expected, WorkOrderWorkflow.IntendedTarget(from, command));
    }

    [Theory]
    [InlineData(S.Filed, true)]
    [InlineData(S.Triaged, true)]
    [InlineData(S.Claimed, true)]
    [InlineData(S.Whistled, true)]
    [InlineData(S.Reopened, true)]
    [InlineData(S.Resolved, false)]
    [InlineData(S.Rated, false)]
    [InlineData(S.Closed, false)]
    public void IsOpen_UntilResolved(S status, bool open) => Assert.Equal(open, WorkOrderWorkflow.IsOpen(status));

    [Fact]
    public void InitialStatus_IsFiled_AndClosedIsFinal()
    {
        Assert.Equal(S.Filed, WorkOrderWorkflow.InitialStatus);
        Assert.All(Enum.GetValues<C>(), c => Assert.Null(WorkOrderWorkflow.Next(S.Closed, c)));
        Assert.Empty(WorkOrderWorkflow.From(S.Closed));
    }
}
