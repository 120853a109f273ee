namespace GridGovernance.Claims;

/// <summary>
/// Identifies a service area (服务片区): a community or part of one that a unit serves "就近就便" (nearby).
/// </summary>
/// <remarks>
/// Ids are chosen by the caller and must be positive; <c>default(AreaId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
[StronglyTypedId("area")]
public readonly partial record struct AreaId;
