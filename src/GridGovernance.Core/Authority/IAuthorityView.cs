using GridGovernance.Organisation;

namespace GridGovernance.Authority;

/// <summary>
/// The facts of the organisation on one day that the authority rules read: who holds which post, who is on the
/// roster, which unit's jurisdiction covers which node. <see cref="AuthorityIndex"/> answers from an index of the
/// whole tree; the default <see cref="IAuthorityPolicy"/> answers from the store for one command.
/// </summary>
public interface IAuthorityView
{
    /// <summary>The day the facts describe.</summary>
    NodaTime.LocalDate AsOf { get; }

    /// <summary>Whether the member is on the roster on the day (has a branch).</summary>
    /// <param name="member">The member.</param>
    bool IsOnRoster(MemberId member);

    /// <summary>Whether the member holds the role on the unit on the day (a rotating chair, 轮值主席, holds <see cref="RoleKind.RotatingChair"/> on their regional committee for their term).</summary>
    /// <param name="member">The member.</param>
    /// <param name="role">The role.</param>
    /// <param name="unit">The unit.</param>
    bool HoldsPost(MemberId member, RoleKind role, OrgUnitId unit);

    /// <summary>
    /// Whether the unit's jurisdiction covers the node on the day: the node is the unit or under it, or under a
    /// community the unit spans as a regional committee; with <paramref name="includeDualRegistrations"/>, a member
    /// node is also covered through the units they are dual-registered with (双报到).
    /// </summary>
    /// <param name="unit">The acting unit.</param>
    /// <param name="node">The node acted on.</param>
    /// <param name="includeDualRegistrations">Whether 双报到 registrations count.</param>
    bool Covers(OrgUnitId unit, NodeRef node, bool includeDualRegistrations);

    /// <summary>Whether the unit is open on the day and has no parent (a top-level unit).</summary>
    /// <param name="unit">The unit.</param>
    bool IsTopLevel(OrgUnitId unit);
}
