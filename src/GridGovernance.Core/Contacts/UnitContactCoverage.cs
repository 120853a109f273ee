using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>Contact coverage of one unit (grid, community or street) in the window.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Households">Households under it in the plan.</param>
/// <param name="NotContacted">Of those, households not contacted in the window.</param>
[Immutable]
public readonly record struct UnitContactCoverage(OrgUnitId Unit, UnitKind Kind, int Households, int NotContacted);
