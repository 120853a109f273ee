using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>One summoned department's part of a whistled order, tracked to its own resolution.</summary>
/// <param name="Department">The department's code.</param>
/// <param name="SummonedAt">When it was summoned.</param>
/// <param name="AcknowledgeBy">The end of its time limit to report.</param>
/// <param name="AcknowledgedAt">When it reported, or <c>null</c>.</param>
/// <param name="ResolvedAt">When it finished its part, or <c>null</c>.</param>
/// <param name="Evidence">What it did, or <c>null</c>.</param>
[Immutable]
public sealed record DepartmentPart(string Department, Instant SummonedAt, Instant AcknowledgeBy, Instant? AcknowledgedAt = null, Instant? ResolvedAt = null, string? Evidence = null)
{
    /// <summary>Where the part stands.</summary>
    public DepartmentPartStatus Status => ResolvedAt is not null ? DepartmentPartStatus.Resolved
        : AcknowledgedAt is not null ? DepartmentPartStatus.Acknowledged : DepartmentPartStatus.Summoned;

    /// <summary>Whether it reported after its limit (or has not reported and the limit has passed at <paramref name="now"/>).</summary>
    /// <param name="now">The instant to judge at.</param>
    public bool IsLate(Instant now) => (AcknowledgedAt ?? now) >= AcknowledgeBy;
}
