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
    // Posts by the member's position in the hierarchy index (null: none), so a decision finds them without hashing;
    // each with its unit's handle in the hierarchy index, so a decision checks jurisdiction from the post it found.
    private readonly (RoleKind Role, OrgUnitId Unit, int Handle)[]?[] posts;
    private readonly Dictionary<MemberId, OrgUnitId[]> registrations;

    private AuthorityIndex(HierarchyIndex index, (RoleKind, OrgUnitId, int)[]?[] posts, Dictionary<MemberId, OrgUnitId[]> registrations)
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
        var byPosition = new (RoleKind, OrgUnitId, int)[]?[hierarchy.MemberCount];
        foreach (var (member, held) in posts)
        {
            // A post held by a member not on the tree that day (a chair who has left) is never found: the member is not on the roster.
            int position = hierarchy.MemberPosition(member);
            // A post on a unit not in the tree that day (closed, or not yet open) is never found either, so a decision
            // need not look the unit up again.
            var open = held.Select(p => (p.Item1, p.Item2, hierarchy.UnitHandle(p.Item2))).Where(p => p.Item3 >= 0).ToArray();
            if (position >= 0 && open.Length > 0)
            {
                byPosition[position] = open;
            }
        }
        return new AuthorityIndex(hierarchy, byPosition, registrations);
    }

    /// <inheritdoc />
    public bool IsOnRoster(MemberId member) => index.Contains(member);

    /// <inheritdoc />
    public bool HoldsPost(MemberId member, RoleKind role, OrgUnitId unit) => PostHandle(member, role, unit) >= 0;

    /// <inheritdoc />
    public bool Covers(OrgUnitId unit, NodeRef node, bool includeDualRegistrations)
    {
        int handle = index.UnitHandle(unit);
        return handle >= 0 && CoversFromPost(handle, unit, node, includeDualRegistrations);
    }

    /// <summary>
    /// The hierarchy handle of the post's unit when <paramref name="member"/> holds the post on the day, or −1: what
    /// <see cref="HoldsPost"/> answers, and where <see cref="CoversFromPost"/> starts from, so that a decision on a post
    /// does not look the post's unit up twice.
    /// </summary>
    internal int PostHandle(MemberId member, RoleKind role, OrgUnitId unit)
    {
        int position = index.MemberPosition(member);
        if (position < 0 || posts[position] is not { } held)
        {
            return -1;
        }
        foreach (var (r, u, handle) in held)
        {
            if (u == unit && r == role)
            {
                return handle;
            }
        }
        return -1;
    }

    /// <summary>As <see cref="Covers"/>, for the unit <paramref name="unit"/> whose handle <see cref="PostHandle"/> gave.</summary>
    internal bool CoversFromPost(int handle, OrgUnitId unit, NodeRef node, bool includeDualRegistrations)
    {
        if (index.IsWithinJurisdictionOf(handle, node))
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
