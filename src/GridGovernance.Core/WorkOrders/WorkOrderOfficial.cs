namespace GridGovernance.WorkOrders;

/// <summary>A cadre or member acting for a unit: who takes, transfers, supervises or resolves an order.</summary>
/// <param name="Member">The member.</param>
/// <param name="Unit">The unit they act for; the order must be within its jurisdiction.</param>
[Immutable]
public readonly record struct WorkOrderOfficial(MemberId Member, OrgUnitId Unit)
{
    /// <summary>The member as an audit actor.</summary>
    public WorkOrderActor Actor => WorkOrderActor.ForMember(Member);

    /// <inheritdoc />
    public override string ToString() => $"{Member}@{Unit}";
}
