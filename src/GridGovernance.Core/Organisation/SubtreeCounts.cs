namespace GridGovernance.Organisation;

/// <summary>What lies under a unit in the index: units (not counting itself), members and households.</summary>
/// <param name="Units">Units below it.</param>
/// <param name="Members">Members below it (primary branch only).</param>
/// <param name="Households">Households below it.</param>
[Immutable]
public readonly record struct SubtreeCounts(int Units, int Members, int Households);
