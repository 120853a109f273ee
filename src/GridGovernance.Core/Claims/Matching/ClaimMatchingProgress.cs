namespace GridGovernance.Claims.Matching;

/// <summary>Progress of a matching run: how many nodes of the scarcer side have been placed.</summary>
/// <param name="Done">Nodes placed so far.</param>
/// <param name="Total">Nodes to place.</param>
[Immutable]
public readonly record struct ClaimMatchingProgress(int Done, int Total);
