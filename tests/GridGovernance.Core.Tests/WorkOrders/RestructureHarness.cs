using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>A generated city behind the whole library with a fake clock, for restructures interleaved with work orders.</summary>
internal sealed class RestructureHarness : IDisposable
{
    private readonly ServiceProvider provider;

    private RestructureHarness(ServiceProvider provider, FakeClock clock)
    {
        this.provider = provider;
        Clock = clock;
    }

    public FakeClock Clock { get; }

    public LocalDate Today => Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;

    /// <summary>Imports the city; the clock starts two days after the roster's date, at 10:00 in Shanghai.</summary>
    public static RestructureHarness Import(GeneratedCity city)
    {
        var start = city.Date.PlusDays(2).At(new LocalTime(10, 0)).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();
        var clock = new FakeClock(start);
        var provider = city.CreateServicesAsync(s => s.AddSingleton<IClock>(clock)).GetAwaiter().GetResult();
        return new RestructureHarness(provider, clock);
    }

    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> operation)
        where TService : notnull
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<T> OrganisationAsync<T>(Func<OrganisationService, Task<T>> operation) => RunAsync(operation);

    public Task<T> OrdersAsync<T>(Func<WorkOrderService, Task<T>> operation) => RunAsync(operation);

    public Task<IReadOnlyList<T>> ListAsync<T>()
        where T : class, IAggregateRoot => RunAsync<IReadRepository<T>, IReadOnlyList<T>>(r => r.ListAsync());

    /// <summary>Every stored aggregate with its version.</summary>
    public async Task<string> FingerprintAsync()
    {
        var lines = new List<string>();
        lines.AddRange((await ListAsync<OrgUnit>()).Select(a => $"{a.Id} v{a.Version}"));
        lines.AddRange((await ListAsync<Member>()).Select(a => $"{a.Id} v{a.Version}"));
        lines.AddRange((await ListAsync<Household>()).Select(a => $"{a.Id} v{a.Version}"));
        lines.AddRange((await ListAsync<StationedUnit>()).Select(a => $"{a.Id} v{a.Version}"));
        lines.AddRange((await ListAsync<WorkOrder>()).Select(a => $"{a.Id} v{a.Version}"));
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Whether every order that is not closed sits at open units and escalation from its responsible unit climbs through
    /// open units to a root; the first order that breaks it, or <c>null</c>.
    /// </summary>
    public async Task<string?> StrandedOrderAsync()
    {
        var today = Today;
        var units = (await ListAsync<OrgUnit>()).ToDictionary(u => u.Id);
        foreach (var order in await ListAsync<WorkOrder>())
        {
            if (order.Status == WorkOrderStatus.Closed)
            {
                continue;
            }
            if (!units[order.Unit].IsOpenOn(today) || !units[order.ResponsibleUnit].IsOpenOn(today))
            {
                return $"{order} is bound to a closed unit ({order.Unit}, {order.ResponsibleUnit})";
            }
            var current = order.ResponsibleUnit;
            for (int steps = 0; ; steps++)
            {
                var next = await RunAsync<IEscalationPath, OrgUnitId?>(p => p.NextAsync(current, today));
                if (next is not OrgUnitId up)
                {
                    if (units[current].ParentId is not null)
                    {
                        return $"{order}: escalation stops at {current}, which is not a root";
                    }
                    break;
                }
                if (!units[up].IsOpenOn(today) || steps > units.Count)
                {
                    return $"{order}: escalation from {current} goes to {up}, closed or in a loop";
                }
                current = up;
            }
        }
        return null;
    }

    /// <summary>Runs a command; returns the refusal, or <c>null</c> when it went through.</summary>
    public static async Task<GridGovernanceException?> TryAsync(Func<Task> command)
    {
        try
        {
            await command();
            return null;
        }
        catch (GridGovernanceException e)
        {
            return e;
        }
    }

    public static Actor SecretaryOf(MemberId member, OrgUnitId unit) => Actor.Post(member, RoleKind.Secretary, unit);

    public void Dispose() => provider.Dispose();
}
