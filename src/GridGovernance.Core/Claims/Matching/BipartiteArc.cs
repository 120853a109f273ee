namespace GridGovernance.Claims.Matching;

/// <summary>An arc of a <see cref="MinCostBipartiteFlow"/> problem: capacity one, a cost ≥ 0.</summary>
/// <param name="Left">The left node.</param>
/// <param name="Right">The right node.</param>
/// <param name="Cost">The cost of sending a place along it.</param>
[Immutable]
public readonly record struct BipartiteArc(int Left, int Right, long Cost);
