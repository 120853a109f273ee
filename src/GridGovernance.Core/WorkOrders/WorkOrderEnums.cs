namespace GridGovernance.WorkOrders;

/// <summary>How a matter reached the grid (群众下单的渠道).</summary>
public enum WorkOrderChannel
{
    /// <summary>Reported by a grid worker on patrol (网格员上报).</summary>
    GridWorkerReport,

    /// <summary>Filed by the resident in an app or mini-program (线上反映).</summary>
    App,

    /// <summary>Passed on from the 12345 citizen hotline (12345 热线).</summary>
    Hotline12345,

    /// <summary>Raised during a cadre's or liaison's visit (干部下访、联络员走访).</summary>
    Visit,
}

/// <summary>How pressing a matter is (轻重缓急), one input of triage (三事分流).</summary>
public enum WorkOrderUrgency
{
    /// <summary>Ordinary (一般).</summary>
    Routine,

    /// <summary>Pressing (紧急).</summary>
    Urgent,

    /// <summary>A danger to safety or a large group (特急).</summary>
    Critical,
}

/// <summary>The level that handles a matter: small matters in the grid, hard ones in the community, big ones in the street (三事分流).</summary>
public enum HandlingLevel
{
    /// <summary>The grid (小事不出网格).</summary>
    Grid,

    /// <summary>The community (难事不出社区).</summary>
    Community,

    /// <summary>The street, which may summon departments (大事不出街道, 街道吹哨).</summary>
    Street,

    /// <summary>The district, above the street: the last level an escalation reaches.</summary>
    District,
}

/// <summary>Where a work order stands in the 四单 loop. The moves are <see cref="WorkOrderWorkflow.Transitions"/>.</summary>
public enum WorkOrderStatus
{
    /// <summary>Filed by or for a resident, not sorted yet (群众下单).</summary>
    Filed,

    /// <summary>Sorted into a class with a level and a time limit (三事分流), waiting for a handler.</summary>
    Triaged,

    /// <summary>Taken by a cadre or member (干部领单).</summary>
    Claimed,

    /// <summary>Departments were summoned and are working on their parts (吹哨报到).</summary>
    Whistled,

    /// <summary>Resolved with evidence, waiting for the resident's rating.</summary>
    Resolved,

    /// <summary>The resident rated the resolution.</summary>
    Rated,

    /// <summary>The resident was not satisfied and the order is open again.</summary>
    Reopened,

    /// <summary>Closed (办结); final.</summary>
    Closed,
}

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
}

/// <summary>Where one summoned department's part stands (部门报到).</summary>
public enum DepartmentPartStatus
{
    /// <summary>Summoned, not reported yet.</summary>
    Summoned,

    /// <summary>Reported (acknowledged) and working on it.</summary>
    Acknowledged,

    /// <summary>Its part is done.</summary>
    Resolved,
}
