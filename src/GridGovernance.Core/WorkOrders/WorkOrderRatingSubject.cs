using GridGovernance.Authority;
using GridGovernance.Organisation;

namespace GridGovernance.WorkOrders;

/// <summary>
/// A work order as the subject of its rating (评价): the order's answers, and the members who claimed or resolved it
/// as its handlers, read from the audit trail when the rules ask (a handler may not rate their own work).
/// </summary>
internal sealed class WorkOrderRatingSubject(WorkOrder order) : IAuthoritySubject
{
    // The answers a rating asks for are read from the order directly (Node, Filer), not through its interface: a second
    // interface call per question on the path of every rating. The rest are the order's own answers.
    private IAuthoritySubject Order => order;

    /// <inheritdoc />
    public string Label => Order.Label;

    /// <inheritdoc />
    public NodeRef? Node => order.ResponsibleUnit;

    /// <inheritdoc />
    public MemberId? Owner => null;

    /// <inheritdoc />
    public string? Filer => order.FiledBy.Value;

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
