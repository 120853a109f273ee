using System.Collections.Immutable;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Rewards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using RedemptionRecord = GridGovernance.Scoring.Rewards.Redemption;

namespace GridGovernance.Tests.Scoring.Rewards;

/// <summary>
/// A service provider wired with <c>AddGridGovernance</c>, a fake clock and the redemption service. Every
/// operation runs in a scope of its own, so each one is a fresh unit of work against the shared in-memory store.
/// </summary>
internal sealed class RedemptionFixture : IDisposable
{
    public static readonly MemberId Alice = new(1);
    public static readonly MemberId Bob = new(2);
    public static readonly RewardItemId Rice = new(10);
    public static readonly RewardItemId Haircut = new(11);

    private readonly ServiceProvider provider;

    public RedemptionFixture()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddGridGovernance();
        // TryAdd: once AddGridGovernance registers the service itself, that registration wins.
        services.TryAddScoped<RedemptionService>();
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2024, 6, 1, 4, 0));

    public InMemoryStore Store => provider.GetRequiredService<InMemoryStore>();

    public GridGovernanceOptions Options => provider.GetRequiredService<GridGovernanceOptions>();

    public static Points P(decimal value) => Points.From(value);

    /// <summary>Runs one operation in its own scope (its own unit of work).</summary>
    public async Task<T> RunAsync<T>(Func<RedemptionService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<RedemptionService>());
    }

    /// <summary>Runs an operation that must be refused with a <see cref="GridGovernanceException"/> of exactly that type.</summary>
    public async Task<GridGovernanceException> RefusedAsync<T>(Func<RedemptionService, Task<T>> operation) =>
        await Assert.ThrowsAsync<GridGovernanceException>(() => RunAsync(operation));

    public Task<PointsCredit> CreditAsync(MemberId member, decimal points, string key, string? note = null) =>
        RunAsync(s => s.CreditAsync(member, P(points), key, note));

    public Task<RedemptionRecord> RedeemAsync(MemberId member, RewardItemId item, int quantity, string key) =>
        RunAsync(s => s.RedeemAsync(member, item, quantity, key));

    public Task<RewardItem> AddItemAsync(RewardItemId id, string name, decimal price, int stock) =>
        RunAsync(s => s.AddRewardItemAsync(id, name, P(price), stock));

    /// <summary>A member's account with the credits and redemptions of all its years, oldest first; <c>null</c> when there is none.</summary>
    public async Task<AccountView?> AccountAsync(MemberId member)
    {
        using var scope = provider.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<IReadRepository<PointsAccount>>().GetByIdAsync(member);
        if (account is null)
        {
            return null;
        }
        var years = (await scope.ServiceProvider.GetRequiredService<IReadRepository<PointsAccountYear>>().ListAsync())
            .Where(y => y.Member == member).OrderBy(y => y.Year).ToArray();
        return new AccountView(account, years, [.. years.SelectMany(y => y.Credits)], [.. years.SelectMany(y => y.Redemptions)]);
    }

    public async Task<RewardItem> ItemAsync(RewardItemId id)
    {
        using var scope = provider.CreateScope();
        var item = await scope.ServiceProvider.GetRequiredService<IReadRepository<RewardItem>>().GetByIdAsync(id);
        Assert.NotNull(item);
        return item;
    }

    /// <summary>A service over the shared store whose saves go through <paramref name="wrap"/>, for conflict tests.</summary>
    public RedemptionService ServiceOver(Func<InMemoryUnitOfWork, IUnitOfWork> wrap)
    {
        var unitOfWork = new InMemoryUnitOfWork(Store);
        return new RedemptionService(
            new InMemoryRepository<PointsAccount>(Store, unitOfWork),
            new InMemoryRepository<PointsAccountYear>(Store, unitOfWork),
            new InMemoryRepository<RewardItem>(Store, unitOfWork),
            wrap(unitOfWork),
            Options,
            Clock);
    }

    public IServiceScope CreateScope() => provider.CreateScope();

    public void Dispose() => provider.Dispose();
}

/// <summary>A member's account as the tests read it: the balance aggregate and every year's credits and redemptions.</summary>
internal sealed record AccountView(PointsAccount Account, PointsAccountYear[] Years, ImmutableArray<PointsCredit> Credits, ImmutableArray<RedemptionRecord> Redemptions)
{
    public Points Balance => Account.Balance;

    public Points TotalCredited => Account.TotalCredited;

    public Points TotalDebited => Account.TotalDebited;

    public long Version => Account.Version;
}
