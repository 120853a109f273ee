using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using GridGovernance.Authority;
using GridGovernance.Claims.Matching;
using GridGovernance.Contacts;
using GridGovernance.Scoring;
using GridGovernance.Tests.Scoring.Ledger;
using GridGovernance.Tests.WorkOrders;

namespace GridGovernance.Tests.Diagnostics;

/// <summary>
/// The instruments and activities of docs/observability.md fire. The meter is process-wide and other tests run at the same
/// time, so each check asks for at least what this test caused.
/// </summary>
public sealed class TelemetryTest : IDisposable
{
    private readonly MeterListener meters = new();
    private readonly ActivityListener activities;
    private readonly ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> measurements = new();
    private readonly ConcurrentQueue<Activity> stopped = new();

    public TelemetryTest()
    {
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GridGovernanceDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, tags.ToArray())));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, tags.ToArray())));
        meters.Start();
        activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == GridGovernanceDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);
    }

    public void Dispose()
    {
        meters.Dispose();
        activities.Dispose();
    }

    private double Sum(string instrument, string? tag = null, string? value = null) =>
        measurements.Where(m => m.Name == instrument && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, value)))).Sum(m => m.Value);

    [Fact]
    public async Task WorkOrders_CountFiledEscalatedAndRefused_AndImportIsTraced()
    {
        using var f = new WorkOrderServiceFixture();   // imports the city
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.FileAsync(WorkOrderServiceFixture.Resident, WorkOrderServiceFixture.Draft()));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.FileAsync(WorkOrderServiceFixture.Stranger110, WorkOrderServiceFixture.Draft())));
        await f.RunAsync(s => s.EscalateAsync(WorkOrderServiceFixture.DistrictSecretary, id));

        Assert.True(Sum("gridgovernance.workorders.filed") >= 2);
        Assert.True(Sum("gridgovernance.workorders.escalated") >= 1);
        Assert.True(Sum("gridgovernance.authority.refusals", "gridgovernance.capability", "workorders.file") >= 1);
        Assert.True(Sum("gridgovernance.organisation.imports") >= 1);
        Assert.Contains(stopped, a => a.OperationName == "gridgovernance.organisation.import");
    }

    [Fact]
    public async Task Ledger_CountsDeclarationsAndApprovals()
    {
        using var f = new LedgerFixture();
        var declared = await f.DeclareAsync(LedgerFixture.M1, "themed-party-day", LedgerFixture.D(5, 10), "telemetry");
        await f.ApproveAsync(declared.Id);

        Assert.True(Sum("gridgovernance.points.declarations") >= 1);
        Assert.True(Sum("gridgovernance.points.approvals") >= 1);
    }

    [Fact]
    public void Engines_AreTracedAndTimed()
    {
        AssessmentEngine.Assess(LedgerFixture.Book, AssessmentPeriod.Quarter(2024, 2), LedgerFixture.Roster, ReadOnlySpan<AssessmentEntry>.Empty);
        ClaimMatcher.Match([], []);
        ContactPlanEngine.Plan([], []);

        Assert.Contains(stopped, a => a.OperationName == "gridgovernance.points.assessment");
        Assert.Contains(stopped, a => a.OperationName == "gridgovernance.claims.matching");
        Assert.Contains(stopped, a => a.OperationName == "gridgovernance.contacts.planning");
        Assert.Contains(measurements, m => m.Name == "gridgovernance.points.assessment.duration" && m.Value >= 0);
        Assert.Contains(measurements, m => m.Name == "gridgovernance.claims.matching.duration" && m.Value >= 0);
    }

    [Fact]
    public void Instruments_AreTheDocumentedOnes()
    {
        var published = new ConcurrentBag<(string Name, string? Unit)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, _) =>
            {
                if (i.Meter.Name == GridGovernanceDiagnostics.MeterName)
                {
                    published.Add((i.Name, i.Unit));
                }
            },
        };
        listener.Start();
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "observability.md"));
        Assert.True(published.Count >= 11, $"Only {published.Count} instruments were published.");
        Assert.All(published, i => Assert.Contains($"| `{i.Name}` | `{i.Unit}` |", page, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridGovernance.Core.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds GridGovernance.Core.sln.");
    }
}
