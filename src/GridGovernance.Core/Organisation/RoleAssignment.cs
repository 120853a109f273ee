namespace GridGovernance.Organisation;

/// <summary>A role a member holds on a unit during a span of days.</summary>
/// <param name="Role">The role.</param>
/// <param name="Unit">The unit the role is held on.</param>
/// <param name="Employment">Full- or part-time.</param>
/// <param name="Validity">When the role is held.</param>
[Immutable]
public sealed record RoleAssignment(RoleKind Role, OrgUnitId Unit, Employment Employment, Validity Validity);

/// <summary>
/// A dual registration (双报到): an in-service member also registers with the community where they live or
/// are assigned ("单位党支部+地域党支部"), while keeping their primary branch (组织关系).
/// </summary>
/// <param name="Unit">The community (or other unit) registered with.</param>
/// <param name="Validity">When the registration holds.</param>
[Immutable]
public sealed record DualRegistration(OrgUnitId Unit, Validity Validity);

/// <summary>A regional committee's span over one community (区域党委 covering several communities).</summary>
/// <param name="Unit">The community covered.</param>
/// <param name="Validity">When it is covered.</param>
[Immutable]
public sealed record UnitSpan(OrgUnitId Unit, Validity Validity);

/// <summary>A term of a rotating chair (轮值主席, six months in Yibin).</summary>
/// <param name="Chair">The member chairing.</param>
/// <param name="ChairUnit">The member unit whose turn it is.</param>
/// <param name="Term">The term.</param>
[Immutable]
public sealed record ChairTerm(MemberId Chair, OrgUnitId ChairUnit, Validity Term);
