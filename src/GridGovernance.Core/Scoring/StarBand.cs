namespace GridGovernance.Scoring;

/// <summary>A score band for banded stars: a member with at least <paramref name="MinimumScore"/> earns <paramref name="Stars"/>.</summary>
/// <param name="Stars">The stars, 1 or more.</param>
/// <param name="MinimumScore">The lowest score of the band.</param>
[Immutable]
public sealed record StarBand(int Stars, Points MinimumScore);
