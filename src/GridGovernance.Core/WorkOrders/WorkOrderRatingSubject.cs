using GridGovernance.Authority;
using GridGovernance.Organisation;

namespace GridGovernance.WorkOrders;

/// <summary>
/// A work order as the subject of its rating (评价): the order's answers, and the members who claimed or resolved it
/// as its handlers, read from the audit trail when the rules ask (a handler may not rate their own work).
/// </summary>
internal sealed class WorkOrderRatingSubject(WorkOrder order) : IAuthoritySubject
{
    private IAuthoritySubject Order => order;

    /// <inheritdoc />
    public string Label => Order.Label;

    /// <inheritdoc />
    public NodeRef? Node => Order.Node;

    /// <inheritdoc />
    public MemberId? Owner => null;

    /// <inheritdoc />
    public string? Filer => Order.Filer;

    /// <inheritdoc />
    public bool HasHandled(MemberId member)
    {
        foreach (var record in order.Audit.AsSpan())
        {
            if (record.Command is WorkOrderCommand.Claim or WorkOrderCommand.Resolve && record.Actor.TryGetMember(out var handler) && handler == member)
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc />
    public bool HasSummoned(string department) => Order.HasSummoned(department);
}
