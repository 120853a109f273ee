namespace GridGovernance.Claims;

/// <summary>
/// Identifies a need (需求) on the need list (需求清单), raised by residents or a community.
/// </summary>
/// <remarks>
/// Ids are chosen by the caller and must be positive; <c>default(NeedId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
[StronglyTypedId("need")]
public readonly partial record struct NeedId;
