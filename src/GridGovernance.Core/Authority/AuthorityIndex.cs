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
    // Every post held on the day, grouped by member; a member's posts are posts[start .. end). A decision is a chain of
    // dependent loads, so the posts are found by the member's id directly (postStart: start by id, end = the next id's
    // start) when the ids are dense, and each post carries what jurisdiction needs (its unit's Euler-tour interval).
    private readonly Post[] posts;
    private readonly int[]? postStart;
    private readonly Dictionary<int, (int Start, int End)>? postRanges;
    private readonly Dictionary<MemberId, OrgUnitId[]> registrations;
    // The preorder position + 1 of every unit and member by id (null when sparse): the matter of a decision is a unit or
    // a member, and its position is then one load from here rather than three through the hierarchy index.
    private readonly int[]? unitPositions;
    private readonly int[]? memberPositions;

    private AuthorityIndex(HierarchyIndex index, Post[] posts, int[]? postStart, Dictionary<int, (int, int)>? postRanges, Dictionary<MemberId, OrgUnitId[]> registrations)
    {
        this.index = index;
        unitPositions = index.PositionsById(NodeKind.Unit);
        memberPositions = index.PositionsById(NodeKind.Member);
        this.posts = posts;
        this.postStart = postStart;
        this.postRanges = postRanges;
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
        // A post held by a member not on the tree that day (a chair who has left) is never found: the member is not on
        // the roster. A post on a unit not in the tree that day (closed, or not yet open) is never found either, so a
        // decision need not look the unit up again.
        var held = new List<(int Member, Post Post)>();
        foreach (var (member, list) in posts)
        {
            if (!hierarchy.Contains(member))
            {
                continue;
            }
            foreach (var (role, unit) in list)
            {
                int handle = hierarchy.UnitHandle(unit);
                if (handle >= 0)
                {
                    var (first, last) = hierarchy.IntervalOf(handle);
                    held.Add((member.Value, new Post(role, unit.Value, handle, first, last)));
                }
            }
        }
        // By member id, and in the order each member's posts were read (roles, then chairs), so the index does not
        // depend on the order of its input beyond that.
        held = [.. held.OrderBy(h => h.Member)];
        var all = held.Select(h => h.Post).ToArray();
        int maxId = held.Count == 0 ? 0 : held[^1].Member;
        int[]? start = null;
        Dictionary<int, (int, int)>? ranges = null;
        if ((long)maxId <= 4L * hierarchy.MemberCount + 1024)
        {
            start = new int[maxId + 2];
            foreach (var (member, _) in held)
            {
                start[member + 1]++;
            }
            for (int i = 0; i < maxId + 1; i++)
            {
                start[i + 1] += start[i];
            }
        }
        else
        {
            ranges = [];
            for (int i = 0; i < held.Count;)
            {
                int j = i;
                while (j < held.Count && held[j].Member == held[i].Member)
                {
                    j++;
                }
                ranges[held[i].Member] = (i, j);
                i = j;
            }
        }
        return new AuthorityIndex(hierarchy, all, start, ranges, registrations);
    }

    /// <inheritdoc />
    public bool IsOnRoster(MemberId member) => index.Contains(member);

    /// <inheritdoc />
    public bool HoldsPost(MemberId member, RoleKind role, OrgUnitId unit) => FindPost(member, role, unit) >= 0;

    /// <inheritdoc />
    public bool Covers(OrgUnitId unit, NodeRef node, bool includeDualRegistrations)
    {
        int handle = index.UnitHandle(unit);
        return handle >= 0 && CoversFrom(handle, unit, node, includeDualRegistrations);
    }

    /// <summary>
    /// The number of the post when <paramref name="member"/> holds it on the day, or −1: what <see cref="HoldsPost"/>
    /// answers, and where <see cref="CoversFromPost"/> starts from, so that a decision on a post does not look the
    /// post's unit up again.
    /// </summary>
    internal int FindPost(MemberId member, RoleKind role, OrgUnitId unit)
    {
        int id = member.Value;
        int start, end;
        if (postStart is { } table)
        {
            if ((uint)id >= (uint)(table.Length - 1))
            {
                return -1;
            }
            start = table[id];
            end = table[id + 1];
        }
        else if (!postRanges!.TryGetValue(id, out var range))
        {
            return -1;
        }
        else
        {
            (start, end) = range;
        }
        var all = posts;
        for (int k = start; k < end; k++)
        {
            ref readonly var post = ref all[k];
            if (post.Unit == unit.Value && post.Role == role)
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>As <see cref="Covers"/>, for the post <paramref name="post"/> that <see cref="FindPost"/> found.</summary>
    internal bool CoversFromPost(int post, NodeRef node, bool includeDualRegistrations)
    {
        ref readonly var held = ref posts[post];
        var positions = node.Kind switch
        {
            NodeKind.Unit => unitPositions,
            NodeKind.Member => memberPositions,
            _ => null,
        };
        int at = positions is not null
            ? ((uint)node.Value < (uint)positions.Length ? positions[node.Value] - 1 : -1)
            : index.PositionOf(node);
        if (at >= held.First && at <= held.Last)
        {
            return true;
        }
        // Outside the subtree: a regional committee's spans, or 双报到; both rare, and asked as Covers asks them.
        return CoversFrom(held.Handle, new OrgUnitId(held.Unit), node, includeDualRegistrations);
    }

    // The whole question, from the unit's handle in the hierarchy index: its subtree or a regional committee's spans, then
    // 双报到. Out of line: a post's decision comes here only when the matter is outside the post's subtree.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool CoversFrom(int handle, OrgUnitId unit, NodeRef node, bool includeDualRegistrations) =>
        index.IsWithinJurisdictionOf(handle, node)
        || (includeDualRegistrations && node.Kind == NodeKind.Member && CoversByRegistration(unit, node.AsMember()));

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

    /// <summary>A post held on the day: the role, the unit's id, its handle in the hierarchy index and its Euler-tour interval.</summary>
    private readonly record struct Post(RoleKind Role, int Unit, int Handle, int First, int Last);

    private static void Add(Dictionary<MemberId, List<(RoleKind, OrgUnitId)>> posts, MemberId member, (RoleKind, OrgUnitId) post)
    {
        if (!posts.TryGetValue(member, out var list))
        {
            posts[member] = list = [];
        }
        list.Add(post);
    }
}
