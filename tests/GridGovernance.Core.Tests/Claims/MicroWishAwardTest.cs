using GridGovernance.Claims;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Persistence;
using GridGovernance.Tests.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Tests.Claims;

/// <summary>Fulfilling a wish with its points is one unit of work; a retry on any day finds the stored facts.</summary>
public sealed class MicroWishAwardTest : IDisposable
{
    private static readonly WishId W1 = new(1);
    private static readonly LocalDate Day = new(2024, 5, 20);
    private static readonly ClaimPointsAward Award = new(LedgerFixture.Book, "themed-party-day");
    private readonly FaultPlan faults = new();
    private readonly ClaimsFixture fixture;

    public MicroWishAwardTest() => fixture = new ClaimsFixture(faults);

    public void Dispose() => fixture.Dispose();

    private async Task ClaimedAsync()
    {
        await fixture.WishesAsync(s => s.AddAsync(ClaimsFixture.Secretary, new MicroWish(W1, ClaimsFixture.Community, "一台助听器", "张*", Day)));
        await fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(1), W1, Day));
    }

    private Task<LedgerEntry?> FulfilAsync(LocalDate on, ClaimPointsAward? award = null) =>
        fixture.WishesAsync(s => s.FulfilAsync(ClaimsFixture.InPerson(1), W1, on, award ?? Award));

    [Fact]
    public async Task AFailedSave_LeavesTheWishClaimedWithoutAnAward_AndARetryOnAnotherDayFulfilsIt()
    {
        await ClaimedAsync();
        faults.FailSave(1);

        Assert.Equal(FaultPlan.InjectedFault, (await Assert.ThrowsAsync<GridGovernanceException>(() => FulfilAsync(Day.PlusDays(1)))).Code);
        Assert.Equal(WishStatus.Claimed, fixture.Store.Find<MicroWish>(W1)!.Status);
        Assert.Empty(fixture.Store.All<LedgerEntry>());

        var entry = await FulfilAsync(Day.PlusDays(2));

        Assert.Equal(((LocalDate?)Day.PlusDays(2), Day.PlusDays(2)), (fixture.Store.Find<MicroWish>(W1)!.FulfilledOn, entry!.OccurredOn));
    }

    [Fact]
    public async Task ARetryOnAnotherDay_ReturnsTheStoredAward_AndAWishFulfilledWithoutOne_GetsItDatedTheStoredDay()
    {
        await ClaimedAsync();
        await fixture.WishesAsync(s => s.FulfilAsync(ClaimsFixture.InPerson(1), W1, Day.PlusDays(1)));
        Assert.Empty(fixture.Store.All<LedgerEntry>());

        var late = await FulfilAsync(Day.PlusDays(5));
        var later = await FulfilAsync(Day.PlusDays(6));

        Assert.Equal(Day.PlusDays(1), late!.OccurredOn);
        Assert.Equal(late.Id, later!.Id);
        Assert.Single(fixture.Store.All<LedgerEntry>());
    }

    [Fact]
    public async Task AnAwardRefusedForItsItem_LeavesTheWishClaimed()
    {
        await ClaimedAsync();

        var error = await Assert.ThrowsAsync<GridGovernanceException>(() => FulfilAsync(Day.PlusDays(1), new ClaimPointsAward(LedgerFixture.Book, "no-such-item")));

        Assert.Equal(ErrorCodes.LedgerUnknownItem, error.Code);
        Assert.Equal(WishStatus.Claimed, fixture.Store.Find<MicroWish>(W1)!.Status);
        Assert.Empty(fixture.Store.All<LedgerEntry>());
    }
}
