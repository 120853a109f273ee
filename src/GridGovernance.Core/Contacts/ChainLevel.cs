using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>One level of a household's chain: a unit and who answers for it.</summary>
/// <param name="Unit">The unit (党小组, 网格党支部, 社区党委, 街道党工委, 区委).</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Role">The role that answers, or <c>null</c> when no configured role has a holder (a broken link).</param>
/// <param name="Answerer">The member holding it (the lowest id when several do), or <c>null</c>.</param>
[Immutable]
public readonly record struct ChainLevel(OrgUnitId Unit, UnitKind Kind, RoleKind? Role, MemberId? Answerer)
{
    /// <summary>Whether nobody answers at this level.</summary>
    public bool IsBroken => Answerer is null;
}
