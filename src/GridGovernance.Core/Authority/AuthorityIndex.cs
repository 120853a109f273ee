using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Authority;

/// <summary>
/// The facts the authority rules read, for a whole tree on one day, laid out for fast answers: a
/// <see cref="HierarchyIndex"/> for jurisdiction (O(1) per question, plus the spans of a regional committee), and
/// every member's posts and 双报到 registrations on the day. For batch work and dashboards that decide many
/// commands at once; a service deciding one command reads the store instead.
/// </summary>
[Immutable]
public sealed class AuthorityIndex : IAuthorityView
{
    private readonly HierarchyIndex index;
    // Posts by the member's position in the hierarchy index (null: none), so a decision finds them without hashing.
    private readonly (RoleKind Role, OrgUnitId Unit)[]?[] posts;
    private readonly Dictionary<MemberId, OrgUnitId[]> registrations;

    private AuthorityIndex(HierarchyIndex index, (RoleKind, OrgUnitId)[]?[] posts, Dictionary<MemberId, OrgUnitId[]> registrations)
    {
        this.index = index;
        this.posts = posts;
        this.registrations = registrations;
    }

    /// <inheritdoc />
    public LocalDate AsOf => index.AsOf;

    /// <summary>The hierarchy index the jurisdiction questions use.</summary>
    public HierarchyIndex Hierarchy => index;

    /// <summary>Builds the index for the day of <paramref name="hierarchy"/>.</summary>
    /// <param name="hierarchy">The tree on the day.</param>
    /// <param name="members">The members (their roles and registrations are read for the day).</param>
    /// <param name="units">The units (their rotating chairs, 轮值主席, are read for the day).</param>
    public static AuthorityIndex Build(HierarchyIndex hierarchy, IEnumerable<Member> members, IEnumerable<OrgUnit> units)
    {
        Preconditions.CheckNotNull(hierarchy);
        Preconditions.CheckNotNull(members);
        Preconditions.CheckNotNull(units);
        var day = hierarchy.AsOf;
        var posts = new Dictionary<MemberId, List<(RoleKind, OrgUnitId)>>();
        var registrations = new Dictionary<MemberId, OrgUnitId[]>();
        foreach (var member in members)
        {
            Preconditions.CheckArgument(member is not null, nameof(members), "members must not contain null.");
            if (member.BranchOn(day) is null)
            {
                continue;
            }
            foreach (var role in member.RolesOn(day))
            {
                Add(posts, member.Id, (role.Role, role.Unit));
            }
            var registered = member.RegistrationsOn(day).Select(r => r.Unit).ToArray();
            if (registered.Length > 0)
            {
                registrations[member.Id] = registered;
            }
        }
        foreach (var unit in units)
        {
            Preconditions.CheckArgument(unit is not null, nameof(units), "units must not contain null.");
            if (unit.ChairOn(day) is { } term && unit.IsOpenOn(day))
            {
                Add(posts, term.Chair, (RoleKind.RotatingChair, unit.Id));
            }
        }
        var byPosition = new (RoleKind, OrgUnitId)[]?[hierarchy.MemberCount];
        foreach (var (member, held) in posts)
        {
            // A post held by a member not on the tree that day (a chair who has left) is never found: the member is not on the roster.
            int position = hierarchy.MemberPosition(member);
            // A post on a unit not in the tree that day (closed, or not yet open) is never found either, so a decision
            // need not look the unit up again.
            if (position >= 0 && held.FindAll(p => hierarchy.Contains(p.Item2)) is { Count: > 0 } open)
            {
                byPosition[position] = [.. open];
            }
        }
        return new AuthorityIndex(hierarchy, byPosition, registrations);
    }

    /// <inheritdoc />
    public bool IsOnRoster(MemberId member) => index.Contains(member);

    /// <inheritdoc />
    public bool HoldsPost(MemberId member, RoleKind role, OrgUnitId unit)
    {
        int position = index.MemberPosition(member);
        if (position < 0 || posts[position] is not { } held)
        {
            return false;
        }
        foreach (var (r, u) in held)
        {
            if (u == unit && r == role)
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc />
    public bool Covers(OrgUnitId unit, NodeRef node, bool includeDualRegistrations)
    {
        if (index.IsWithinJurisdiction(unit, node))
        {
            return true;
        }
        return includeDualRegistrations && node.Kind == NodeKind.Member && CoversByRegistration(unit, node.AsMember());
    }

    // Out of line, like the spans of the hierarchy index: 双报到 is the rare case of a decision.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool CoversByRegistration(OrgUnitId unit, MemberId member)
    {
        if (registrations.TryGetValue(member, out var registered))
        {
            foreach (var community in registered)
            {
                if (index.IsWithinJurisdiction(unit, community))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <inheritdoc />
    public bool IsTopLevel(OrgUnitId unit) => index.Contains(unit) && index.ParentOf(unit) is null;

    private static void Add(Dictionary<MemberId, List<(RoleKind, OrgUnitId)>> posts, MemberId member, (RoleKind, OrgUnitId) post)
    {
        if (!posts.TryGetValue(member, out var list))
        {
            posts[member] = list = [];
        }
        list.Add(post);
    }
}
