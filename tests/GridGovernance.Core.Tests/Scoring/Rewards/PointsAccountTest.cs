using GridGovernance.Scoring.Rewards;
using NodaTime;

namespace GridGovernance.Tests.Scoring.Rewards;

public sealed class PointsAccountTest
{
    private static readonly Instant T0 = Instant.FromUtc(2024, 6, 1, 4, 0);
    private static readonly MemberId Member = new(7);
    private readonly PointsAccountYear year = new(Member, 2024);

    [Fact]
    public void Construction_StartsEmpty()
    {
        var account = new PointsAccount(Member);

        Assert.Equal(Member, account.Member);
        Assert.Equal(Points.Zero, account.Balance);
        Assert.Empty(account.DomainEvents);
        Assert.Equal((Member, 2024), (year.Member, year.Year));
        Assert.Empty(year.Credits);
        Assert.Empty(year.Redemptions);
    }

    [Fact]
    public void Construction_DefaultMember_Throws()
    {
        Assert.Throws<GridGovernanceValidationException>(() => new PointsAccount(default));
        Assert.Throws<GridGovernanceValidationException>(() => new PointsAccountYear(default, 2024));
        Assert.Throws<GridGovernanceValidationException>(() => new PointsAccountYear(Member, 0));
    }

    [Fact]
    public void CreditAndDebit_IntoAnotherMembersYear_Throw()
    {
        var account = new PointsAccount(Member);
        var other = new PointsAccountYear(new MemberId(8), 2024);

        Assert.Throws<GridGovernanceValidationException>(() => account.Credit(other, Points.From(1), "k", null, T0));
        Assert.Throws<GridGovernanceValidationException>(() => account.Debit(other, new RewardItem(new RewardItemId(1), "Tea", Points.From(1), 1), 1, "r", T0));
        Assert.Empty(other.Credits);
        Assert.Equal(Points.Zero, account.Balance);
    }

    [Fact]
    public void Balance_CarriesOverFromOneYearToTheNext()
    {
        var account = new PointsAccount(Member);
        var next = new PointsAccountYear(Member, 2025);
        account.Credit(year, Points.From(10), "c2024", null, T0);

        var redemption = account.Debit(next, new RewardItem(new RewardItemId(1), "Tea", Points.From(4), 10), 2, "r2025", T0);
        var credit = account.Credit(next, Points.From(1), "c2025", null, T0);

        Assert.Equal(Points.From(2), redemption.BalanceAfter);
        Assert.Equal(Points.From(3), credit.BalanceAfter);
        Assert.Equal(Points.From(3), account.Balance);
        Assert.Equal(["c2024"], year.Credits.Select(c => c.IdempotencyKey));
        Assert.Equal(["c2025"], next.Credits.Select(c => c.IdempotencyKey));
        Assert.Equal(new[] { redemption }, next.Redemptions);
        Assert.Empty(year.Redemptions);
    }

    [Fact]
    public void Credit_AddsToBalanceRecordsTheCreditAndRaisesEvent()
    {
        var account = new PointsAccount(Member);

        var credit = account.Credit(year, Points.From(12.5m), "q1", "2024 Q1", T0);

        Assert.Equal(new PointsCredit(Member, "q1", Points.From(12.5m), "2024 Q1", Points.From(12.5m), T0), credit);
        Assert.Equal(Points.From(12.5m), account.Balance);
        Assert.Equal(Points.From(12.5m), account.TotalCredited);
        Assert.Equal(new[] { credit }, year.Credits);
        Assert.Equal(new PointsAccountCredited(Member, credit), Assert.Single(account.DomainEvents));
    }

    [Fact]
    public void Credit_KeyUsedInTheYear_IsRefusedAndChangesNothing()
    {
        // Replays are the service's: it finds the key in whichever year holds it and never credits again.
        var account = new PointsAccount(Member);
        var first = account.Credit(year, Points.From(5), "k", null, T0);

        var ex = Assert.Throws<GridGovernanceException>(() => account.Credit(year, Points.From(5), "k", null, T0.PlusTicks(1)));

        Assert.Equal(ErrorCodes.IdempotencyKeyConflict, ex.Code);
        Assert.Equal(Points.From(5), account.Balance);
        Assert.Single(year.Credits);
        Assert.Single(account.DomainEvents);
        Assert.Same(first, year.FindCredit("k"));
    }

    [Fact]
    public void Credit_KeysAreCaseSensitive()
    {
        var account = new PointsAccount(Member);

        account.Credit(year, Points.From(1), "k", null, T0);
        account.Credit(year, Points.From(1), "K", null, T0);

        Assert.Equal(Points.From(2), account.Balance);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Credit_NotPositive_Throws(int points)
    {
        var account = new PointsAccount(Member);

        Assert.Throws<GridGovernanceValidationException>(() => account.Credit(year, Points.From(points), "k", null, T0));
        Assert.Equal(Points.Zero, account.Balance);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Credit_BlankKey_Throws(string key) =>
        Assert.Throws<GridGovernanceValidationException>(() => new PointsAccount(Member).Credit(year, Points.From(1), key, null, T0));

    [Fact]
    public void Debit_CoveredByBalance_RecordsRedemptionAndRaisesEvent()
    {
        var account = new PointsAccount(Member);
        account.Credit(year, Points.From(10), "c", null, T0);
        var item = new RewardItem(new RewardItemId(1), "Tea", Points.From(1.25m), 10);

        var redemption = account.Debit(year, item, 3, "r", T0);

        Assert.Equal(new GridGovernance.Scoring.Rewards.Redemption(Member, "r", item.Id, "Tea", 3, Points.From(1.25m), Points.From(3.75m), Points.From(6.25m), T0), redemption);
        Assert.Equal(Points.From(6.25m), account.Balance);
        Assert.Equal(Points.From(3.75m), account.TotalDebited);
        Assert.Same(redemption, year.FindRedemption("r"));
        Assert.Equal(new PointsAccountDebited(Member, redemption), account.DomainEvents[^1]);
    }

    [Fact]
    public void Debit_MoreThanBalance_ThrowsNamingBalanceAndCostAndChangesNothing()
    {
        var account = new PointsAccount(Member);
        account.Credit(year, Points.From(10), "c", null, T0);
        var item = new RewardItem(new RewardItemId(1), "Tea", Points.From(4), 10);

        var ex = Assert.Throws<GridGovernanceException>(() => account.Debit(year, item, 3, "r", T0));

        Assert.Equal(ErrorCodes.InsufficientBalance, ex.Code);
        Assert.Contains("balance of 10 points", ex.Message);
        Assert.Contains("costs 12 points", ex.Message);
        Assert.Equal(Points.From(10), account.Balance);
        Assert.Empty(year.Redemptions);
        Assert.Null(year.FindRedemption("r"));
    }

    [Fact]
    public void Debit_HugeQuantity_RefusedWithoutOverflow()
    {
        var account = new PointsAccount(Member);
        account.Credit(year, Points.From(1_000_000), "c", null, T0);
        var item = new RewardItem(new RewardItemId(1), "Gold", Points.From(1_000_000_000m), int.MaxValue);

        var ex = Assert.Throws<GridGovernanceException>(() => account.Debit(year, item, int.MaxValue, "r", T0));

        Assert.Equal(ErrorCodes.InsufficientBalance, ex.Code);
    }

    [Fact]
    public void Debit_ExactBalance_LeavesZero()
    {
        var account = new PointsAccount(Member);
        account.Credit(year, Points.From(3), "c", null, T0);

        account.Debit(year, new RewardItem(new RewardItemId(1), "Tea", Points.From(1.5m), 10), 2, "r", T0);

        Assert.Equal(Points.Zero, account.Balance);
    }

    [Fact]
    public void Debit_KeyAlreadyUsed_Throws()
    {
        var account = new PointsAccount(Member);
        account.Credit(year, Points.From(10), "c", null, T0);
        var item = new RewardItem(new RewardItemId(1), "Tea", Points.From(1), 10);
        account.Debit(year, item, 1, "r", T0);

        Assert.Throws<GridGovernanceValidationException>(() => account.Debit(year, item, 1, "r", T0));
        Assert.Equal(Points.From(9), account.Balance);
    }

    [Fact]
    public void CreditAndRedemptionKeys_AreSeparate()
    {
        var account = new PointsAccount(Member);
        account.Credit(year, Points.From(10), "same", null, T0);

        account.Debit(year, new RewardItem(new RewardItemId(1), "Tea", Points.From(1), 10), 1, "same", T0);

        Assert.NotNull(year.FindCredit("same"));
        Assert.NotNull(year.FindRedemption("same"));
        Assert.Equal(Points.From(9), account.Balance);
    }
}
