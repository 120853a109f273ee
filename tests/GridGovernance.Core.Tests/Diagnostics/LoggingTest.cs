using System.Collections.Concurrent;
using GridGovernance.Authority;
using GridGovernance.Tests.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static GridGovernance.Tests.WorkOrders.WorkOrderServiceFixture;

namespace GridGovernance.Tests.Diagnostics;

/// <summary>The services log their decisions with the event ids of docs/observability.md, and never personal data.</summary>
public sealed class LoggingTest
{
    private sealed class Sink
    {
        public ConcurrentQueue<(EventId Id, LogLevel Level, string Message)> Lines { get; } = new();
    }

    private sealed class CapturingLogger<T>(Sink sink) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Lines.Enqueue((eventId, logLevel, formatter(state, exception) + " " + string.Join(" ", state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => p.Value) : [])));
    }

    [Fact]
    public async Task WorkOrderScenario_LogsItsDecisions_WithIdsOnly()
    {
        var sink = new Sink();
        using var f = new WorkOrderServiceFixture(configure: s => s.AddSingleton(sink).AddSingleton(typeof(ILogger<>), typeof(CapturingLogger<>)));
        var draft = Draft() with { FilerName = "欧阳娜娜", FilerPhone = "139-8765-4321", Description = "幸福路88号3单元502室漏水" };
        var id = (await f.RunAsync(s => s.FileAsync(Resident, draft))).Id;
        await f.RunAsync(s => s.TriageAsync(GridHead1000, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.ClaimAsync(Stranger110, id)));
        await f.RunAsync(s => s.EscalateAsync(DistrictSecretary, id));

        var lines = sink.Lines.ToArray();
        Assert.Contains(lines, l => l.Id.Id == 1101 && l.Id.Name == "RosterImported");
        Assert.Contains(lines, l => l.Id.Id == 1301 && l.Message.Contains(id.ToString(), StringComparison.Ordinal) && l.Message.Contains("a resident", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Id.Id == 1001 && l.Message.Contains("workorders.claim", StringComparison.Ordinal) && l.Message.Contains("workorders.forbidden", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Id.Id == 1302 && l.Message.Contains(id.ToString(), StringComparison.Ordinal));
        string[] personal = ["欧阳娜娜", "王小明", "13987654321", "139-8765-4321", "8765", "4321", "幸福路", "wx:openid-17", "漏水", draft.Description];
        Assert.All(lines, l => Assert.All(personal, p => Assert.DoesNotContain(p, l.Message, StringComparison.Ordinal)));
    }
}
