using System.Collections.Immutable;
using GridGovernance.Authority;
using GridGovernance.Organisation;
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
/// <remarks>
/// The roster: district 1, street 10, community 100 and grid branch 1000, members 1 to 64 in the grid, and member 99 (in the grid) the
/// district's cashier (<see cref="Cashier"/>), who keeps the catalogue. Credits are made by the system
/// (<see cref="Grant"/>), redemptions by the account holder in person.
/// </remarks>
internal sealed class RedemptionFixture : IDisposable
{
    public static readonly MemberId Alice = new(1);
    public static readonly MemberId Bob = new(2);
    public static readonly RewardItemId Rice = new(10);
    public static readonly RewardItemId Haircut = new(11);
    public static readonly OrgUnitId District = new(1), Grid = new(1000);
    public static readonly MemberId CashierMember = new(99);
    public static readonly Actor Cashier = Actor.Post(CashierMember, RoleKind.Cashier, District);
    public static readonly Actor Grant = Actor.System("annual-grant");
    public const int RosterSize = 64;

    private readonly ServiceProvider provider;

    public RedemptionFixture()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddGridGovernance(o => o.Schema = HierarchySchemas.Standard);
        // TryAdd: once AddGridGovernance registers the service itself, that registration wins.
        services.TryAddScoped<RedemptionService>();
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(TestActors.System, Roster(), new LocalDate(2024, 1, 1)).GetAwaiter().GetResult();
    }

    /// <summary>The roster of the remarks.</summary>
    public static RosterBatch Roster() => new()
    {
        Units =
        [
            new UnitDraft(District, UnitKind.District, "区", null), new UnitDraft(new OrgUnitId(10), UnitKind.Street, "街道", District),
            new UnitDraft(new OrgUnitId(100), UnitKind.Community, "社区", new OrgUnitId(10)), new UnitDraft(Grid, UnitKind.GridBranch, "网格", new OrgUnitId(100)),
        ],
        Members = [.. Enumerable.Range(1, RosterSize).Append(CashierMember.Value)
            .Select(m => new MemberDraft(new MemberId(m), $"党员{m}", MemberKind.LongResident, new LocalDate(2001, 7, 1), Grid))],
        Roles = [new RoleDraft(CashierMember, RoleKind.Cashier, District)],
    };

    /// <summary>The account holder in person.</summary>
    public static Actor Holder(MemberId member) => Actor.Member(member);

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
        RunAsync(s => s.CreditAsync(Grant, member, P(points), key, note));

    public Task<RedemptionRecord> RedeemAsync(MemberId member, RewardItemId item, int quantity, string key) =>
        RunAsync(s => s.RedeemAsync(member.IsSpecified ? Holder(member) : Cashier, member, item, quantity, key));

    public Task<RewardItem> AddItemAsync(RewardItemId id, string name, decimal price, int stock) =>
        RunAsync(s => s.AddRewardItemAsync(Cashier, id, name, P(price), stock));

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
        var authority = new AuthorityPolicy(new InMemoryRepository<OrgUnit>(Store, unitOfWork), new InMemoryRepository<Member>(Store, unitOfWork),
            new InMemoryRepository<Household>(Store, unitOfWork), Options);
        return new RedemptionService(
            new InMemoryRepository<PointsAccount>(Store, unitOfWork),
            new InMemoryRepository<PointsAccountYear>(Store, unitOfWork),
            new InMemoryRepository<RewardItem>(Store, unitOfWork),
            wrap(unitOfWork),
            authority,
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
