using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Algorithms;
using NodaTime;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>The publication's and the objection's transition tables, checked on the aggregate for every pair of states.</summary>
public sealed class PublicationWorkflowTest
{
    private static readonly Instant At = Instant.FromUtc(2024, 4, 2, 2, 0);

    // The aggregate's own methods take the stored audit form of the actor.
    private static readonly LedgerActor Admin = LedgerActor.Of(LedgerFixture.Admin);

    public static TheoryData<PublicationStatus, PublicationStatus> PublicationPairs() => StatePairs.All<PublicationStatus, PublicationStatus>();

    public static TheoryData<ObjectionStatus, ObjectionStatus> ObjectionPairs() => StatePairs.All<ObjectionStatus, ObjectionStatus>();

    [Theory]
    [MemberData(nameof(PublicationPairs))]
    public void Publication_FollowsTheTable_AndOtherwiseThrowsNamingFromToAndActor(PublicationStatus from, PublicationStatus to)
    {
        var publication = Published();
        if (from == PublicationStatus.Frozen)
        {
            publication.Freeze(Admin, D(4, 10));
        }
        // Nothing moves a publication back to Published; the table is what would refuse it.
        Action move = to == PublicationStatus.Frozen
            ? () => publication.Freeze(Admin, D(4, 10))
            : () => PublicationWorkflow.Table.Apply(publication.Status, to, $"{nameof(PeriodPublication)} {publication.Id}", publication.Id, Admin.Value);

        if (PublicationWorkflow.Allows(from, to))
        {
            move();
            Assert.Equal(to, publication.Status);
        }
        else
        {
            var e = Assert.Throws<IllegalTransitionException>(move);
            Assert.Equal((ErrorCodes.LedgerIllegalTransition, from.ToString(), to.ToString(), Admin.Value, (object)publication.Id),
                (e.Code, e.From, e.To, e.Actor, e.AggregateId));
            Assert.Equal(PublicationWorkflow.From(from).Select(t => t.To.ToString()), e.Allowed);
            Assert.Equal(from, publication.Status);
        }
    }

    [Theory]
    [MemberData(nameof(ObjectionPairs))]
    public void Objection_FollowsTheTable_AndOtherwiseThrowsNamingFromToAndActor(ObjectionStatus from, ObjectionStatus to)
    {
        var publication = Published();
        publication.RaiseObjection(Admin, null, "check", D(4, 3));
        if (from != ObjectionStatus.Open)
        {
            publication.ResolveObjection(1, from, "first", Admin, D(4, 3));
        }

        void Move() => publication.ResolveObjection(1, to, "second", Admin, D(4, 4));

        if (PublicationWorkflow.Allows(from, to))
        {
            Move();
            Assert.Equal(to, publication.Objections[0].Status);
        }
        else
        {
            var e = Assert.Throws<IllegalTransitionException>(Move);
            Assert.Equal((ErrorCodes.LedgerIllegalTransition, from.ToString(), to.ToString(), Admin.Value), (e.Code, e.From, e.To, e.Actor));
            Assert.Contains($"Objection 1 of {publication.Id}", e.Message);
            Assert.Equal(from, publication.Objections[0].Status);
        }
    }

    [Fact]
    public void Tables_AreTheDocumentedOnes()
    {
        Assert.Equal([(PublicationStatus.Published, PublicationStatus.Frozen)], PublicationWorkflow.Transitions.ToArray());
        Assert.Empty(PublicationWorkflow.From(PublicationStatus.Frozen));
        Assert.Equal([(ObjectionStatus.Open, ObjectionStatus.Upheld), (ObjectionStatus.Open, ObjectionStatus.Dismissed)], PublicationWorkflow.ObjectionTransitions.ToArray());
        Assert.Empty(PublicationWorkflow.From(ObjectionStatus.Upheld));
        Assert.Empty(PublicationWorkflow.From(ObjectionStatus.Dismissed));
    }

    private static PeriodPublication Published()
    {
        var result = AssessmentEngine.Assess(Book, AssessmentPeriod.Quarter(2024, 1), Roster, ReadOnlySpan<AssessmentEntry>.Empty);
        return PeriodPublication.Publish(result, 5, WorkingDayCalendar.WeekendsOnly, D(4, 2), At, Admin);
    }
}
