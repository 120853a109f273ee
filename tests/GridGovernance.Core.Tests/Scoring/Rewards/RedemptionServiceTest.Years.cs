using NodaTime;
using static GridGovernance.Tests.Scoring.Rewards.RedemptionFixture;

namespace GridGovernance.Tests.Scoring.Rewards;

/// <summary>The account's years: each year's credits and redemptions apart, one balance, keys recognised across years.</summary>
public sealed partial class RedemptionServiceTest
{
    // 2024-12-31 23:30 and 2025-01-01 00:30 in Shanghai (UTC+8).
    private static readonly Instant NewYearsEve = Instant.FromUtc(2024, 12, 31, 15, 30);
    private static readonly Instant NewYearsDay = Instant.FromUtc(2024, 12, 31, 16, 30);

    [Fact]
    public async Task Credits_EitherSideOfNewYear_GoIntoTheirShanghaiYears_AndTheBalanceCarriesOver()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 5);
        fixture.Clock.Reset(NewYearsEve);
        await fixture.CreditAsync(Alice, 30, "2024-q4");
        fixture.Clock.Reset(NewYearsDay);
        var credit = await fixture.CreditAsync(Alice, 5, "2025-jan");
        var redemption = await fixture.RedeemAsync(Alice, Rice, 2, "order-1");

        Assert.Equal(P(35), credit.BalanceAfter);
        Assert.Equal(P(15), redemption.BalanceAfter);
        var y2024 = await fixture.RunAsync(s => s.GetYearAsync(Alice, 2024));
        var y2025 = await fixture.RunAsync(s => s.GetYearAsync(Alice, 2025));
        Assert.Equal(["2024-q4"], y2024!.Credits.Select(c => c.IdempotencyKey));
        Assert.Empty(y2024.Redemptions);
        Assert.Equal(["2025-jan"], y2025!.Credits.Select(c => c.IdempotencyKey));
        Assert.Equal(new[] { redemption }, y2025.Redemptions);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(15), account!.Balance);
        Assert.Equal(P(35), account.TotalCredited);
        Assert.Equal(P(20), account.TotalDebited);
        Assert.Equal(3, account.Version);
        Assert.Null(await fixture.RunAsync(s => s.GetYearAsync(Alice, 2023)));
    }

    [Fact]
    public async Task Credit_WithAKeyOfAnEarlierYear_IsRecognised_AndChangesNothing()
    {
        fixture.Clock.Reset(NewYearsEve);
        var first = await fixture.CreditAsync(Alice, 30, "2024-q4");
        fixture.Clock.Reset(NewYearsDay + Duration.FromDays(400));

        var again = await fixture.CreditAsync(Alice, 30, "2024-q4", "a retry, two years later");
        var conflict = await fixture.RefusedAsync(s => s.CreditAsync(Grant, Alice, P(31), "2024-q4"));

        Assert.Equal(first, again);
        Assert.Equal(ErrorCodes.IdempotencyKeyConflict, conflict.Code);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(30), account!.Balance);
        Assert.Equal(1, account.Version);
        Assert.Equal([2024], account.Years.Select(y => y.Year));
    }

    [Fact]
    public async Task Redeem_WithAKeyOfAnEarlierYear_IsRecognised_AndChangesNothing()
    {
        await fixture.AddItemAsync(Rice, "粮油礼包", 10, 5);
        fixture.Clock.Reset(NewYearsEve);
        await fixture.CreditAsync(Alice, 30, "c");
        var first = await fixture.RedeemAsync(Alice, Rice, 1, "order-1");
        fixture.Clock.Reset(NewYearsDay);

        var again = await fixture.RedeemAsync(Alice, Rice, 1, "order-1");
        var conflict = await fixture.RefusedAsync(s => s.RedeemAsync(Holder(Alice), Alice, Rice, 2, "order-1"));
        // The two key spaces stay apart across years too: a credit key may repeat a redemption key.
        await fixture.CreditAsync(Alice, 1, "order-1");

        Assert.Equal(first, again);
        Assert.Equal(ErrorCodes.IdempotencyKeyConflict, conflict.Code);
        Assert.Equal(4, (await fixture.ItemAsync(Rice)).Stock);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal(P(21), account!.Balance);
        Assert.Equal(new[] { first }, account.Redemptions);
        Assert.Equal([2024, 2025], account.Years.Select(y => y.Year));
    }
}
