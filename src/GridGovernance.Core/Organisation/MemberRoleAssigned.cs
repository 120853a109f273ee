namespace GridGovernance.Organisation;

/// <summary>A member was given a role.</summary>
/// <param name="Member">The member.</param>
/// <param name="Assignment">The role assignment.</param>
[Immutable]
public sealed record MemberRoleAssigned(MemberId Member, RoleAssignment Assignment) : IDomainEvent;
