using GridGovernance.Specifications;

namespace GridGovernance.Organisation.Queries;

/// <summary>The open units of a kind, in id order.</summary>
[Immutable]
public sealed class OpenUnitsOfKind : Specification<OrgUnit>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="kind">The kind.</param>
    public OpenUnitsOfKind(UnitKind kind) =>
        Query.Where(u => u.Kind == kind && !u.IsClosed).OrderBy(u => u.Id.Value);
}
