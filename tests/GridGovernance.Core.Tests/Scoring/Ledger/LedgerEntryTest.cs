using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Algorithms;
using NodaTime;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>The ledger entry's transition table, checked on the aggregate itself for every pair of states.</summary>
public sealed class LedgerEntryTest
{
    private static readonly Instant At = Instant.FromUtc(2024, 5, 1, 2, 0);
    private static readonly LedgerActor Actor = LedgerActor.ForMember(M4);

    public static TheoryData<LedgerEntryStatus, LedgerEntryStatus> AllPairs() => StatePairs.All<LedgerEntryStatus, LedgerEntryStatus>();

    [Fact]
    public void Workflow_IsExactlyTheThreeDocumentedTransitions()
    {
        Assert.Equal(
            [(LedgerEntryStatus.Declared, LedgerEntryStatus.Approved), (LedgerEntryStatus.Declared, LedgerEntryStatus.Rejected), (LedgerEntryStatus.Approved, LedgerEntryStatus.Reversed)],
            LedgerEntryWorkflow.Transitions.ToArray());
        Assert.Empty(LedgerEntryWorkflow.From(LedgerEntryStatus.Rejected));
        Assert.Empty(LedgerEntryWorkflow.From(LedgerEntryStatus.Reversed));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Move_FollowsTheTable_AndOtherwiseThrowsNamingFromToAndActor(LedgerEntryStatus from, LedgerEntryStatus to)
    {
        var entry = InState(from);
        Assert.Equal(from, entry.Status);

        var move = Move(entry, to);
        if (LedgerEntryWorkflow.Allows(from, to))
        {
            move();
            Assert.Equal(to, entry.Status);
        }
        else
        {
            var e = Assert.Throws<IllegalTransitionException>(move);
            Assert.Equal((from.ToString(), to.ToString(), Actor.Value), (e.From, e.To, e.Actor));
            Assert.Equal(ErrorCodes.LedgerIllegalTransition, e.Code);
            Assert.Contains($"from {from} to {to}", e.Message);
            Assert.Contains(Actor.Value, e.Message);
            Assert.Contains("ledger:7", e.Message);
            Assert.Equal(from, entry.Status);
        }
    }

    [Fact]
    public void Reversal_CannotBeReversed()
    {
        var original = InState(LedgerEntryStatus.Approved);
        var reversal = LedgerEntry.CreateReversal(new LedgerEntryId(8), original, "reversal-of:7", Actor, "twice", At);

        var e = Assert.Throws<GridGovernanceException>(() => reversal.MarkReversed(new LedgerEntryId(9), Actor, "undo"));
        Assert.Equal(ErrorCodes.LedgerReversalNotReversible, e.Code);
        Assert.Equal(LedgerEntryStatus.Approved, reversal.Status);
    }

    [Fact]
    public void Id_IsPositiveAndOrdered()
    {
        Assert.Throws<GridGovernanceValidationException>(() => new LedgerEntryId(0));
        Assert.True(new LedgerEntryId(1) < new LedgerEntryId(2));
        Assert.Equal("ledger:12", new LedgerEntryId(12).ToString());
        Assert.False(default(LedgerEntryId).IsSpecified);
    }

    [Fact]
    public void Actor_KnowsMembersAndSystems()
    {
        Assert.True(LedgerActor.ForMember(M3).TryGetMember(out var member));
        Assert.Equal(M3, member);
        Assert.False(LedgerActor.ForSystem("claims").IsMember);
        Assert.Equal("system:claims", LedgerActor.ForSystem(" claims ").Value);
        Assert.Throws<GridGovernanceValidationException>(() => new LedgerActor(" "));
        Assert.Throws<GridGovernanceValidationException>(() => LedgerActor.ForMember(default));
    }

    private static LedgerEntry InState(LedgerEntryStatus status)
    {
        var request = Request(M1, "themed-party-day", D(4, 1), "k");
        var id = new LedgerEntryId(7);
        switch (status)
        {
            case LedgerEntryStatus.Declared:
                return LedgerEntry.Declare(id, Book.Id, request, P(1), LedgerActor.ForMember(M1), At);
            case LedgerEntryStatus.Approved:
                return LedgerEntry.Record(id, Book.Id, LedgerSource.ContactVisit, request, P(1), Actor, At);
            case LedgerEntryStatus.Rejected:
                var rejected = InState(LedgerEntryStatus.Declared);
                rejected.Reject(Secretary100, LedgerActor.Of(Secretary100), "no", At);
                return rejected;
            default:
                var reversed = InState(LedgerEntryStatus.Approved);
                reversed.MarkReversed(new LedgerEntryId(8), Actor, "wrong");
                return reversed;
        }
    }

    private static Action Move(LedgerEntry entry, LedgerEntryStatus to)
    {
        var reviewer = Admin;
        return to switch
        {
            LedgerEntryStatus.Approved => () => entry.Approve(reviewer, LedgerActor.Of(reviewer), P(1), null, At),
            LedgerEntryStatus.Rejected => () => entry.Reject(reviewer, LedgerActor.Of(reviewer), "no", At),
            LedgerEntryStatus.Reversed => () => entry.MarkReversed(new LedgerEntryId(9), Actor, "wrong"),
            // Nothing moves an entry back to Declared; the table check is what would refuse it.
            _ => () => entry.CheckCanMove(to, Actor),
        };
    }
}
