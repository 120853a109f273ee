using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>A household to be linked (联系户): where it is and which community and grid it belongs to.</summary>
/// <param name="Id">The household.</param>
/// <param name="Community">Its community (社区); links never cross communities.</param>
/// <param name="Grid">Its grid (网格); a member of the same grid is preferred.</param>
/// <param name="Location">Where it is.</param>
[Immutable]
public readonly record struct ContactHousehold(HouseholdId Id, OrgUnitId Community, OrgUnitId Grid, GeoPoint Location);

/// <summary>A member who can look after households (党员中心户 / 联系党员).</summary>
/// <param name="Id">The member.</param>
/// <param name="Community">The community they serve (where they live, or where they registered: 双报到).</param>
/// <param name="Grid">The grid they serve.</param>
/// <param name="Kind">Long-resident, in-service or mobile; the capacity follows from it (<see cref="ContactPlanOptions.Capacities"/>).</param>
/// <param name="Location">Where they live.</param>
[Immutable]
public readonly record struct ContactMember(MemberId Id, OrgUnitId Community, OrgUnitId Grid, MemberKind Kind, GeoPoint Location);

/// <summary>One link of a contact plan (党员联系户): a household and the member who looks after it.</summary>
/// <param name="Household">The household.</param>
/// <param name="Member">The member.</param>
/// <param name="DistanceMetres">The distance between them, in whole metres.</param>
/// <param name="CrossGrid">Whether the member serves another grid of the same community (penalised by <see cref="ContactPlanOptions.CrossGridPenaltyMetres"/>).</param>
[Immutable]
public readonly record struct ContactLink(HouseholdId Household, MemberId Member, int DistanceMetres, bool CrossGrid);

/// <summary>Why a household could not be linked.</summary>
public enum UncoveredReason
{
    /// <summary>No member serves the household's community (or, when cross-grid links are forbidden, its grid).</summary>
    NoMemberAvailable,
    /// <summary>Every member the household may be linked to already looks after as many households as their capacity allows.</summary>
    AllMembersFull,
}

/// <summary>A household the plan could not link, and why (never silently dropped: 全覆盖 is checked against this list).</summary>
/// <param name="Household">The household.</param>
/// <param name="Community">Its community.</param>
/// <param name="Grid">Its grid.</param>
/// <param name="Reason">Why.</param>
[Immutable]
public readonly record struct UncoveredHousehold(HouseholdId Household, OrgUnitId Community, OrgUnitId Grid, UncoveredReason Reason);

/// <summary>Progress of a city-scale plan: pools (communities, or grids when cross-grid links are forbidden) solved so far.</summary>
/// <param name="PoolsDone">Pools solved.</param>
/// <param name="PoolsTotal">Pools in all.</param>
[Immutable]
public readonly record struct ContactPlanProgress(int PoolsDone, int PoolsTotal);
