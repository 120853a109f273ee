using System.Collections.Immutable;

namespace GridGovernance.Claims.Matching;

/// <summary>The answer of <see cref="MinCostBipartiteFlow.Solve"/>.</summary>
/// <param name="ArcUsed">Whether each arc (in the order given) carries a place.</param>
/// <param name="Flow">The maximum flow: places filled.</param>
/// <param name="Cost">The least cost of a maximum flow.</param>
[Immutable]
public sealed record BipartiteFlowResult(ImmutableArray<bool> ArcUsed, int Flow, long Cost);
