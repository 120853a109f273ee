namespace GridGovernance.WorkOrders;

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
