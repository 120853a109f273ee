using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Tests.Organisation;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// The Laiwu test city (district 1 → streets 10, 11 → communities 100, 101, 110 → grids 1000, 1001, 1010, 1011, 1100)
/// behind a <see cref="WorkOrderService"/> with a fake clock that starts on Monday 2024-06-03 10:00 in Shanghai.
/// </summary>
internal sealed class WorkOrderServiceFixture : IDisposable
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly OrgUnitId District = new(1), Street10 = new(10), Community100 = new(100), Community110 = new(110), Grid1000 = new(1000);
    public static readonly WorkOrderOfficial Secretary100 = new(new MemberId(2), Community100); // M2 sits in grid 1000 under community 100
    public static readonly WorkOrderOfficial GridHead1000 = new(new MemberId(2), Grid1000);
    public static readonly WorkOrderOfficial Member1000 = new(new MemberId(1), Community100); // M1 is in a party group under grid 1000
    public static readonly WorkOrderOfficial Stranger110 = new(new MemberId(4), Community110);
    public static readonly WorkOrderOfficial StreetCadre = new(new MemberId(2), Street10);
    public static readonly WorkOrderActor Resident = WorkOrderActor.ForResident("wx:openid-17");

    private readonly ServiceProvider provider;

    public WorkOrderServiceFixture(WorkOrderPolicy? policy = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        if (policy is not null)
        {
            services.AddSingleton(policy);
        }
        services.AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(TestActors.System, OrganisationFixture.LaiwuCity(), OrganisationFixture.D0).GetAwaiter().GetResult();
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2024, 6, 3, 2, 0));

    public InMemoryStore Store => provider.GetRequiredService<InMemoryStore>();

    public static WorkOrderDraft Draft(string category = "leak", OrgUnitId? unit = null) => new()
    {
        Category = category,
        Description = "西湖春天小区商铺楼二楼饭店卫生间漏水到住宅楼入户大厅，联系人王小明 13812341234",
        Unit = unit ?? Grid1000,
        Channel = WorkOrderChannel.Hotline12345,
        FiledBy = Resident,
        FilerName = "王小明",
        FilerPhone = "138-1234-1234",
        Address = "西湖春天小区3号楼1单元",
    };

    public async Task<T> RunAsync<T>(Func<WorkOrderService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<WorkOrderService>());
    }

    public async Task<T> RunLedgerAsync<T>(Func<GridGovernance.Scoring.Ledger.PointsLedgerService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<GridGovernance.Scoring.Ledger.PointsLedgerService>());
    }

    /// <summary>Files an order and sorts it; returns its id.</summary>
    public async Task<WorkOrderId> FileAndTriageAsync(string category = "leak")
    {
        var order = await RunAsync(s => s.FileAsync(Draft(category)));
        await RunAsync(s => s.TriageAsync(order.Id, Secretary100));
        return order.Id;
    }

    public void Advance(Duration by) => Clock.Advance(by);

    public void Dispose() => provider.Dispose();
}
