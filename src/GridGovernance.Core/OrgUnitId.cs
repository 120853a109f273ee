namespace GridGovernance;

/// <summary>
/// Identifies an organisation unit (组织): a district, street committee, community committee, grid branch, party group or functional organisation.
/// </summary>
/// <remarks>
/// Ids are chosen by the caller (an import keeps the integrator's own numbering) and must be positive;
/// <c>default(OrgUnitId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
[StronglyTypedId("unit")]
public readonly partial record struct OrgUnitId;
