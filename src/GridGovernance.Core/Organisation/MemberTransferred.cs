using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A member's primary branch (组织关系) changed.</summary>
/// <param name="Member">The member.</param>
/// <param name="OldBranch">The former branch.</param>
/// <param name="NewBranch">The new branch.</param>
/// <param name="EffectiveDate">The day of the transfer.</param>
[Immutable]
public sealed record MemberTransferred(MemberId Member, OrgUnitId OldBranch, OrgUnitId NewBranch, LocalDate EffectiveDate) : IDomainEvent;
