namespace GridGovernance.WorkOrders;

/// <summary>The commands of the work-order workflow; each row of <see cref="WorkOrderWorkflow.Transitions"/> names one.</summary>
public enum WorkOrderCommand
{
    /// <summary>File the order (群众下单); creates it in <see cref="WorkOrderStatus.Filed"/>.</summary>
    File,

    /// <summary>Sort it into a class (三事分流).</summary>
    Triage,

    /// <summary>Take it (干部领单).</summary>
    Claim,

    /// <summary>Hand it to another handler; the first responder stays accountable (首问责任).</summary>
    Transfer,

    /// <summary>Record a supervision of progress (社区督单).</summary>
    Supervise,

    /// <summary>Record a reminder that the time limit is near.</summary>
    Remind,

    /// <summary>Move it one level up the organisation because its time limit passed or the level cannot solve it.</summary>
    Escalate,

    /// <summary>Summon departments (吹哨).</summary>
    Whistle,

    /// <summary>A department reports for its part (报到).</summary>
    AcknowledgePart,

    /// <summary>A department finished its part.</summary>
    ResolvePart,

    /// <summary>Resolve the order with evidence.</summary>
    Resolve,

    /// <summary>The resident who filed it rates the resolution.</summary>
    Rate,

    /// <summary>Open it again after an unsatisfied rating (at most <see cref="WorkOrderPolicy.MaxReopens"/> times).</summary>
    Reopen,

    /// <summary>Close it (办结).</summary>
    Close,

    /// <summary>Attach the record of a residents' deliberation (周末议事厅) on a disputed matter.</summary>
    RecordDeliberation,

    /// <summary>
    /// Follow a restructure (机构调整): the filing or responsible unit closed in a merge, split or close and its successor
    /// takes the order over, in the state it was in.
    /// </summary>
    FollowSuccessor,

    /// <summary>
    /// Release the handler after a restructure (机构调整) left them without a post over the order (their unit, or the
    /// order's responsible unit, closed): the order stays in its state, with no handler, for the responsible unit's
    /// cadres; the first responder stays accountable. Only a restructure issues it; a claimed order is handed on with
    /// <see cref="Transfer"/> instead.
    /// </summary>
    ReleaseHandler,
}
