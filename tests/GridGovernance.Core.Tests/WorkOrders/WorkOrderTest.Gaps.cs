using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>Workflow gaps found on real sequences (issue 13): a department summoned again, a deliberation on a Rated order.</summary>
public sealed partial class WorkOrderTest
{
    private static Instant Hours(int h) => Start + Duration.FromDays(2) + Duration.FromHours(h);

    /// <summary>Whistled, the department's part resolved, the order resolved and rated unsatisfied: reopened.</summary>
    private static WorkOrder ReopenedAfterAWhistle()
    {
        var order = InState(WorkOrderStatus.Whistled);
        Run(order, WorkOrderCommand.AcknowledgePart, Hours(1));
        Run(order, WorkOrderCommand.ResolvePart, Hours(2));
        Run(order, WorkOrderCommand.Resolve, Hours(3));
        Run(order, WorkOrderCommand.Reopen, Hours(4), satisfied: false);
        Assert.Equal(WorkOrderStatus.Reopened, order.Status);
        return order;
    }

    [Fact]
    public void Reopened_CanSummonTheSameDepartmentAgain_AsANewPart_KeepingTheOldOne()
    {
        var order = ReopenedAfterAWhistle();
        var first = order.Parts.Single();

        order.Whistle([new DepartmentSummons("housing")], Limits, CadreActor, null, Hours(5));

        Assert.Equal(WorkOrderStatus.Whistled, order.Status);
        Assert.Equal(2, order.Parts.Length);
        Assert.Equal(first, order.Parts[0]);
        Assert.Equal(DepartmentPartStatus.Summoned, order.Parts[1].Status);
        Assert.Equal(Hours(5), order.Parts[1].SummonedAt);

        // Department steps act on the latest part; the first stays as it was, with its evidence.
        order.AcknowledgePart("housing", WorkOrderActor.ForDepartment("housing"), Hours(6));
        order.ResolvePart("housing", "second visit", WorkOrderActor.ForDepartment("housing"), Hours(7));
        Assert.Equal(first, order.Parts[0]);
        Assert.Equal("second visit", order.Parts[1].Evidence);
        Assert.Equal("fixed", order.Parts[0].Evidence);
        order.Resolve("photo:2", CadreActor, Hours(8));
        Assert.Equal(WorkOrderStatus.Resolved, order.Status);
    }

    [Fact]
    public void Whistle_RefusesADepartmentWhosePartIsOpen_AndChangesNothing()
    {
        var order = InState(WorkOrderStatus.Whistled);
        int records = order.Audit.Length;
        var parts = order.Parts;

        var e = Assert.Throws<GridGovernanceException>(() => order.Whistle([new DepartmentSummons("market-regulation"), new DepartmentSummons("housing")], Limits, CadreActor, null, Hours(1)));

        Assert.Equal(ErrorCodes.WorkOrderPartState, e.Code);
        Assert.Contains("housing is already summoned", e.Message);
        Assert.Equal(parts, order.Parts);
        Assert.Equal(records, order.Audit.Length);
        Assert.Empty(order.DomainEvents);

        // Acknowledged is still open: refused too.
        Run(order, WorkOrderCommand.AcknowledgePart, Hours(2));
        Assert.Throws<GridGovernanceException>(() => order.Whistle([new DepartmentSummons("housing")], Limits, CadreActor, null, Hours(3)));
        // Resolved: the same department may be summoned again while the order is still whistled.
        Run(order, WorkOrderCommand.ResolvePart, Hours(4));
        order.Whistle([new DepartmentSummons("housing")], Limits, CadreActor, null, Hours(5));
        Assert.Equal(2, order.Parts.Count(p => p.Department == "housing"));
    }

    [Fact]
    public void Resolve_NeedsTheLatestPartOfASummonedAgainDepartmentResolved()
    {
        var order = ReopenedAfterAWhistle();
        order.Whistle([new DepartmentSummons("housing")], Limits, CadreActor, null, Hours(5));

        var e = Assert.Throws<GridGovernanceException>(() => order.Resolve("photo:2", CadreActor, Hours(6)));

        Assert.Equal(ErrorCodes.WorkOrderPartsOpen, e.Code);
        Assert.Equal(WorkOrderStatus.Whistled, order.Status);
    }

    [Fact]
    public void Rated_PastTheReopenLimit_TakesItsDeliberation_ThenCloses()
    {
        var order = InState(WorkOrderStatus.Resolved);
        var policy = Policy with { MaxReopens = 0 };
        order.Rate(false, "还是漏", Resident, Limits, policy, Hours(1));
        Assert.Equal(WorkOrderStatus.Rated, order.Status);

        order.RecordDeliberation(new DeliberationRecord(new LocalDate(2024, 5, 11), 23, "维修费由店主承担"), CadreActor, Hours(2));

        Assert.Equal(WorkOrderStatus.Rated, order.Status);
        Assert.Equal("维修费由店主承担", order.Deliberations.Single().Outcome);
        Assert.Equal(WorkOrderCommand.RecordDeliberation, order.Audit[^1].Command);
        Assert.True(WorkOrderWorkflow.Allows(WorkOrderStatus.Rated, WorkOrderCommand.RecordDeliberation));
        order.Close(CadreActor, "议事后办结", Hours(3));
        Assert.Equal(WorkOrderStatus.Closed, order.Status);
    }
}
