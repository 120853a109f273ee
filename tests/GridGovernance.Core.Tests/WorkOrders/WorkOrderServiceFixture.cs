using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Tests.Organisation;
using GridGovernance.Tests.Persistence;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// The Laiwu test city (district 1 → streets 10, 11 → communities 100, 101, 110 → grids 1000, 1001, 1010, 1011, 1100)
/// behind a <see cref="WorkOrderService"/> with a fake clock that starts on Monday 2024-06-03 10:00 in Shanghai.
/// Posts on top of the city's own (M2 grid head of 1000, M1 group leader): M2 secretary (书记) of community 100,
/// M1 secretary of grid 1000, M3 secretary of street 10, M4 secretary of community 110, M5 secretary of the district.
/// </summary>
internal sealed class WorkOrderServiceFixture : IDisposable
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly OrgUnitId District = new(1), Street10 = new(10), Community100 = new(100), Community110 = new(110), Grid1000 = new(1000);
    public static readonly Actor Secretary100 = Actor.Post(new MemberId(2), RoleKind.Secretary, Community100); // M2 sits in grid 1000 under community 100
    public static readonly Actor GridHead1000 = Actor.Post(new MemberId(2), RoleKind.GridHead, Grid1000);
    public static readonly Actor GridSecretary1000 = Actor.Post(new MemberId(1), RoleKind.Secretary, Grid1000); // M1 is in a party group under grid 1000
    public static readonly Actor Stranger110 = Actor.Post(new MemberId(4), RoleKind.Secretary, Community110);
    public static readonly Actor StreetCadre = Actor.Post(new MemberId(3), RoleKind.Secretary, Street10);
    public static readonly Actor DistrictSecretary = Actor.Post(new MemberId(5), RoleKind.Secretary, District);
    public static readonly Actor Resident = Actor.Resident("wx:openid-17");
    public static readonly Actor Scan = Actor.System("work-order-scan");

    /// <summary>The Laiwu city with the posts the work-order tests act in.</summary>
    public static RosterBatch City()
    {
        var city = OrganisationFixture.LaiwuCity();
        return city with
        {
            Roles =
            [
                .. city.Roles,
                new RoleDraft(new MemberId(2), RoleKind.Secretary, Community100), new RoleDraft(new MemberId(1), RoleKind.Secretary, Grid1000),
                new RoleDraft(new MemberId(3), RoleKind.Secretary, Street10), new RoleDraft(new MemberId(4), RoleKind.Secretary, Community110),
                new RoleDraft(new MemberId(5), RoleKind.Secretary, District),
            ],
        };
    }

    private readonly ServiceProvider provider;

    public WorkOrderServiceFixture(WorkOrderPolicy? policy = null, FaultPlan? faults = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        if (faults is not null)
        {
            FaultInjectingUnitOfWork.Register(services, faults);
        }
        if (policy is not null)
        {
            services.AddSingleton(policy);
        }
        services.AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu);
        configure?.Invoke(services);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(TestActors.System, City(), OrganisationFixture.D0).GetAwaiter().GetResult();
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2024, 6, 3, 2, 0));

    public InMemoryStore Store => provider.GetRequiredService<InMemoryStore>();

    public static WorkOrderDraft Draft(string category = "leak", OrgUnitId? unit = null) => new()
    {
        Category = category,
        Description = "西湖春天小区商铺楼二楼饭店卫生间漏水到住宅楼入户大厅，联系人王小明 13812341234",
        Unit = unit ?? Grid1000,
        Channel = WorkOrderChannel.Hotline12345,
        FilerName = "王小明",
        FilerPhone = "138-1234-1234",
        Address = "西湖春天小区3号楼1单元",
    };

    public async Task<T> RunAsync<T>(Func<WorkOrderService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<WorkOrderService>());
    }

    public async Task<T> RunOrganisationAsync<T>(Func<OrganisationService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<OrganisationService>());
    }

    public async Task<T> ResolveAsync<TService, T>(Func<TService, Task<T>> operation)
        where TService : notnull
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Every stored aggregate of the city and its orders with its version: equal fingerprints mean nothing changed.</summary>
    public async Task<string> FingerprintAsync()
    {
        using var scope = provider.CreateScope();
        var lines = new List<string>();
        async Task AddAsync<T>()
            where T : class, IAggregateRoot =>
            lines.AddRange((await scope.ServiceProvider.GetRequiredService<IReadRepository<T>>().ListAsync()).Select(a => $"{a.Id} v{a.Version}"));
        await AddAsync<OrgUnit>();
        await AddAsync<Member>();
        await AddAsync<Household>();
        await AddAsync<StationedUnit>();
        await AddAsync<WorkOrder>();
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    public async Task<T> RunLedgerAsync<T>(Func<GridGovernance.Scoring.Ledger.PointsLedgerService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<GridGovernance.Scoring.Ledger.PointsLedgerService>());
    }

    /// <summary>Files an order and sorts it; returns its id.</summary>
    public async Task<WorkOrderId> FileAndTriageAsync(string category = "leak")
    {
        var order = await RunAsync(s => s.FileAsync(Resident, Draft(category)));
        await RunAsync(s => s.TriageAsync(Secretary100, order.Id));
        return order.Id;
    }

    public void Advance(Duration by) => Clock.Advance(by);

    public void Dispose() => provider.Dispose();
}
