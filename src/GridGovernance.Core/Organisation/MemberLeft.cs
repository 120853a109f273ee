using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A member left the roster (transferred out of the city, died, ...).</summary>
/// <param name="Member">The member.</param>
/// <param name="EffectiveDate">The first day they are no longer on the roster.</param>
[Immutable]
public sealed record MemberLeft(MemberId Member, LocalDate EffectiveDate) : IDomainEvent;
