using System.Net.Http.Json;
using System.Text.Json;
using GridGovernance.EntityFrameworkCore;
using GridGovernance.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.AspNetCore.Tests;

/// <summary>Health checks over SQLite and the in-memory store, and the scheduler driven by a fake clock.</summary>
public sealed class HealthAndSchedulerTest
{
    private static async Task<JsonElement> Health(SampleFactory factory) =>
        await factory.CreateClient().GetFromJsonAsync<JsonElement>("/health");

    [Fact]
    public async Task Scheduler_EscalatesOnTheFakeClock_AndTheBacklogCheckFollows()
    {
        using var factory = new SampleFactory();
        var before = await Health(factory);
        Assert.Equal("Healthy", before.GetProperty("checks").GetProperty("gridgovernance-store").GetProperty("status").GetString());
        Assert.Equal("Healthy", before.GetProperty("checks").GetProperty("gridgovernance-schema").GetProperty("status").GetString());
        Assert.Equal(0, before.GetProperty("checks").GetProperty("gridgovernance-overdue").GetProperty("data").GetProperty("overdue").GetInt32());

        var scheduler = factory.Services.GetRequiredService<WorkOrderScheduler>();
        await WaitFor(() => scheduler.Scans >= 1); // the first scan runs at start
        int scans = scheduler.Scans;
        await Task.Delay(200); // ten polls of real time, no time on the fake clock: no scan
        Assert.Equal(scans, scheduler.Scans);

        // Two weeks on the fake clock: the seeded orders' limits have passed. The scheduler, polling, finds its interval
        // passed and escalates them (one level up, with a new limit).
        var level = (await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/workorders/1")).GetProperty("level").GetString();
        factory.Clock.Advance(Duration.FromDays(14));
        await WaitFor(() => scheduler.Scans > scans);
        var order = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/workorders/1");
        Assert.NotEqual(level, order.GetProperty("level").GetString());
        var after = await Health(factory);
        Assert.Equal(0, after.GetProperty("checks").GetProperty("gridgovernance-overdue").GetProperty("data").GetProperty("overdue").GetInt32());
    }

    [Fact]
    public async Task Scan_CanBeRunByHand_AndTheBacklogCheckCountsWhatItEscalates()
    {
        using var factory = new SampleFactory { Settings = { ["GridGovernanceWeb:Scheduler:Enabled"] = "false" } };
        var scheduler = factory.Services.GetRequiredService<WorkOrderScheduler>();
        Assert.Equal(0, scheduler.Scans);
        factory.Clock.Advance(Duration.FromDays(14));
        var overdue = (await Health(factory)).GetProperty("checks").GetProperty("gridgovernance-overdue");
        Assert.Equal("Degraded", overdue.GetProperty("status").GetString());
        int count = overdue.GetProperty("data").GetProperty("overdue").GetInt32();
        Assert.InRange(count, 1, 3);
        long measured = 0;
        using (var listener = new System.Diagnostics.Metrics.MeterListener())
        {
            // The documented instrument fires for the scheduler's escalations (docs/observability.md).
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "GridGovernance" && instrument.Name == "gridgovernance.workorders.escalated")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref measured, value));
            listener.SetMeasurementEventCallback<int>((_, value, _, _) => Interlocked.Add(ref measured, value));
            listener.Start();
            var (_, escalated) = await scheduler.ScanAsync();
            Assert.Equal(count, escalated);
        }
        Assert.True(Interlocked.Read(ref measured) >= count, $"gridgovernance.workorders.escalated measured {measured}, expected at least {count}.");
        Assert.Equal("Healthy", (await Health(factory)).GetProperty("checks").GetProperty("gridgovernance-overdue").GetProperty("status").GetString());
        Assert.Equal((0, 0), await scheduler.ScanAsync()); // escalated with a new limit: nothing more is due now
    }

    [Fact]
    public async Task InMemoryStore_IsHealthy_WithTheSameChecks()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(new FakeClock(SampleFactory.Start))
            .AddGridGovernance(o => o.Schema = SampleFactory.City.Generated.Schema)
            .AddGridGovernanceAspNetCore();
        services.AddHealthChecks().AddGridGovernanceChecks();
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["gridgovernance-overdue", "gridgovernance-schema", "gridgovernance-store"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("in-memory", report.Entries["gridgovernance-store"].Data["store"]);
    }

    [Fact]
    public async Task UnreachableStore_IsUnhealthy_PendingMigrations_TooAndNamed()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddGridGovernance(o => o.Schema = SampleFactory.City.Generated.Schema)
            .AddSingleton<IStoreStatus>(new FixedStatus(new StoreStatus("sqlite", true, ["20250101_Initial"], null)));
        services.AddHealthChecks().AddGridGovernanceChecks();
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Entries["gridgovernance-store"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["gridgovernance-schema"].Status);
        Assert.Contains("20250101_Initial", report.Entries["gridgovernance-schema"].Description);

        var down = new ServiceCollection()
            .AddLogging()
            .AddGridGovernance(o => o.Schema = SampleFactory.City.Generated.Schema)
            .AddSingleton<IStoreStatus>(new FixedStatus(new StoreStatus("sqlite", false, [], "SqliteException: unable to open database file")));
        down.AddHealthChecks().AddGridGovernanceChecks();
        await using var downProvider = down.BuildServiceProvider();
        var downReport = await downProvider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, downReport.Entries["gridgovernance-store"].Status);
        Assert.Contains("unable to open", downReport.Entries["gridgovernance-store"].Description);
    }

    [Fact]
    public async Task EfStore_ReportsPendingMigrations_BeforeMigrating()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gg-health-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection()
            .AddLogging()
            .AddGridGovernanceEntityFrameworkCore(o => o.UseSqlite($"Data Source={path}"))
            .AddGridGovernance(o => o.Schema = SampleFactory.City.Generated.Schema);
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            // No file yet: EF Core's SQLite provider cannot connect to a database that does not exist.
            var missing = await scope.ServiceProvider.GetRequiredService<IStoreStatus>().CheckAsync();
            Assert.False(missing.Reachable);
            Assert.Contains("does not exist", missing.Error);
        }
        using (var create = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            create.Open(); // an empty database file: reachable, every migration pending
        }
        await using (var scope = provider.CreateAsyncScope())
        {
            var status = await scope.ServiceProvider.GetRequiredService<IStoreStatus>().CheckAsync();
            Assert.Equal("sqlite", status.Store);
            Assert.True(status.Reachable);
            Assert.NotEmpty(status.PendingMigrations);
            Assert.False(status.IsReady);
        }
        await GridGovernanceDatabase.MigrateAsync(provider);
        await using (var scope = provider.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IStoreStatus>().CheckAsync()).IsReady);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    [Fact]
    public void Scheduler_IsAHostedService()
    {
        using var factory = new SampleFactory { Seed = false };
        _ = factory.CreateClient();
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is WorkOrderScheduler);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The condition was not met within 30 seconds.");
            await Task.Delay(20);
        }
    }

    private sealed class FixedStatus(StoreStatus status) : IStoreStatus
    {
        public ValueTask<StoreStatus> CheckAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(status);
    }
}
