namespace GridGovernance.Organisation;

/// <summary>
/// A dual registration (双报到): an in-service member also registers with the community where they live or
/// are assigned ("单位党支部+地域党支部"), while keeping their primary branch (组织关系).
/// </summary>
/// <param name="Unit">The community (or other unit) registered with.</param>
/// <param name="Validity">When the registration holds.</param>
[Immutable]
public sealed record DualRegistration(OrgUnitId Unit, Validity Validity);
