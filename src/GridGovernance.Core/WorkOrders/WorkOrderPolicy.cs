using GridGovernance.Scoring.Ledger;

namespace GridGovernance.WorkOrders;

/// <summary>
/// How an integrator runs work orders: triage (三事分流), the working-day calendar, reminders, escalation, reopening,
/// the departments' time to report, and an optional points award for members who resolve orders.
/// </summary>
[Immutable]
public sealed record WorkOrderPolicy
{
    /// <summary>The triage policy; <see cref="TriagePolicy.Standard"/> unless set.</summary>
    public TriagePolicy Triage { get; init; } = TriagePolicy.Standard;

    /// <summary>Working days with the integrator's holidays and make-up days; weekends only unless set.</summary>
    public WorkingDayCalendar Calendar { get; init; } = WorkingDayCalendar.WeekendsOnly;

    /// <summary>How many times an unsatisfied rating reopens an order (default 2); after that an unsatisfied rating is recorded and the order may be closed.</summary>
    public int MaxReopens { get; init; } = 2;

    /// <summary>Working days before the limit that a reminder comes (default 1; 0 for none).</summary>
    public int ReminderWorkingDays { get; init; } = 1;

    /// <summary>The new time limit, in working days, an order gets at the level it is escalated to (default 3).</summary>
    public int EscalationWorkingDays { get; init; } = 3;

    /// <summary>The time limit of a reopened order, in working days (default 3).</summary>
    public int ReopenWorkingDays { get; init; } = 3;

    /// <summary>When set, a member who resolves an order is awarded points through <see cref="PointsLedgerService.RecordAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/> with <see cref="LedgerSource.WorkOrder"/>.</summary>
    public WorkOrderPointsAward? PointsAward { get; init; }

    /// <summary>
    /// The departments a whistle (吹哨) may summon, by code (e.g. <c>market-regulation</c>, <c>city-management</c>): each
    /// 1 to 50 letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, each once. A summons naming any other department is refused
    /// (<see cref="ErrorCodes.WorkOrderDepartmentNotConfigured"/>). Empty (the default) allows any department code.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> Departments { get; init; } = [];

    /// <summary>The default policy.</summary>
    public static WorkOrderPolicy Default { get; } = new();
}
