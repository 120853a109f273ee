using GridGovernance.Authority;
using GridGovernance.Claims;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Tests.Claims;

public sealed class MicroWishServiceTest : IDisposable
{
    private static readonly WishId W1 = new(1);
    private static readonly MemberId M1 = new(1), M2 = new(2);
    private static readonly LocalDate Day = new(2024, 5, 20);
    private static readonly Actor Sweep = Actor.System("wish-expiry");
    private readonly ClaimsFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    private Task<MicroWish> AddAsync(int id = 1) => fixture.WishesAsync(s => s.AddAsync(ClaimsFixture.Secretary, new MicroWish(new WishId(id), ClaimsFixture.Community, "一台助听器", "张*", Day)));

    [Fact]
    public async Task Claim_OneWishOneClaimant()
    {
        await AddAsync();
        var claimed = await fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(1), W1, Day));
        Assert.Equal((WishStatus.Claimed, (MemberId?)M1), (claimed.Status, claimed.Claimant));

        var taken = await Assert.ThrowsAsync<GridGovernanceException>(() => fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(2), W1, Day.PlusDays(7))));
        Assert.Equal(ErrorCodes.ClaimsWishTaken, taken.Code);
    }

    [Fact]
    public async Task AnUnfulfilledClaim_ExpiresAfterNDays_AndTheWishReturnsToThePool()
    {
        await AddAsync();
        await AddAsync(2);
        await fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(1), W1, Day, expiryDays: 3));
        await fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(1), new WishId(2), Day.PlusDays(2), expiryDays: 3));

        Assert.Empty(await fixture.WishesAsync(s => s.ExpireClaimsAsync(Sweep, Day.PlusDays(3), expiryDays: 3)));
        Assert.Equal([W1], await fixture.WishesAsync(s => s.ExpireClaimsAsync(Sweep, Day.PlusDays(4), expiryDays: 3)));

        var late = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.WishesAsync(s => s.FulfilAsync(ClaimsFixture.InPerson(1), W1, Day.PlusDays(4), expiryDays: 3)));
        Assert.Equal(("Open", "Fulfilled"), (late.From, late.To));
        var reclaimed = await fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(2), W1, Day.PlusDays(4), expiryDays: 3));
        Assert.Equal(M2, reclaimed.Claimant);
    }

    [Fact]
    public async Task Claim_TakesOverALapsedClaim_WithoutAnExpiryRun()
    {
        await AddAsync();
        await fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(1), W1, Day, expiryDays: 2));

        var taken = await fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(2), W1, Day.PlusDays(3), expiryDays: 2));

        Assert.Equal(M2, taken.Claimant);
        Assert.Contains(taken.DomainEvents, e => e is MicroWishClaimExpired { Member.Value: 1 });
    }

    [Fact]
    public async Task Fulfil_ByTheClaimant_EarnsPointsOnce()
    {
        await AddAsync();
        await fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(1), W1, Day));
        var award = new ClaimPointsAward(LedgerFixture.Book, "themed-party-day");

        var notClaimant = await Assert.ThrowsAsync<GridGovernanceException>(() => fixture.WishesAsync(s => s.FulfilAsync(ClaimsFixture.InPerson(2), W1, Day.PlusDays(1), award)));
        Assert.Equal(ErrorCodes.ClaimsNotClaimant, notClaimant.Code);
        var entry = await fixture.WishesAsync(s => s.FulfilAsync(ClaimsFixture.InPerson(1), W1, Day.PlusDays(1), award));
        var again = await fixture.WishesAsync(s => s.FulfilAsync(ClaimsFixture.InPerson(1), W1, Day.PlusDays(1), award));

        Assert.NotNull(entry);
        Assert.Equal((M1, LedgerSource.Claim, Day.PlusDays(1)), (entry.Member, entry.Source, entry.OccurredOn));
        Assert.Equal(entry.Id, again!.Id);
        Assert.Equal(ErrorCodes.ClaimsIllegalTransition, (await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(2), W1, Day.PlusDays(30))))).Code);
    }

    [Fact]
    public async Task ConcurrentClaimsOfOneWish_ExactlyOneWins()
    {
        for (int round = 0; round < 10; round++)
        {
            using var f = new ClaimsFixture();
            await f.WishesAsync(s => s.AddAsync(ClaimsFixture.Secretary, new MicroWish(W1, ClaimsFixture.Community, "书包", "李*", Day)));

            var outcomes = await Task.WhenAll(Enumerable.Range(1, 5).Select(m => Task.Run(async () =>
            {
                try
                {
                    await f.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(m), W1, Day));
                    return null;
                }
                catch (GridGovernanceException e)
                {
                    return e.Code;
                }
            })));

            Assert.Equal(1, outcomes.Count(o => o is null));
            Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(ErrorCodes.ClaimsWishTaken, o));
        }
    }

    [Fact]
    public async Task Add_RefusesAHostileTextOrResident_AndStoresNothing()
    {
        var e = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.WishesAsync(s => s.AddAsync(ClaimsFixture.Secretary,
            new MicroWish(new WishId(7), ClaimsFixture.Community, "助听器\u202E", new string('张', InputPolicy.MaxNameLength + 1), Day))));

        Assert.Equal([("wish.Text", ErrorCodes.ForbiddenCharacter), ("wish.Resident", ErrorCodes.TextTooLong)], e.Problems.Select(p => (p.Field, p.Rule)));
        await Assert.ThrowsAnyAsync<EntityNotFoundException>(() => fixture.WishesAsync(s => s.ClaimAsync(ClaimsFixture.InPerson(1), new WishId(7), Day)));
    }
}
