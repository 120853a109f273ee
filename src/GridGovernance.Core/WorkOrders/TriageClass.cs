namespace GridGovernance.WorkOrders;

/// <summary>A class of matters in 三事分流: the level that handles it and its time limit.</summary>
/// <param name="Code">A short code, e.g. <c>small</c> (小事).</param>
/// <param name="Name">A display name, e.g. <c>小事（网格办理）</c>.</param>
/// <param name="Level">The level that handles it.</param>
/// <param name="TimeLimitWorkingDays">The time limit (限时办理) in working days, at least 1.</param>
[Immutable]
public sealed record TriageClass(string Code, string Name, HandlingLevel Level, int TimeLimitWorkingDays);
