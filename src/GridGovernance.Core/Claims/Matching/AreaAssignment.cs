using System.Collections.Immutable;

namespace GridGovernance.Claims.Matching;

/// <summary>The answer of <see cref="AreaAssigner.Assign"/>.</summary>
/// <param name="Areas">Each assigned unit's area.</param>
/// <param name="Unassigned">Units that got no area (every area in range was full), in id order.</param>
/// <param name="TotalDistanceMetres">The sum of unit-to-centre distances in whole metres.</param>
[Immutable]
public sealed record AreaAssignment(ImmutableSortedDictionary<OrgUnitId, AreaId> Areas, ImmutableArray<OrgUnitId> Unassigned, long TotalDistanceMetres);
