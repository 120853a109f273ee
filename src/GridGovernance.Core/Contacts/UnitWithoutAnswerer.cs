using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>A unit of a kind that should have an answerer but has none (e.g. a group without a leader, a grid without a head).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="ExpectedRoles">The roles any of which would answer.</param>
[Immutable]
public sealed record UnitWithoutAnswerer(OrgUnitId Unit, UnitKind Kind, ImmutableArray<RoleKind> ExpectedRoles);
