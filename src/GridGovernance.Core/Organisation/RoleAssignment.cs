namespace GridGovernance.Organisation;

/// <summary>A role a member holds on a unit during a span of days.</summary>
/// <param name="Role">The role.</param>
/// <param name="Unit">The unit the role is held on.</param>
/// <param name="Employment">Full- or part-time.</param>
/// <param name="Validity">When the role is held.</param>
[Immutable]
public sealed record RoleAssignment(RoleKind Role, OrgUnitId Unit, Employment Employment, Validity Validity);
