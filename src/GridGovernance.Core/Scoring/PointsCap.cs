namespace GridGovernance.Scoring;

/// <summary>A cap on the awards of one period, with what to do with an award that does not fit.</summary>
/// <param name="Limit">The most points awarded in a period; positive.</param>
/// <param name="Mode">Clip the last award, or refuse it.</param>
[Immutable]
public sealed record PointsCap(Points Limit, CapMode Mode = CapMode.Clip);
