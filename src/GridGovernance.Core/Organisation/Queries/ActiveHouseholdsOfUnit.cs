using GridGovernance.Specifications;

namespace GridGovernance.Organisation.Queries;

/// <summary>The households on the roster currently placed in a given unit, in id order.</summary>
[Immutable]
public sealed class ActiveHouseholdsOfUnit : Specification<Household>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="unit">The grid or group.</param>
    public ActiveHouseholdsOfUnit(OrgUnitId unit) =>
        Query.Where(h => h.UnitId == unit && h.IsActive).OrderBy(h => h.Id.Value);
}
