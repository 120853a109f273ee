using NodaTime;

namespace GridGovernance.AspNetCore;

/// <summary>The schedule of <see cref="WorkOrderScheduler"/> (section <c>GridGovernanceWeb:Scheduler</c>).</summary>
public sealed class WorkOrderSchedulerOptions
{
    /// <summary>Whether the scheduler runs at all; default true. False leaves the scans to the app.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often a scan runs, on the injected NodaTime <see cref="IClock"/>: a scan runs when the clock has reached the
    /// last scan's instant plus this. Default 15 minutes; at least one second.
    /// </summary>
    public Duration Interval { get; set; } = Duration.FromMinutes(15);

    /// <summary>
    /// How often the service looks at the clock, in real time (<see cref="TimeProvider"/>); default 30 seconds, at most
    /// <see cref="Interval"/> in practice. A test with a fake clock sets it small.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The system actor's process name in the orders' audit trail; default <c>work-order-scan</c>.</summary>
    public string ActorName { get; set; } = "work-order-scan";

    /// <summary>Whether a scan sends the reminders that are due (催办); default true.</summary>
    public bool SendReminders { get; set; } = true;

    /// <summary>Whether a scan escalates overdue orders up the responsibility chain; default true.</summary>
    public bool EscalateOverdue { get; set; } = true;
}
