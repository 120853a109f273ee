namespace GridGovernance;

// The work-order (四单, 吹哨报到) codes; the other codes are in ErrorCodes.cs.
public static partial class ErrorCodes
{
    /// <summary>A command has no row in the work-order transition table for the order's state; see <see cref="IllegalTransitionException"/>.</summary>
    public const string WorkOrderIllegalTransition = "workorders.illegal-transition";
    /// <summary>The acting unit does not have the order within its jurisdiction (claim, supervise, whistle, close).</summary>
    public const string WorkOrderOutsideJurisdiction = "workorders.outside-jurisdiction";
    /// <summary>Only the resident who filed an order may rate it.</summary>
    public const string WorkOrderNotFiler = "workorders.not-filer";
    /// <summary>The order cannot be resolved while a summoned department's part is not resolved.</summary>
    public const string WorkOrderPartsOpen = "workorders.parts-open";
    /// <summary>A department was named twice, or a part was acted on out of order (resolved before it was acknowledged, acknowledged twice).</summary>
    public const string WorkOrderPartState = "workorders.part-state";
    /// <summary>The department named has not been summoned for this order.</summary>
    public const string WorkOrderUnknownDepartment = "workorders.unknown-department";
    /// <summary>The order cannot go further up: it is at the top level or its unit has no parent.</summary>
    public const string WorkOrderNoEscalationPath = "workorders.no-escalation-path";
    /// <summary>The order is not overdue or not due for a reminder, so the automatic step does not apply.</summary>
    public const string WorkOrderNotDue = "workorders.not-due";
    /// <summary>A triage policy is inconsistent (a rule names an unknown class, two classes share a code).</summary>
    public const string WorkOrderInvalidPolicy = "workorders.invalid-policy";
    /// <summary>A whistle summons a department that is not in the policy's configured <c>WorkOrderPolicy.Departments</c>.</summary>
    public const string WorkOrderDepartmentNotConfigured = "workorders.department-not-configured";
}
