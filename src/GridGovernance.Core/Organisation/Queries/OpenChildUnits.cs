using GridGovernance.Specifications;

namespace GridGovernance.Organisation.Queries;

/// <summary>The open units whose current parent is a given unit, in id order.</summary>
[Immutable]
public sealed class OpenChildUnits : Specification<OrgUnit>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="parent">The parent unit.</param>
    public OpenChildUnits(OrgUnitId parent) =>
        Query.Where(u => u.ParentId == parent && !u.IsClosed).OrderBy(u => u.Id.Value);
}
