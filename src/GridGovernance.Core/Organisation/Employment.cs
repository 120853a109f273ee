namespace GridGovernance.Organisation;

/// <summary>Whether a role is held full-time or part-time (网格员: full-time share 58 % in Wanshan).</summary>
public enum Employment
{
    /// <summary>专职 — full-time.</summary>
    FullTime,

    /// <summary>兼职 — part-time.</summary>
    PartTime,
}
