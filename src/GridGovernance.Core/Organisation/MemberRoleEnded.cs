namespace GridGovernance.Organisation;

/// <summary>A member's role ended.</summary>
/// <param name="Member">The member.</param>
/// <param name="Assignment">The role assignment, as ended.</param>
[Immutable]
public sealed record MemberRoleEnded(MemberId Member, RoleAssignment Assignment) : IDomainEvent;
