namespace GridGovernance.Claims;

/// <summary>How pressing a need is.</summary>
public enum NeedUrgency
{
    /// <summary>Ordinary.</summary>
    Normal = 0,

    /// <summary>Urgent (急需).</summary>
    Urgent = 1,
}
