namespace GridGovernance.Contacts;

/// <summary>Progress of a city-scale plan: pools (communities, or grids when cross-grid links are forbidden) solved so far.</summary>
/// <param name="PoolsDone">Pools solved.</param>
/// <param name="PoolsTotal">Pools in all.</param>
[Immutable]
public readonly record struct ContactPlanProgress(int PoolsDone, int PoolsTotal);
