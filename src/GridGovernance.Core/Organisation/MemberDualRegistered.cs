namespace GridGovernance.Organisation;

/// <summary>A member registered with a second unit (双报到).</summary>
/// <param name="Member">The member.</param>
/// <param name="Registration">The registration.</param>
[Immutable]
public sealed record MemberDualRegistered(MemberId Member, DualRegistration Registration) : IDomainEvent;
