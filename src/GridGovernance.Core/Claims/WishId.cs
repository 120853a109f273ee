namespace GridGovernance.Claims;

/// <summary>
/// Identifies a micro-wish (微心愿) of a resident, claimed by one member (认领微心愿).
/// </summary>
/// <remarks>
/// Ids are chosen by the caller and must be positive; <c>default(WishId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
[StronglyTypedId("wish")]
public readonly partial record struct WishId;
