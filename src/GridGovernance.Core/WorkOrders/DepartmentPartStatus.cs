namespace GridGovernance.WorkOrders;

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
