namespace GridGovernance.Contacts;

/// <summary>
/// A leader's link points (联系点制度, Wanshan): "区委区政府班子成员带头联系1个街道、1个社区和1个网格，区人大、政协班子成员，
/// 部务会成员、街道党工委班子成员分别联系1个社区和1个网格" — the district's leading members link one street, one community
/// and one grid; the other leaders one community and one grid (<see cref="Street"/> is <c>null</c>).
/// </summary>
/// <param name="Leader">The leader (区级领导, or a member of a street's working committee).</param>
/// <param name="District">The district the points lie in.</param>
/// <param name="Street">The street they link (联系街道), or <c>null</c> for a leader who links only a community and a grid.</param>
/// <param name="Community">The community they link (联系社区).</param>
/// <param name="Grid">The grid they link (联系网格).</param>
[Immutable]
public sealed record LeaderLinkPoint(MemberId Leader, OrgUnitId District, OrgUnitId? Street, OrgUnitId Community, OrgUnitId Grid)
{
    /// <summary>A leader who links one community and one grid, no street (人大、政协班子成员, 部务会成员, 街道党工委班子成员).</summary>
    /// <param name="leader">The leader.</param>
    /// <param name="district">The district the points lie in.</param>
    /// <param name="community">The community they link.</param>
    /// <param name="grid">The grid they link.</param>
    public LeaderLinkPoint(MemberId leader, OrgUnitId district, OrgUnitId community, OrgUnitId grid)
        : this(leader, district, null, community, grid)
    {
    }
}
