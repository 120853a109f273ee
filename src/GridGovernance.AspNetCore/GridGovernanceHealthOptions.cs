namespace GridGovernance.AspNetCore;

/// <summary>When the overdue work-order backlog check reports trouble (section <c>GridGovernanceWeb:Health</c>).</summary>
public sealed class GridGovernanceHealthOptions
{
    /// <summary>From how many overdue orders the check is Degraded; default 1 (any overdue order). 0 or less: never.</summary>
    public int OverdueDegradedAt { get; set; } = 1;

    /// <summary>From how many overdue orders the check is Unhealthy; default 0 (never: a backlog is work, not an outage).</summary>
    public int OverdueUnhealthyAt { get; set; }
}
