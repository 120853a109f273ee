using GridGovernance.Authority;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GridGovernance.AspNetCore;

/// <summary>
/// A hosted service that sends due reminders (<see cref="WorkOrderService.SendRemindersAsync"/>) and escalates overdue
/// orders (<see cref="WorkOrderService.EscalateOverdueAsync"/>) as <c>Actor.System(ActorName)</c>, on the schedule of
/// <see cref="WorkOrderSchedulerOptions"/>, measured on the injected NodaTime <see cref="IClock"/> (the same clock the
/// services use for time limits). The first scan runs at start; each scan runs in its own DI scope; a scan that fails
/// is logged and the next one runs on schedule.
/// </summary>
public sealed partial class WorkOrderScheduler : BackgroundService
{
    private readonly IServiceScopeFactory scopes;
    private readonly IClock clock;
    private readonly TimeProvider timeProvider;
    private readonly WorkOrderSchedulerOptions options;
    private readonly ILogger<WorkOrderScheduler> logger;
    private Instant? lastScan;

    /// <summary>Creates the service (the DI container does).</summary>
    /// <param name="scopes">Makes a scope per scan.</param>
    /// <param name="clock">The clock the schedule is measured on.</param>
    /// <param name="timeProvider">Real time, for the polling delay only.</param>
    /// <param name="options">The schedule.</param>
    /// <param name="logger">The log.</param>
    public WorkOrderScheduler(IServiceScopeFactory scopes, IClock clock, TimeProvider timeProvider, IOptions<WorkOrderSchedulerOptions> options,
        ILogger<WorkOrderScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.scopes = scopes;
        this.clock = clock;
        this.timeProvider = timeProvider;
        this.options = options.Value;
        this.logger = logger;
    }

    /// <summary>How many scans have run since start (for tests and diagnostics).</summary>
    public int Scans { get; private set; }

    /// <summary>Runs one scan now, whatever the schedule: reminders, then escalation.</summary>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>How many orders were reminded and how many escalated.</returns>
    public async Task<(int Reminded, int Escalated)> ScanAsync(CancellationToken cancellationToken = default)
    {
        var actor = Actor.System(options.ActorName);
        int reminded = 0, escalated = 0;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<WorkOrderService>();
            if (options.SendReminders)
            {
                reminded = (await service.SendRemindersAsync(actor, cancellationToken).ConfigureAwait(false)).Length;
            }
        }
        // Escalation in a scope of its own: it reads what the reminders saved.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<WorkOrderService>();
            if (options.EscalateOverdue)
            {
                escalated = (await service.EscalateOverdueAsync(actor, cancellationToken).ConfigureAwait(false)).Length;
            }
        }
        Scans++;
        LogScan(reminded, escalated);
        return (reminded, escalated);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }
        var interval = Duration.Max(options.Interval, Duration.FromSeconds(1));
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetCurrentInstant();
            if (lastScan is not Instant last || now >= last + interval)
            {
                lastScan = now;
                try
                {
                    await ScanAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogScanFailed(e);
                }
            }
            try
            {
                await Task.Delay(options.PollInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Work-order scan: {Reminded} reminded, {Escalated} escalated.")]
    private partial void LogScan(int reminded, int escalated);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Work-order scan failed; the next runs on schedule.")]
    private partial void LogScanFailed(Exception exception);
}
