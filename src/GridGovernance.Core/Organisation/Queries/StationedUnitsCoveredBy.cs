using GridGovernance.Specifications;

namespace GridGovernance.Organisation.Queries;

/// <summary>The active stationed units covered by a given party organisation, in id order.</summary>
[Immutable]
public sealed class StationedUnitsCoveredBy : Specification<StationedUnit>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="organisation">The covering organisation.</param>
    public StationedUnitsCoveredBy(OrgUnitId organisation) =>
        Query.Where(r => r.PartyOrganisationId == organisation && r.IsActive).OrderBy(r => r.Id.Value);
}
