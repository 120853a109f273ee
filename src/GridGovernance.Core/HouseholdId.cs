namespace GridGovernance;

/// <summary>
/// Identifies a resident household (群众户 / 联系户).
/// </summary>
/// <remarks>
/// Ids are chosen by the caller (an import keeps the integrator's own numbering) and must be positive;
/// <c>default(HouseholdId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
[StronglyTypedId("household")]
public readonly partial record struct HouseholdId;
