using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Tests.WorkOrders;

public sealed class OverdueIndexTest
{
    private static readonly Instant T0 = Instant.FromUtc(2024, 6, 3, 0, 0);

    [Fact]
    public void Overdue_IsInclusiveOfTheDueInstant_AndSortedById()
    {
        var index = new OverdueIndex();
        index.Track(new WorkOrderId(9), T0);
        index.Track(new WorkOrderId(3), T0 - Duration.FromHours(1));
        index.Track(new WorkOrderId(5), T0 + Duration.FromTicks(1));
        Assert.Equal([new WorkOrderId(3), new WorkOrderId(9)], index.Overdue(T0).ToArray());
        Assert.Empty(index.Overdue(T0 - Duration.FromHours(2)));
        Assert.Equal(T0 - Duration.FromHours(1), index.NextDue);
    }

    [Fact]
    public void Update_FollowsTheOrder_UntilItIsResolved()
    {
        var order = WorkOrderFixture.InState(WorkOrderStatus.Claimed);
        var index = OverdueIndex.ForDueDates([order, WorkOrderFixture.NewOrder(6)]);
        Assert.Equal(1, index.Count); // the filed order has no limit yet
        var due = order.DueAt!.Value;
        Assert.Equal([order.Id], index.Overdue(due).ToArray());
        WorkOrderFixture.Run(order, WorkOrderCommand.Resolve, due);
        index.Update(order);
        Assert.Empty(index.Overdue(due));
        Assert.Null(index.NextDue);
    }

    [Fact]
    public void RepeatedMoves_KeepOnePairPerOrder()
    {
        var index = new OverdueIndex();
        for (int round = 0; round < 50; round++)
        {
            for (int id = 1; id <= 100; id++)
            {
                index.Track(new WorkOrderId(id), T0 + Duration.FromMinutes(round * 100 + id));
            }
        }
        Assert.Equal(100, index.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => new WorkOrderId(i)), index.Overdue(T0 + Duration.FromDays(10)).ToArray());
        Assert.Empty(index.Overdue(T0 + Duration.FromMinutes(4900)));
        Assert.True(index.Untrack(new WorkOrderId(1)));
        Assert.False(index.Untrack(new WorkOrderId(1)));
    }
}
