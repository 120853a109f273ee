using GridGovernance.Persistence;
using GridGovernance.Scoring.Rewards;
using Microsoft.Extensions.DependencyInjection;
using static GridGovernance.Tests.Scoring.Rewards.RedemptionFixture;
using RedemptionRecord = GridGovernance.Scoring.Rewards.Redemption;

namespace GridGovernance.Tests.Scoring.Rewards;

public sealed partial class RedemptionServiceTest
{
    [Theory]
    [InlineData(64, 10)]
    [InlineData(32, 1)]
    [InlineData(16, 15)]
    public async Task Redeem_ParallelTasksAgainstBalanceForK_ExactlyKSucceed(int tasks, int k)
    {
        const decimal price = 2.5m;
        const int stock = 1_000;
        await fixture.AddItemAsync(Rice, "粮油礼包", price, stock);
        // Enough for k redemptions and a little over, never k + 1.
        await fixture.CreditAsync(Alice, price * k + price / 2, "seed");

        var outcomes = await RaceAsync<RedemptionRecord>(tasks, task => s => s.RedeemAsync(Holder(Alice), Alice, Rice, 1, "order-" + task));

        var succeeded = outcomes.Where(o => o.Result is not null).ToList();
        Assert.Equal(k, succeeded.Count);
        Assert.All(outcomes.Where(o => o.Result is null), o => Assert.Equal(ErrorCodes.InsufficientBalance, o.Error!.Code));
        var account = await fixture.AccountAsync(Alice);
        Assert.False(account!.Balance.IsNegative);
        Assert.Equal(P(price / 2), account.Balance);
        Assert.Equal(P(price * k), account.TotalDebited);
        Assert.Equal(k, account.Redemptions.Length);
        Assert.Equal(succeeded.Select(o => o.Result!.IdempotencyKey).Order(), account.Redemptions.Select(r => r.IdempotencyKey).Order());
        // Each success saw a distinct balance: no two spent the same points.
        Assert.Equal(k, succeeded.Select(o => o.Result!.BalanceAfter).Distinct().Count());
        var item = await fixture.ItemAsync(Rice);
        Assert.Equal(stock - k, item.Stock);
        Assert.Equal(k + 1, item.Version);
    }

    [Theory]
    [InlineData(48, 5)]
    [InlineData(16, 1)]
    public async Task Redeem_ParallelMembersAgainstStockForK_ExactlyKSucceed(int tasks, int k)
    {
        await fixture.AddItemAsync(Haircut, "免费理发一次", 3, k);
        for (int m = 1; m <= tasks; m++)
        {
            await fixture.CreditAsync(new MemberId(m), 10, "seed");
        }

        var outcomes = await RaceAsync<RedemptionRecord>(tasks, task => s => s.RedeemAsync(Holder(new MemberId(task)), new MemberId(task), Haircut, 1, "order"));

        Assert.Equal(k, outcomes.Count(o => o.Result is not null));
        Assert.All(outcomes.Where(o => o.Result is null), o => Assert.Equal(ErrorCodes.OutOfStock, o.Error!.Code));
        Assert.Equal(0, (await fixture.ItemAsync(Haircut)).Stock);
        decimal totalDebited = 0;
        for (int m = 1; m <= tasks; m++)
        {
            var account = await fixture.AccountAsync(new MemberId(m));
            bool won = outcomes[m - 1].Result is not null;
            Assert.Equal(P(won ? 7 : 10), account!.Balance);
            totalDebited += account.TotalDebited.ToDecimal();
        }
        Assert.Equal(3m * k, totalDebited);
    }

    [Fact]
    public async Task Redeem_ParallelRetriesOfOneKey_DebitOnce()
    {
        const int tasks = 32;
        await fixture.AddItemAsync(Rice, "粮油礼包", 4, 100);
        await fixture.CreditAsync(Alice, 100, "seed");

        var outcomes = await RaceAsync<RedemptionRecord>(tasks, _ => s => s.RedeemAsync(Holder(Alice), Alice, Rice, 2, "order-1"));

        Assert.All(outcomes, o => Assert.Null(o.Error));
        Assert.Single(outcomes.Select(o => o.Result).Distinct());
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(92), account!.Balance);
        Assert.Single(account.Redemptions);
        Assert.Equal(2, account.Version);
        var item = await fixture.ItemAsync(Rice);
        Assert.Equal(98, item.Stock);
        Assert.Equal(2, item.Version);
    }

    [Fact]
    public async Task Credit_ParallelFirstCredits_OpenOneAccountAndAllCount()
    {
        const int tasks = 32;

        var outcomes = await RaceAsync<PointsCredit>(tasks, task => s => s.CreditAsync(Grant, Bob, P(task), "credit-" + task));

        Assert.All(outcomes, o => Assert.Null(o.Error));
        var account = await fixture.AccountAsync(Bob);
        Assert.Equal(tasks, account!.Credits.Length);
        Assert.Equal(P(tasks * (tasks + 1) / 2), account.Balance);
        Assert.Equal(1, fixture.Store.Count<PointsAccount>());
    }

    [Fact]
    public async Task Redeem_AnotherWriterSpendsFirst_RetryRechecksAndRefuses()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 10);
        await fixture.CreditAsync(Alice, 25, "seed");
        InterceptingUnitOfWork? interceptor = null;
        var service = fixture.ServiceOver(inner => interceptor = new InterceptingUnitOfWork(inner, async save =>
        {
            if (save == 1)
            {
                await fixture.RedeemAsync(Alice, Rice, 2, "competitor");
            }
        }));

        var ex = await Assert.ThrowsAsync<GridGovernanceException>(() => service.RedeemAsync(Holder(Alice), Alice, Rice, 2, "mine"));

        Assert.Equal(ErrorCodes.InsufficientBalance, ex.Code);
        Assert.Equal(1, interceptor!.Saves);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(5), account!.Balance);
        Assert.Equal("competitor", Assert.Single(account.Redemptions).IdempotencyKey);
        Assert.Equal(8, (await fixture.ItemAsync(Rice)).Stock);
        Assert.False(interceptor.HasChanges);
    }

    [Fact]
    public async Task Redeem_AnotherWriterCreditsFirst_RetrySucceedsOnFreshState()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 10);
        await fixture.CreditAsync(Alice, 25, "seed");
        InterceptingUnitOfWork? interceptor = null;
        var service = fixture.ServiceOver(inner => interceptor = new InterceptingUnitOfWork(inner, async save =>
        {
            if (save == 1)
            {
                await fixture.CreditAsync(Alice, 5, "bonus");
            }
        }));

        var redemption = await service.RedeemAsync(Holder(Alice), Alice, Rice, 2, "mine");

        Assert.Equal(2, interceptor!.Saves);
        Assert.Equal(P(10), redemption.BalanceAfter);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(10), account!.Balance);
        Assert.Equal(2, account.Credits.Length);
        Assert.Equal(8, (await fixture.ItemAsync(Rice)).Stock);
    }

    [Fact]
    public async Task Redeem_BeatenOnEverySave_SurfacesConcurrencyAfterMaxAttempts()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 10);
        await fixture.CreditAsync(Alice, 25, "seed");
        InterceptingUnitOfWork? interceptor = null;
        var service = fixture.ServiceOver(inner => interceptor = new InterceptingUnitOfWork(inner,
            save => fixture.CreditAsync(Alice, 1, "competitor-" + save)));

        await Assert.ThrowsAsync<ConcurrencyException>(() => service.RedeemAsync(Holder(Alice), Alice, Rice, 1, "mine"));

        Assert.Equal(UnitOfWorkRetry.MaxAttempts, interceptor!.Saves);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(25 + UnitOfWorkRetry.MaxAttempts), account!.Balance);
        Assert.Empty(account.Redemptions);
        Assert.Equal(10, (await fixture.ItemAsync(Rice)).Stock);
        Assert.False(interceptor.HasChanges);

        // The documented way out: the same key again, once the contention is over.
        var service2 = fixture.ServiceOver(inner => inner);
        Assert.Equal(P(15 + UnitOfWorkRetry.MaxAttempts), (await service2.RedeemAsync(Holder(Alice), Alice, Rice, 1, "mine")).BalanceAfter);
    }

    [Fact]
    public async Task Redeem_UnitOfWorkHoldsOtherChanges_ConflictSurfacedWithoutRetry()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 10);
        await fixture.CreditAsync(Alice, 25, "seed");
        InMemoryUnitOfWork? shared = null;
        InterceptingUnitOfWork? interceptor = null;
        var service = fixture.ServiceOver(inner =>
        {
            shared = inner;
            return interceptor = new InterceptingUnitOfWork(inner, save => fixture.CreditAsync(Alice, 1, "competitor-" + save));
        });
        await new InMemoryRepository<RewardItem>(fixture.Store, shared!).AddAsync(new RewardItem(Haircut, "免费理发一次", P(1), 1));

        await Assert.ThrowsAsync<ConcurrencyException>(() => service.RedeemAsync(Holder(Alice), Alice, Rice, 1, "mine"));

        Assert.Equal(1, interceptor!.Saves);
        // The failed save discarded the staged add too: nothing of that unit of work was written.
        Assert.Equal(1, fixture.Store.Count<RewardItem>());
    }

    /// <summary>
    /// Starts <paramref name="tasks"/> operations at once, each in its own DI scope (its own unit of work) over the
    /// shared store. Every task's first save waits until all tasks have reached theirs, so every task has loaded the
    /// same versions and all but one first save must conflict: the retries are certain, not left to scheduling. A
    /// task whose call surfaces a <see cref="ConcurrencyException"/> calls again with the same arguments, as the
    /// service's contract says; any other refusal is its outcome.
    /// </summary>
    private async Task<(T? Result, GridGovernanceException? Error)[]> RaceAsync<T>(int tasks, Func<int, Func<RedemptionService, Task<T>>> operationFor)
        where T : class
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allLoaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int waiting = 0;
        async Task FirstSaveGate(int save)
        {
            if (save == 1 && Interlocked.Increment(ref waiting) == tasks)
            {
                allLoaded.SetResult();
            }
            if (save == 1)
            {
                await allLoaded.Task;
            }
        }

        var running = Enumerable.Range(1, tasks).Select(task => Task.Run(async () =>
        {
            await start.Task;
            bool gated = false;
            while (true)
            {
                using var scope = fixture.CreateScope();
                var provider = scope.ServiceProvider;
                IUnitOfWork unitOfWork = gated
                    ? provider.GetRequiredService<IUnitOfWork>()
                    : new InterceptingUnitOfWork(provider.GetRequiredService<InMemoryUnitOfWork>(), FirstSaveGate);
                gated = true;
                var service = new RedemptionService(
                    provider.GetRequiredService<IRepository<PointsAccount>>(),
                    provider.GetRequiredService<IRepository<PointsAccountYear>>(),
                    provider.GetRequiredService<IRepository<RewardItem>>(),
                    unitOfWork,
                    provider.GetRequiredService<GridGovernance.Authority.IAuthorityPolicy>(),
                    fixture.Options,
                    fixture.Clock);
                try
                {
                    return ((T?)await operationFor(task)(service), (GridGovernanceException?)null);
                }
                catch (ConcurrencyException)
                {
                    // Surfaced after MaxAttempts: the same call again is safe because it is idempotent.
                }
                catch (GridGovernanceException e)
                {
                    return (null, e);
                }
            }
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(running);
    }

    /// <summary>Lets a competing writer save just before each of this unit of work's saves.</summary>
    private sealed class InterceptingUnitOfWork(InMemoryUnitOfWork inner, Func<int, Task> beforeSave) : IUnitOfWork
    {
        public int Saves { get; private set; }

        public bool HasChanges => inner.HasChanges;

        public async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
        {
            Saves++;
            await beforeSave(Saves);
            return await inner.SaveChangesAsync(cancellationToken);
        }

        public void DiscardChanges() => inner.DiscardChanges();
    }
}
