namespace GridGovernance.Organisation;

/// <summary>A member's dual registration (双报到) ended, because the member left or the unit closed.</summary>
/// <param name="Member">The member.</param>
/// <param name="Registration">The registration, as ended.</param>
[Immutable]
public sealed record MemberRegistrationEnded(MemberId Member, DualRegistration Registration) : IDomainEvent;
