namespace GridGovernance.WorkOrders;

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
