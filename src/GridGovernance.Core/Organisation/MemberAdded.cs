using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A member joined the roster.</summary>
/// <param name="Member">The member.</param>
/// <param name="Branch">The primary branch.</param>
/// <param name="EffectiveDate">The day of registration.</param>
[Immutable]
public sealed record MemberAdded(MemberId Member, OrgUnitId Branch, LocalDate EffectiveDate) : IDomainEvent;
