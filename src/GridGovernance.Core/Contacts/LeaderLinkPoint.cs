namespace GridGovernance.Contacts;

/// <summary>A district leader's link points (联系点制度, Wanshan): one street, one community and one grid.</summary>
/// <param name="Leader">The leader (区级领导).</param>
/// <param name="District">Their district.</param>
/// <param name="Street">The street they link (联系街道).</param>
/// <param name="Community">The community they link (联系社区).</param>
/// <param name="Grid">The grid they link (联系网格).</param>
[Immutable]
public sealed record LeaderLinkPoint(MemberId Leader, OrgUnitId District, OrgUnitId Street, OrgUnitId Community, OrgUnitId Grid);
