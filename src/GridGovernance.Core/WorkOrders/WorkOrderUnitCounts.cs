using GridGovernance.Organisation;

namespace GridGovernance.WorkOrders;

/// <summary>Open and overdue orders under one grid, community or street.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Kind">Its kind on the index's day: one the schema puts at grid, community or street level (<see cref="HierarchySchema.LevelOf"/>).</param>
/// <param name="Open">Open orders filed in it or under it.</param>
/// <param name="Overdue">Those of them whose limit has passed.</param>
[Immutable]
public sealed record WorkOrderUnitCounts(OrgUnitId Unit, UnitKind Kind, int Open, int Overdue);
