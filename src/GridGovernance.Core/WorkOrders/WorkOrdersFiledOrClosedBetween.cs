using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>Orders filed, or closed, in <c>[start, end)</c>, by id: the candidates of a public board period.</summary>
[Immutable]
public sealed class WorkOrdersFiledOrClosedBetween : Specification<WorkOrder>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="start">The first instant.</param>
    /// <param name="end">The instant after the last.</param>
    public WorkOrdersFiledOrClosedBetween(Instant start, Instant end) =>
        Query.Where(o => (o.FiledAt >= start && o.FiledAt < end) || (o.ClosedAt != null && o.ClosedAt >= start && o.ClosedAt < end))
            .OrderBy(o => o.Id.Value);
}
