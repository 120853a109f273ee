using GridGovernance.Persistence;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GridGovernance.AspNetCore;

/// <summary>
/// The overdue work-order backlog (<see cref="OverdueWorkOrders"/> at the injected clock's now): Healthy with none,
/// Degraded from <see cref="GridGovernanceHealthOptions.OverdueDegradedAt"/>, Unhealthy from
/// <see cref="GridGovernanceHealthOptions.OverdueUnhealthyAt"/>. The count is in the result's data as <c>overdue</c>.
/// </summary>
internal sealed class OverdueBacklogHealthCheck(IReadRepository<WorkOrder> orders, IClock clock, IOptions<GridGovernanceHealthOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int overdue = await orders.CountAsync(new OverdueWorkOrders(clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["overdue"] = overdue };
        var limits = options.Value;
        string description = $"{overdue} work order(s) overdue.";
        if (limits.OverdueUnhealthyAt > 0 && overdue >= limits.OverdueUnhealthyAt)
        {
            return HealthCheckResult.Unhealthy(description, data: data);
        }
        return limits.OverdueDegradedAt > 0 && overdue >= limits.OverdueDegradedAt
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
