using GridGovernance.Scoring.Rewards;
using static GridGovernance.Tests.Scoring.Rewards.RedemptionFixture;
using RedemptionRecord = GridGovernance.Scoring.Rewards.Redemption;

namespace GridGovernance.Tests.Scoring.Rewards;

public sealed partial class RedemptionServiceTest : IDisposable
{
    private readonly RedemptionFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task Credit_FirstCredit_OpensTheAccount()
    {
        var credit = await fixture.CreditAsync(Alice, 30, "q1", "2024 Q1 assessment");

        Assert.Equal(new PointsCredit(Alice, "q1", P(30), "2024 Q1 assessment", P(30), fixture.Clock.GetCurrentInstant()), credit);
        var account = await fixture.AccountAsync(Alice);
        Assert.NotNull(account);
        Assert.Equal(P(30), account.Balance);
        Assert.Equal(1, account.Version);
        Assert.Equal(P(30), await fixture.RunAsync(s => s.GetBalanceAsync(Alice)));
    }

    [Fact]
    public async Task Credit_LaterCredits_AddUp()
    {
        await fixture.CreditAsync(Alice, 30, "q1");
        var second = await fixture.CreditAsync(Alice, 2.5m, "q2");

        Assert.Equal(P(32.5m), second.BalanceAfter);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(32.5m), account!.Balance);
        Assert.Equal(2, account.Credits.Length);
    }

    [Fact]
    public async Task Credit_SameKeyTwice_IsOneCredit()
    {
        var first = await fixture.CreditAsync(Alice, 30, "q1");
        fixture.Clock.AdvanceMinutes(5);

        var again = await fixture.CreditAsync(Alice, 30, "q1");

        Assert.Equal(first, again);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(30), account!.Balance);
        Assert.Single(account.Credits);
        Assert.Equal(1, account.Version);
    }

    [Fact]
    public async Task Credit_SameKeyDifferentAmount_ThrowsConflict()
    {
        await fixture.CreditAsync(Alice, 30, "q1");

        var ex = await fixture.RefusedAsync(s => s.CreditAsync(Grant, Alice, P(31), "q1"));

        Assert.Equal(ErrorCodes.IdempotencyKeyConflict, ex.Code);
        Assert.Equal(P(30), (await fixture.AccountAsync(Alice))!.Balance);
    }

    [Fact]
    public async Task Credit_BadArguments_Throw()
    {
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.CreditAsync(Grant, default, P(1), "k")));
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.CreditAsync(Grant, Alice, P(0), "k")));
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.CreditAsync(Grant, Alice, P(-1), "k")));
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.CreditAsync(Grant, Alice, P(1), " ")));
        await Assert.ThrowsAsync<ArgumentNullException>(() => fixture.RunAsync(s => s.CreditAsync(Grant, Alice, P(1), null!)));
        Assert.Null(await fixture.AccountAsync(Alice));
    }

    [Fact]
    public async Task GetBalance_NoAccount_IsZero() =>
        Assert.Equal(Points.Zero, await fixture.RunAsync(s => s.GetBalanceAsync(Bob)));

    [Fact]
    public async Task Redeem_Covered_DebitsBalanceAndTakesStockTogether()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 12.5m, 10);
        await fixture.CreditAsync(Alice, 30, "q1");

        var redemption = await fixture.RedeemAsync(Alice, Rice, 2, "order-1");

        Assert.Equal(new RedemptionRecord(Alice, "order-1", Rice, "粮油礼包", 2, P(12.5m), P(25), P(5), fixture.Clock.GetCurrentInstant()), redemption);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(5), account!.Balance);
        Assert.Equal(P(25), account.TotalDebited);
        Assert.Equal(new[] { redemption }, account.Redemptions);
        var item = await fixture.ItemAsync(Rice);
        Assert.Equal(8, item.Stock);
        Assert.Equal(2, item.Version);
    }

    [Fact]
    public async Task Redeem_ExactBalance_LeavesZero()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 10);
        await fixture.CreditAsync(Alice, 30, "q1");

        var redemption = await fixture.RedeemAsync(Alice, Rice, 3, "order-1");

        Assert.Equal(Points.Zero, redemption.BalanceAfter);
        Assert.Equal(7, (await fixture.ItemAsync(Rice)).Stock);
    }

    [Fact]
    public async Task Redeem_InsufficientBalance_ThrowsNamingBalanceAndCostAndChangesNothing()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 12.5m, 10);
        await fixture.CreditAsync(Alice, 30, "q1");

        var ex = await fixture.RefusedAsync(s => s.RedeemAsync(Holder(Alice), Alice, Rice, 3, "order-1"));

        Assert.Equal(ErrorCodes.InsufficientBalance, ex.Code);
        Assert.Contains("balance of 30 points", ex.Message);
        Assert.Contains("costs 37.5 points", ex.Message);
        await AssertUnchangedAsync(balance: 30, stock: 10);
    }

    [Fact]
    public async Task Redeem_NoAccount_InsufficientBalanceAndNoAccountOpened()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 1, 10);

        var ex = await fixture.RefusedAsync(s => s.RedeemAsync(Holder(Bob), Bob, Rice, 1, "order-1"));

        Assert.Equal(ErrorCodes.InsufficientBalance, ex.Code);
        Assert.Contains("balance of 0 points", ex.Message);
        Assert.Null(await fixture.AccountAsync(Bob));
        Assert.Equal(10, (await fixture.ItemAsync(Rice)).Stock);
    }

    [Fact]
    public async Task Redeem_OutOfStock_ThrowsAndChangesNothing()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 1, 2);
        await fixture.CreditAsync(Alice, 30, "q1");

        var ex = await fixture.RefusedAsync(s => s.RedeemAsync(Holder(Alice), Alice, Rice, 3, "order-1"));

        Assert.Equal(ErrorCodes.OutOfStock, ex.Code);
        await AssertUnchangedAsync(balance: 30, stock: 2);
    }

    [Fact]
    public async Task Redeem_ZeroStock_ThrowsOutOfStock()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 1, 0);
        await fixture.CreditAsync(Alice, 30, "q1");

        var ex = await fixture.RefusedAsync(s => s.RedeemAsync(Holder(Alice), Alice, Rice, 1, "order-1"));

        Assert.Equal(ErrorCodes.OutOfStock, ex.Code);
    }

    [Fact]
    public async Task Redeem_InactiveItem_ThrowsAndChangesNothing()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 1, 10);
        await fixture.CreditAsync(Alice, 30, "q1");
        await fixture.RunAsync(s => s.DeactivateRewardItemAsync(Cashier, Rice));

        var ex = await fixture.RefusedAsync(s => s.RedeemAsync(Holder(Alice), Alice, Rice, 1, "order-1"));

        Assert.Equal(ErrorCodes.RewardItemInactive, ex.Code);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(30), account!.Balance);
        Assert.Equal(10, (await fixture.ItemAsync(Rice)).Stock);
    }

    [Fact]
    public async Task Redeem_UnknownItem_ThrowsNotFound()
    {
        await fixture.CreditAsync(Alice, 30, "q1");

        var ex = await Assert.ThrowsAsync<EntityNotFoundException>(() => fixture.RedeemAsync(Alice, Haircut, 1, "order-1"));

        Assert.Equal(ErrorCodes.NotFound, ex.Code);
    }

    [Fact]
    public async Task Redeem_SameKeyTwice_ReturnsFirstResultAndChangesNothing()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 10);
        await fixture.CreditAsync(Alice, 30, "q1");
        var first = await fixture.RedeemAsync(Alice, Rice, 1, "order-1");
        fixture.Clock.AdvanceMinutes(5);

        var again = await fixture.RedeemAsync(Alice, Rice, 1, "order-1");

        Assert.Equal(first, again);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(20), account!.Balance);
        Assert.Single(account.Redemptions);
        Assert.Equal(2, account.Version);
        var item = await fixture.ItemAsync(Rice);
        Assert.Equal(9, item.Stock);
        Assert.Equal(2, item.Version);
    }

    [Fact]
    public async Task Redeem_SameKeyAfterItemWithdrawnAndBalanceSpent_StillReturnsFirstResult()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 1);
        await fixture.CreditAsync(Alice, 10, "q1");
        var first = await fixture.RedeemAsync(Alice, Rice, 1, "order-1");
        await fixture.RunAsync(s => s.DeactivateRewardItemAsync(Cashier, Rice));

        Assert.Equal(first, await fixture.RedeemAsync(Alice, Rice, 1, "order-1"));
    }

    [Fact]
    public async Task Redeem_SameKeyDifferentRequest_ThrowsConflictAndChangesNothing()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 1, 10);
        await fixture.AddItemAsync(Haircut, "免费理发一次", 1, 10);
        await fixture.CreditAsync(Alice, 30, "q1");
        await fixture.RedeemAsync(Alice, Rice, 1, "order-1");

        var otherQuantity = await fixture.RefusedAsync(s => s.RedeemAsync(Holder(Alice), Alice, Rice, 2, "order-1"));
        var otherItem = await fixture.RefusedAsync(s => s.RedeemAsync(Holder(Alice), Alice, Haircut, 1, "order-1"));

        Assert.Equal(ErrorCodes.IdempotencyKeyConflict, otherQuantity.Code);
        Assert.Equal(ErrorCodes.IdempotencyKeyConflict, otherItem.Code);
        Assert.Equal(P(29), (await fixture.AccountAsync(Alice))!.Balance);
        Assert.Equal(10, (await fixture.ItemAsync(Haircut)).Stock);
    }

    [Fact]
    public async Task Redeem_SameKeyByAnotherMember_IsAnotherRedemption()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 1, 10);
        await fixture.CreditAsync(Alice, 5, "q1");
        await fixture.CreditAsync(Bob, 5, "q1");

        await fixture.RedeemAsync(Alice, Rice, 1, "order-1");
        await fixture.RedeemAsync(Bob, Rice, 1, "order-1");

        Assert.Equal(8, (await fixture.ItemAsync(Rice)).Stock);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task Redeem_QuantityBelowOne_ThrowsAndChangesNothing(int quantity)
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 1, 10);
        await fixture.CreditAsync(Alice, 30, "q1");

        var ex = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RedeemAsync(Alice, Rice, quantity, "order-1"));

        Assert.Equal("quantity", ex.ParamName);
        await AssertUnchangedAsync(balance: 30, stock: 10);
    }

    [Fact]
    public async Task Redeem_HugeQuantity_RefusedWithoutOverflow()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 1_000_000, int.MaxValue);
        await fixture.CreditAsync(Alice, 30, "q1");

        var ex = await fixture.RefusedAsync(s => s.RedeemAsync(Holder(Alice), Alice, Rice, int.MaxValue, "order-1"));

        Assert.Equal(ErrorCodes.InsufficientBalance, ex.Code);
    }

    [Fact]
    public async Task Redeem_BadArguments_Throw()
    {
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RedeemAsync(default, Rice, 1, "k"));
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RedeemAsync(Alice, default, 1, "k"));
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RedeemAsync(Alice, Rice, 1, ""));
        await Assert.ThrowsAsync<ArgumentNullException>(() => fixture.RedeemAsync(Alice, Rice, 1, null!));
    }

    [Fact]
    public async Task Redeem_DoesNotTouchCredits()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 10);
        await fixture.CreditAsync(Alice, 30, "q1");

        await fixture.RedeemAsync(Alice, Rice, 2, "order-1");

        // What was earned stays on record: redemption spends the balance, it does not rewrite the credits.
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(30), account!.TotalCredited);
        Assert.Equal(P(30), Assert.Single(account.Credits).Points);
        Assert.Equal(account.TotalCredited - account.TotalDebited, account.Balance);
    }

    [Fact]
    public async Task AddRewardItem_StoresIt()
    {
        var added = await fixture.AddItemAsync(Rice, "粮油礼包", 10, 3);

        var stored = await fixture.ItemAsync(Rice);
        Assert.Equal(("粮油礼包", P(10), 3, true, 1L), (stored.Name, stored.Price, stored.Stock, stored.IsActive, stored.Version));
        Assert.Equal(1, added.Version);
    }

    [Fact]
    public async Task AddRewardItem_TakenId_ThrowsDuplicateKey()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 3);

        var ex = await fixture.RefusedAsync(s => s.AddRewardItemAsync(Cashier, Rice, "other", P(1), 1));

        Assert.Equal(ErrorCodes.DuplicateKey, ex.Code);
    }

    [Fact]
    public async Task AddStock_AddsToStoredStock()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 3);

        var item = await fixture.RunAsync(s => s.AddStockAsync(Cashier, Rice, 4));

        Assert.Equal(7, item.Stock);
        Assert.Equal(7, (await fixture.ItemAsync(Rice)).Stock);
    }

    [Fact]
    public async Task AddStock_UnknownItem_ThrowsNotFound() =>
        await Assert.ThrowsAsync<EntityNotFoundException>(() => fixture.RunAsync(s => s.AddStockAsync(Cashier, Haircut, 1)));

    [Fact]
    public async Task Deactivate_Twice_ThrowsInactive()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 3);
        await fixture.RunAsync(s => s.DeactivateRewardItemAsync(Cashier, Rice));

        var ex = await fixture.RefusedAsync(s => s.DeactivateRewardItemAsync(Cashier, Rice));

        Assert.Equal(ErrorCodes.RewardItemInactive, ex.Code);
        Assert.False((await fixture.ItemAsync(Rice)).IsActive);
    }

    private async Task AssertUnchangedAsync(decimal balance, int stock)
    {
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(balance), account!.Balance);
        Assert.Empty(account.Redemptions);
        Assert.Equal(1, account.Version);
        var item = await fixture.ItemAsync(Rice);
        Assert.Equal(stock, item.Stock);
        Assert.Equal(1, item.Version);
    }
}
