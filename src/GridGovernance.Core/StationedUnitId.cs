namespace GridGovernance;

/// <summary>
/// Identifies a stationed unit (驻区单位): an organ, a firm or a social organisation located in a community.
/// </summary>
/// <remarks>
/// Ids are chosen by the caller (an import keeps the integrator's own numbering) and must be positive;
/// <c>default(StationedUnitId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
[StronglyTypedId("stationed-unit")]
public readonly partial record struct StationedUnitId;
