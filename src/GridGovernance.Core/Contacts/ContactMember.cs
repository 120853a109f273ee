using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>A member who can look after households (党员中心户 / 联系党员).</summary>
/// <param name="Id">The member.</param>
/// <param name="Community">The community they serve (where they live, or where they registered: 双报到).</param>
/// <param name="Grid">The grid they serve.</param>
/// <param name="Kind">Long-resident, in-service or mobile; the capacity follows from it (<see cref="ContactPlanOptions.Capacities"/>).</param>
/// <param name="Location">Where they live.</param>
[Immutable]
public readonly record struct ContactMember(MemberId Id, OrgUnitId Community, OrgUnitId Grid, MemberKind Kind, GeoPoint Location);
