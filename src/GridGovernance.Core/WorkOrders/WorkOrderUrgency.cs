namespace GridGovernance.WorkOrders;

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
