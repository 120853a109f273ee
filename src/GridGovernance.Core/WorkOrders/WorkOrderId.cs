namespace GridGovernance.WorkOrders;

/// <summary>
/// Identifies a work order (工单).
/// </summary>
/// <remarks>
/// Ids are positive; <c>default(WorkOrderId)</c> (value 0) means "none" and is never a valid id.
/// <see cref="WorkOrderService"/> hands them out in filing order (one more than the highest stored).
/// </remarks>
[Immutable]
[StronglyTypedId("workorder")]
public readonly partial record struct WorkOrderId;
