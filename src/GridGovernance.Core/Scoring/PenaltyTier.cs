namespace GridGovernance.Scoring;

/// <summary>One tier of a tiered penalty.</summary>
/// <param name="Code">The tier, e.g. <c>county</c>.</param>
/// <param name="Points">The points of an occurrence at that tier (negative for a penalty).</param>
[Immutable]
public sealed record PenaltyTier(string Code, Points Points);
