using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Persistence;
using GridGovernance.Tests.Scoring.Ledger;
using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderServiceFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>Resolving an order with its points award is one unit of work; a later resolution finds the stored award.</summary>
public sealed class WorkOrderAwardTest
{
    private static readonly WorkOrderPolicy Awarding = WorkOrderPolicy.Default with { PointsAward = new(LedgerFixture.Book, "themed-party-day") };

    private static LedgerEntry[] Awards(WorkOrderServiceFixture f) => f.Store.All<LedgerEntry>().Where(e => e.Source == LedgerSource.WorkOrder).ToArray();

    [Fact]
    public async Task AFailedSave_LeavesTheOrderUnresolvedWithoutAnAward_AndARetryNextDayResolvesAndAwardsOnce()
    {
        var faults = new FaultPlan();
        using var f = new WorkOrderServiceFixture(Awarding, faults);
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        faults.FailSave(1);

        var error = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:1")));

        Assert.Equal(FaultPlan.InjectedFault, error.Code);
        Assert.Equal(WorkOrderStatus.Claimed, (await f.RunAsync(s => s.GetAsync(id))).Status);
        Assert.Empty(Awards(f));

        f.Advance(Duration.FromDays(1));
        var resolved = await f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:1"));

        Assert.Equal(WorkOrderStatus.Resolved, resolved.Status);
        var award = Assert.Single(Awards(f));
        Assert.Equal((new MemberId(2), new LocalDate(2024, 6, 4)), (award.Member, award.OccurredOn));
    }

    [Fact]
    public async Task AResolutionAfterAReopening_OnAnotherDayByAnotherMember_FindsTheStoredAward_NoConflict()
    {
        using var f = new WorkOrderServiceFixture(Awarding);
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        await f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:1"));
        await f.RunAsync(s => s.RateAsync(Resident, id, false));
        f.Advance(Duration.FromDays(2));

        var again = await f.RunAsync(s => s.ResolveAsync(StreetCadre, id, "photo:2"));

        Assert.Equal(WorkOrderStatus.Resolved, again.Status);
        var award = Assert.Single(Awards(f));
        Assert.Equal((new MemberId(2), new LocalDate(2024, 6, 3)), (award.Member, award.OccurredOn));
    }

    [Fact]
    public async Task AnAwardRefusedForItsItem_LeavesTheOrderUnresolved()
    {
        using var f = new WorkOrderServiceFixture(WorkOrderPolicy.Default with { PointsAward = new(LedgerFixture.Book, "no-such-item") });
        var id = await f.FileAndTriageAsync();
        var claimed = await f.RunAsync(s => s.ClaimAsync(Secretary100, id));

        var error = await Assert.ThrowsAsync<GridGovernanceException>(() => f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo:1")));

        Assert.Equal(ErrorCodes.LedgerUnknownItem, error.Code);
        var stored = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal((WorkOrderStatus.Claimed, claimed.Version), (stored.Status, stored.Version));
        Assert.Empty(f.Store.All<LedgerEntry>());
    }
}
