namespace GridGovernance;

/// <summary>
/// Identifies a party member (党员).
/// </summary>
/// <remarks>
/// Ids are chosen by the caller (an import keeps the integrator's own numbering) and must be positive;
/// <c>default(MemberId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
[StronglyTypedId("member")]
public readonly partial record struct MemberId;
