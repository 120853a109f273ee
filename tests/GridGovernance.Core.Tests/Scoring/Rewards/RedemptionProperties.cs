using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring.Rewards;
using NodaTime;
using static GridGovernance.Tests.Scoring.Rewards.RedemptionFixture;
using RedemptionRecord = GridGovernance.Scoring.Rewards.Redemption;

namespace GridGovernance.Tests.Scoring.Rewards;

/// <summary>
/// Random sequences of credits, redemptions, restocks and withdrawals, run through the service against the
/// in-memory store and against a plain model. Few members, items and keys, so that keys are replayed, stock runs
/// out and balances are often too small.
/// </summary>
public sealed class RedemptionProperties
{
    private static readonly (RewardItemId Id, decimal Price, int Stock)[] Catalogue =
    [
        (new RewardItemId(1), 1.25m, 4),
        (new RewardItemId(2), 10m, 2),
        (new RewardItemId(3), 0.5m, 20),
    ];

    [Property(Arbitrary = [typeof(RedemptionOpGenerators)], MaxTest = 150)]
    public async Task AnySequence_BalanceNeverNegativeAndEqualsCreditsMinusDebits(RedemptionOp[] operations)
    {
        using var fixture = new RedemptionFixture();
        foreach (var (id, price, stock) in Catalogue)
        {
            await fixture.AddItemAsync(id, "item " + id.Value, price, stock);
        }
        var model = new Model();

        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreditOp(var m, var quarters, var k):
                {
                    var member = new MemberId(m);
                    decimal amount = quarters * 0.25m;
                    var expected = model.Credit(member, "c" + k, amount);
                    var outcome = await TryAsync(fixture.RunAsync(s => s.CreditAsync(Grant, member, P(amount), "c" + k)));
                    Assert.Equal(expected, outcome.Code);
                    break;
                }
                case RedeemOp(var m, var i, var quantity, var k):
                {
                    var member = new MemberId(m);
                    var item = Catalogue[i].Id;
                    var (expectedCode, earlier) = model.Redeem(member, "r" + k, i, quantity);
                    var outcome = await TryAsync(fixture.RedeemAsync(member, item, quantity, "r" + k));
                    Assert.Equal(expectedCode, outcome.Code);
                    if (earlier is not null)
                    {
                        Assert.Equal(earlier, outcome.Result);
                    }
                    else if (outcome.Result is not null)
                    {
                        model.Recorded(outcome.Result);
                    }
                    break;
                }
                case RestockOp(var i, var quantity):
                    await fixture.RunAsync(s => s.AddStockAsync(Cashier, Catalogue[i].Id, quantity));
                    model.Stock[i] += quantity;
                    break;
                case DeactivateOp(var i):
                {
                    var outcome = await TryAsync(fixture.RunAsync(s => s.DeactivateRewardItemAsync(Cashier, Catalogue[i].Id)));
                    Assert.Equal(model.Active[i] ? null : ErrorCodes.RewardItemInactive, outcome.Code);
                    model.Active[i] = false;
                    break;
                }
            }
            await AssertMatchesModelAsync(fixture, model);
        }
    }

    [Property(Arbitrary = [typeof(RedemptionOpGenerators)], MaxTest = 300)]
    public void Account_AnyCreditsAndDebits_BalanceNeverNegative(AccountStep[] steps)
    {
        var account = new PointsAccount(new MemberId(1));
        // The balance carries over from one year of the account to the next.
        PointsAccountYear[] years = [new(account.Member, 2024), new(account.Member, 2025)];
        var item = new RewardItem(new RewardItemId(1), "Tea", Points.From(0.75m), int.MaxValue);
        var at = Instant.FromUtc(2024, 1, 1, 0, 0);
        long credited = 0, debited = 0;
        for (int n = 0; n < steps.Length; n++)
        {
            var step = steps[n];
            var year = years[2 * n / Math.Max(steps.Length, 1)];
            if (step.IsCredit)
            {
                account.Credit(year, Points.FromUnits(step.Amount * 2_500L), "c" + n, null, at);
                credited += step.Amount * 2_500L;
            }
            else
            {
                bool affordable = item.Price.Units * (long)step.Amount <= account.Balance.Units;
                try
                {
                    account.Debit(year, item, step.Amount, "r" + n, at);
                    Assert.True(affordable);
                    debited += item.Price.Units * step.Amount;
                }
                catch (GridGovernanceException e) when (e.Code == ErrorCodes.InsufficientBalance)
                {
                    Assert.False(affordable);
                }
            }
            Assert.False(account.Balance.IsNegative);
            Assert.Equal(credited - debited, account.Balance.Units);
            Assert.Equal(account.TotalCredited - account.TotalDebited, account.Balance);
        }
        Assert.Equal(account.TotalCredited, Sum(years.SelectMany(y => y.Credits).Select(c => c.Points)));
        Assert.Equal(account.TotalDebited, Sum(years.SelectMany(y => y.Redemptions).Select(r => r.Cost)));
    }

    private static async Task AssertMatchesModelAsync(RedemptionFixture fixture, Model model)
    {
        foreach (var (member, expected) in model.Balances)
        {
            var account = await fixture.AccountAsync(member);
            Assert.NotNull(account);
            Assert.False(account.Balance.IsNegative);
            Assert.Equal(P(expected), account.Balance);
            Assert.Equal(account.TotalCredited - account.TotalDebited, account.Balance);
            Assert.Equal(Sum(account.Credits.Select(c => c.Points)) - Sum(account.Redemptions.Select(r => r.Cost)), account.Balance);
        }
        for (int i = 0; i < Catalogue.Length; i++)
        {
            var item = await fixture.ItemAsync(Catalogue[i].Id);
            Assert.Equal(model.Stock[i], item.Stock);
            Assert.Equal(model.Active[i], item.IsActive);
        }
    }

    private static Points Sum(IEnumerable<Points> points) => points.Aggregate(Points.Zero, (a, b) => a + b);

    private static async Task<(T? Result, string? Code)> TryAsync<T>(Task<T> call)
        where T : class
    {
        try
        {
            return (await call, null);
        }
        catch (GridGovernanceException e)
        {
            return (null, e.Code);
        }
    }

    /// <summary>What the rules say should happen, without aggregates or stores.</summary>
    private sealed class Model
    {
        private readonly Dictionary<(MemberId, string), decimal> credits = [];
        private readonly Dictionary<(MemberId, string), RedemptionRecord?> redemptions = [];
        private readonly Dictionary<(MemberId, string), (int Item, int Quantity)> pending = [];

        public Dictionary<MemberId, decimal> Balances { get; } = [];

        public int[] Stock { get; } = Catalogue.Select(c => c.Stock).ToArray();

        public bool[] Active { get; } = Catalogue.Select(_ => true).ToArray();

        public string? Credit(MemberId member, string key, decimal amount)
        {
            if (credits.TryGetValue((member, key), out var earlier))
            {
                return earlier == amount ? null : ErrorCodes.IdempotencyKeyConflict;
            }
            credits[(member, key)] = amount;
            Balances[member] = Balances.GetValueOrDefault(member) + amount;
            return null;
        }

        public (string? Code, RedemptionRecord? Earlier) Redeem(MemberId member, string key, int item, int quantity)
        {
            if (redemptions.TryGetValue((member, key), out var earlier))
            {
                return earlier!.Item == Catalogue[item].Id && earlier.Quantity == quantity
                    ? (null, earlier)
                    : (ErrorCodes.IdempotencyKeyConflict, null);
            }
            decimal cost = Catalogue[item].Price * quantity;
            string? code = !Active[item] ? ErrorCodes.RewardItemInactive
                : Stock[item] < quantity ? ErrorCodes.OutOfStock
                : Balances.GetValueOrDefault(member) < cost ? ErrorCodes.InsufficientBalance
                : null;
            if (code is null)
            {
                Stock[item] -= quantity;
                Balances[member] -= cost;
                pending[(member, key)] = (item, quantity);
            }
            return (code, null);
        }

        public void Recorded(RedemptionRecord redemption)
        {
            var key = (redemption.Member, redemption.IdempotencyKey);
            var (item, quantity) = pending[key];
            Assert.Equal((Catalogue[item].Id, quantity, P(Balances[redemption.Member])), (redemption.Item, redemption.Quantity, redemption.BalanceAfter));
            pending.Remove(key);
            redemptions[key] = redemption;
        }
    }
}

public abstract record RedemptionOp;

public sealed record CreditOp(int Member, int Quarters, int Key) : RedemptionOp;

public sealed record RedeemOp(int Member, int Item, int Quantity, int Key) : RedemptionOp;

public sealed record RestockOp(int Item, int Quantity) : RedemptionOp;

public sealed record DeactivateOp(int Item) : RedemptionOp;

/// <summary>One step against a bare account: a credit of <see cref="Amount"/> quarter points, or a debit of that many units.</summary>
public sealed record AccountStep(bool IsCredit, int Amount);

public static class RedemptionOpGenerators
{
    public static Arbitrary<RedemptionOp> RedemptionOp()
    {
        var member = Gen.Choose(1, 2);
        var key = Gen.Choose(0, 5);
        var item = Gen.Choose(0, 2);
        var quantity = Gen.Choose(1, 4);
        return Gen.Frequency(
            (4, member.Zip(Gen.Choose(1, 80), (m, q) => (m, q)).Zip(key, (t, k) => (RedemptionOp)new CreditOp(t.m, t.q, k))),
            (6, member.Zip(item, (m, i) => (m, i)).Zip(quantity.Zip(key, (q, k) => (q, k)), (a, b) => (RedemptionOp)new RedeemOp(a.m, a.i, b.q, b.k))),
            (1, item.Zip(quantity, (i, q) => (RedemptionOp)new RestockOp(i, q))),
            (1, item.Select(i => (RedemptionOp)new DeactivateOp(i))))
            .ToArbitrary();
    }

    public static Arbitrary<AccountStep> AccountStep() =>
        Gen.Elements(true, false).Zip(Gen.Choose(1, 40), (credit, amount) => new AccountStep(credit, amount)).ToArbitrary();
}
