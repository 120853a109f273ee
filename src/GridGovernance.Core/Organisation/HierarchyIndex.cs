using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>
/// A read-only snapshot of the whole tree (units, members, households) as of one date, laid out for fast
/// questions: ancestor / descendant tests and subtree counts in O(1), paths in O(depth), a full subtree
/// roll-up in O(n). Every authorisation check of the library (<see cref="IsWithinJurisdiction"/>) uses it.
/// </summary>
/// <remarks>
/// <para>
/// The index numbers the nodes in depth-first (pre-)order; a node's subtree is then the interval
/// [entry, exit] of positions (an Euler-tour interval), so "is A an ancestor of B" is two comparisons.
/// Members hang under their primary branch (组织关系), households under their grid or group.
/// </para>
/// <para>
/// Children are visited in ascending id order, so the index — including the order of
/// <see cref="Descendants"/> — does not depend on the order of its input. Build a new index after the
/// hierarchy changes; <see cref="OrganisationQueries.BuildIndexAsync"/> does it from the store.
/// </para>
/// </remarks>
[Immutable]
public sealed class HierarchyIndex
{
    private readonly IdMap unitMap;
    private readonly IdMap memberMap;
    private readonly IdMap householdMap;
    // The maps' dense tables (handle + 1 by id; null when the ids were sparse), kept here so that a question finds a
    // node's handle one load sooner: a decision of authority is a chain of dependent loads.
    private readonly int[]? unitTable;
    private readonly int[]? memberTable;
    private readonly int[]? householdTable;
    private readonly int[] parent;   // by handle; -1 for a root
    private readonly int[] entry;    // by handle: preorder position
    private readonly int[] exit;     // by handle: last preorder position inside the subtree
    private readonly int[] depth;    // by handle
    private readonly int[] preorder; // by position: handle
    private readonly int[] childStart; // by handle: offset into children; childStart[n] = total
    private readonly int[] children;
    private readonly int[] unitsBefore;      // by position + 1: units at positions < p
    private readonly int[] membersBefore;
    private readonly int[] householdsBefore;
    private readonly UnitKind[] unitKinds;   // by unit handle
    private readonly ImmutableDictionary<int, int[]> spans; // regional committee handle -> spanned unit handles

    private HierarchyIndex(LocalDate asOf, IdMap unitMap, IdMap memberMap, IdMap householdMap, int[] parent, UnitKind[] unitKinds, ImmutableDictionary<int, int[]> spans)
    {
        AsOf = asOf;
        this.unitMap = unitMap;
        this.memberMap = memberMap;
        this.householdMap = householdMap;
        unitTable = unitMap.DenseTable;
        memberTable = memberMap.DenseTable;
        householdTable = householdMap.DenseTable;
        this.parent = parent;
        this.unitKinds = unitKinds;
        this.spans = spans;
        UnitCount = unitMap.IdsInOrder.Length;
        MemberCount = memberMap.IdsInOrder.Length;
        HouseholdCount = householdMap.IdsInOrder.Length;
        int n = parent.Length;

        childStart = new int[n + 1];
        foreach (var p in parent)
        {
            if (p >= 0)
            {
                childStart[p + 1]++;
            }
        }
        for (int i = 0; i < n; i++)
        {
            childStart[i + 1] += childStart[i];
        }
        children = new int[childStart[n]];
        var fill = new int[n];
        Array.Copy(childStart, fill, n);
        var roots = new List<int>();
        // Handles ascend with (kind, id), so filling in handle order keeps each child list in id order.
        for (int h = 0; h < n; h++)
        {
            int p = parent[h];
            if (p >= 0)
            {
                children[fill[p]++] = h;
            }
            else
            {
                roots.Add(h);
            }
        }

        entry = new int[n];
        exit = new int[n];
        depth = new int[n];
        preorder = new int[n];
        var stack = new Stack<int>();
        int position = 0;
        foreach (var root in roots)
        {
            stack.Push(root);
            depth[root] = 0;
            while (stack.Count > 0)
            {
                int h = stack.Pop();
                entry[h] = position;
                preorder[position++] = h;
                for (int c = childStart[h + 1] - 1; c >= childStart[h]; c--)
                {
                    int child = children[c];
                    depth[child] = depth[h] + 1;
                    stack.Push(child);
                }
            }
        }
        if (position < n)
        {
            // Nodes no root reaches sit on a cycle of parent links (or under one).
            var unreached = Enumerable.Range(0, n).First(h => entry[h] == 0 && (roots.Count == 0 || preorder[0] != h));
            throw Preconditions.InvalidArgument($"{NodeOf(unreached)} is not reachable from any root: the parent links of the input form a cycle.", "units");
        }
        for (int p = n - 1; p >= 0; p--)
        {
            int h = preorder[p];
            int last = entry[h];
            int lastChild = childStart[h + 1] - 1;
            exit[h] = lastChild >= childStart[h] ? exit[children[lastChild]] : last;
        }

        unitsBefore = new int[n + 1];
        membersBefore = new int[n + 1];
        householdsBefore = new int[n + 1];
        int memberStart = memberMap.FirstHandle;
        int householdStart = householdMap.FirstHandle;
        for (int p = 0; p < n; p++)
        {
            int h = preorder[p];
            unitsBefore[p + 1] = unitsBefore[p] + (h < memberStart ? 1 : 0);
            membersBefore[p + 1] = membersBefore[p] + (h >= memberStart && h < householdStart ? 1 : 0);
            householdsBefore[p + 1] = householdsBefore[p] + (h >= householdStart ? 1 : 0);
        }
        Roots = roots.Select(NodeOf).ToImmutableArray();
    }

    /// <summary>The date the snapshot describes.</summary>
    public LocalDate AsOf { get; }

    /// <summary>How many nodes the index holds.</summary>
    public int Count => parent.Length;

    /// <summary>How many units the index holds.</summary>
    public int UnitCount { get; }

    /// <summary>How many members the index holds.</summary>
    public int MemberCount { get; }

    /// <summary>How many households the index holds.</summary>
    public int HouseholdCount { get; }

    /// <summary>The nodes without a parent, in (kind, id) order: normally the districts.</summary>
    public ImmutableArray<NodeRef> Roots { get; }

    /// <summary>
    /// Builds the index of the hierarchy as it stood on <paramref name="asOf"/>: units open that day under the
    /// parent they had that day, members on the roster under the branch they had, households under their unit.
    /// </summary>
    /// <param name="units">Units (open or closed; those not open on the date are left out).</param>
    /// <param name="members">Members (those not on the roster on the date are left out).</param>
    /// <param name="households">Households (those not on the roster on the date are left out).</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The index.</returns>
    /// <exception cref="GridGovernanceValidationException">An id appears twice, or a node sits under a unit that is missing or not open on the date.</exception>
    public static HierarchyIndex Build(IEnumerable<OrgUnit> units, IEnumerable<Member> members, IEnumerable<Household> households, LocalDate asOf)
    {
        Preconditions.CheckNotNull(units);
        Preconditions.CheckNotNull(members);
        Preconditions.CheckNotNull(households);

        var unitIds = new List<int>();
        var unitParents = new List<int>();
        var kinds = new List<UnitKind>();
        var spanSources = new List<(int Unit, OrgUnitId[] Spanned)>();
        foreach (var unit in units)
        {
            if (unit.TryGetParentOn(asOf, out var p))
            {
                unitIds.Add(unit.Id.Value);
                unitParents.Add(p?.Value ?? 0);
                kinds.Add(unit.KindOn(asOf) ?? unit.Kind);
                if (!unit.Spans.IsEmpty)
                {
                    spanSources.Add((unit.Id.Value, unit.SpannedOn(asOf).ToArray()));
                }
            }
        }
        var (memberIds, memberParents) = Resolve(members, m => m.Id.Value, m => m.BranchOn(asOf));
        var (householdIds, householdParents) = Resolve(households, h => h.Id.Value, h => h.UnitOn(asOf));

        var unitMap = IdMap.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(unitIds), 0, "unit");
        var memberMap = IdMap.Create(memberIds, unitIds.Count, "member");
        var householdMap = IdMap.Create(householdIds, unitIds.Count + memberIds.Length, "household");

        var parent = new int[unitIds.Count + memberIds.Length + householdIds.Length];
        var unitKinds = new UnitKind[unitIds.Count];
        for (int i = 0; i < unitIds.Count; i++)
        {
            int h = unitMap.HandleOf(unitIds[i]);
            parent[h] = unitParents[i] == 0 ? -1 : ParentHandle(unitMap, new NodeRef(NodeKind.Unit, unitIds[i]), unitParents[i], asOf);
            unitKinds[h] = kinds[i];
        }
        for (int i = 0; i < memberIds.Length; i++)
        {
            parent[memberMap.HandleOf(memberIds[i])] = ParentHandle(unitMap, new NodeRef(NodeKind.Member, memberIds[i]), memberParents[i], asOf);
        }
        for (int i = 0; i < householdIds.Length; i++)
        {
            parent[householdMap.HandleOf(householdIds[i])] = ParentHandle(unitMap, new NodeRef(NodeKind.Household, householdIds[i]), householdParents[i], asOf);
        }
        var spans = spanSources.ToImmutableDictionary(
            s => unitMap.HandleOf(s.Unit),
            s => s.Spanned.Select(u => unitMap.HandleOf(u.Value)).Where(h => h >= 0).ToArray());
        return new HierarchyIndex(asOf, unitMap, memberMap, householdMap, parent, unitKinds, spans);
    }

    /// <summary>Whether the node is in the index (existed on <see cref="AsOf"/>).</summary>
    /// <param name="node">The node.</param>
    public bool Contains(NodeRef node) => HandleOf(node) >= 0;

    /// <summary>The node's parent, or <c>null</c> for a root.</summary>
    /// <param name="node">A node of the index.</param>
    /// <exception cref="GridGovernanceValidationException">The node is not in the index.</exception>
    public NodeRef? ParentOf(NodeRef node)
    {
        int p = parent[HandleOrThrow(node)];
        return p < 0 ? null : NodeOf(p);
    }

    /// <summary>The node's depth: 0 for a root.</summary>
    /// <param name="node">A node of the index.</param>
    public int DepthOf(NodeRef node) => depth[HandleOrThrow(node)];

    /// <summary>The kind of a unit.</summary>
    /// <param name="unit">A unit of the index.</param>
    public UnitKind KindOf(OrgUnitId unit) => unitKinds[HandleOrThrow(unit)];

    /// <summary>Whether <paramref name="ancestor"/> is a strict ancestor of <paramref name="node"/>. O(1).</summary>
    /// <param name="ancestor">A node of the index.</param>
    /// <param name="node">A node of the index.</param>
    /// <exception cref="GridGovernanceValidationException">A node is not in the index.</exception>
    public bool IsAncestorOf(NodeRef ancestor, NodeRef node)
    {
        int a = HandleOrThrow(ancestor);
        int b = HandleOrThrow(node);
        return a != b && entry[a] <= entry[b] && entry[b] <= exit[a];
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="node"/> or one of its ancestors. O(1).</summary>
    /// <param name="ancestor">A node of the index.</param>
    /// <param name="node">A node of the index.</param>
    /// <exception cref="GridGovernanceValidationException">A node is not in the index.</exception>
    public bool IsAncestorOrSelf(NodeRef ancestor, NodeRef node)
    {
        int a = HandleOrThrow(ancestor);
        int b = HandleOrThrow(node);
        return entry[a] <= entry[b] && entry[b] <= exit[a];
    }

    /// <summary>
    /// Whether a unit may act on a node (review, claim, supervise): the node is the unit itself or lies under
    /// it, or — for a regional committee (区域党委) — under one of the communities it spans on <see cref="AsOf"/>.
    /// </summary>
    /// <param name="actorUnit">The acting unit.</param>
    /// <param name="target">The node acted on.</param>
    /// <returns><c>false</c> also when either is not in the index (a closed unit has no jurisdiction).</returns>
    public bool IsWithinJurisdiction(OrgUnitId actorUnit, NodeRef target)
    {
        int a = UnitHandle(actorUnit);
        return a >= 0 && IsWithinJurisdictionOf(a, target);
    }

    /// <summary>As <see cref="IsWithinJurisdiction(OrgUnitId, NodeRef)"/>, from the acting unit's <see cref="UnitHandle"/> (not negative).</summary>
    internal bool IsWithinJurisdictionOf(int actorHandle, NodeRef target)
    {
        int b = HandleOf(target);
        if (b < 0)
        {
            return false;
        }
        if (entry[actorHandle] <= entry[b] && entry[b] <= exit[actorHandle])
        {
            return true;
        }
        return !spans.IsEmpty && IsWithinSpans(actorHandle, b);
    }

    /// <summary>The handle of a unit in the index, or −1 when it is not in it.</summary>
    internal int UnitHandle(OrgUnitId unit) => HandleOf(unitTable, unitMap, unit.Value);

    // Out of line: a regional committee's spans are the rare case, and inlining the look-up into every caller's
    // decision would cost each of them a larger frame.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool IsWithinSpans(int a, int b)
    {
        if (spans.TryGetValue(a, out var spanned))
        {
            foreach (var s in spanned)
            {
                if (entry[s] <= entry[b] && entry[b] <= exit[s])
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The node's ancestors, nearest first (not including the node).</summary>
    /// <param name="node">A node of the index.</param>
    public IReadOnlyList<NodeRef> Ancestors(NodeRef node)
    {
        var result = new List<NodeRef>();
        for (int p = parent[HandleOrThrow(node)]; p >= 0; p = parent[p])
        {
            result.Add(NodeOf(p));
        }
        return result;
    }

    /// <summary>The path from the root down to the node, both included.</summary>
    /// <param name="node">A node of the index.</param>
    public IReadOnlyList<NodeRef> PathTo(NodeRef node)
    {
        var path = new List<NodeRef> { node };
        path.AddRange(Ancestors(node));
        path.Reverse();
        return path;
    }

    /// <summary>The node's children in (kind, id) order.</summary>
    /// <param name="node">A node of the index.</param>
    public IReadOnlyList<NodeRef> Children(NodeRef node)
    {
        int h = HandleOrThrow(node);
        var result = new NodeRef[childStart[h + 1] - childStart[h]];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = NodeOf(children[childStart[h] + i]);
        }
        return result;
    }

    /// <summary>Everything under the node, depth-first, children in (kind, id) order; the node itself is not included.</summary>
    /// <param name="node">A node of the index.</param>
    public IEnumerable<NodeRef> Descendants(NodeRef node)
    {
        int h = HandleOrThrow(node);
        return DescendantsCore(entry[h] + 1, exit[h]);
    }

    /// <summary>The deepest node that is an ancestor-or-self of both, or <c>null</c> when they are in different trees.</summary>
    /// <param name="a">A node of the index.</param>
    /// <param name="b">A node of the index.</param>
    public NodeRef? LowestCommonAncestor(NodeRef a, NodeRef b)
    {
        int x = HandleOrThrow(a);
        int y = HandleOrThrow(b);
        for (; x >= 0; x = parent[x])
        {
            if (entry[x] <= entry[y] && entry[y] <= exit[x])
            {
                return NodeOf(x);
            }
        }
        return null;
    }

    /// <summary>How many units (not counting itself), members and households lie under a unit. O(1).</summary>
    /// <param name="unit">A unit of the index.</param>
    public SubtreeCounts CountsUnder(OrgUnitId unit)
    {
        int h = HandleOrThrow(unit);
        int from = entry[h];
        int to = exit[h] + 1;
        return new SubtreeCounts(unitsBefore[to] - unitsBefore[from] - 1, membersBefore[to] - membersBefore[from], householdsBefore[to] - householdsBefore[from]);
    }

    /// <summary>The units of a kind, in id order.</summary>
    /// <param name="kind">The kind.</param>
    public IEnumerable<OrgUnitId> UnitsOfKind(UnitKind kind)
    {
        var ids = unitMap.IdsInOrder;
        for (int h = 0; h < ids.Length; h++)
        {
            if (unitKinds[h] == kind)
            {
                yield return new OrgUnitId(ids[h]);
            }
        }
    }

    /// <summary>How many units of each kind the index holds.</summary>
    public IReadOnlyDictionary<UnitKind, int> CountUnitsByKind() =>
        unitKinds.GroupBy(k => k).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), Comparer<UnitKind>.Create((x, y) => string.CompareOrdinal(x.Code, y.Code)));

    /// <summary>
    /// Sums a value over every subtree at once: the result gives, for each node, the total of
    /// <paramref name="valueOf"/> over the node and everything under it. O(n).
    /// </summary>
    /// <param name="valueOf">The value of one node (e.g. 1 for a household, a member's points).</param>
    public SubtreeRollup RollUp(Func<NodeRef, long> valueOf)
    {
        Preconditions.CheckNotNull(valueOf);
        var sums = new long[parent.Length];
        for (int h = 0; h < sums.Length; h++)
        {
            sums[h] = valueOf(NodeOf(h));
        }
        for (int p = preorder.Length - 1; p >= 0; p--)
        {
            int h = preorder[p];
            int up = parent[h];
            if (up >= 0)
            {
                sums[up] += sums[h];
            }
        }
        return new SubtreeRollup(this, sums);
    }

    internal int HandleOrThrow(NodeRef node)
    {
        int h = HandleOf(node);
        if (h < 0)
        {
            throw Preconditions.UnknownKey(nameof(node), $"{node} is not in the hierarchy index as of {AsOf:yyyy-MM-dd}.");
        }
        return h;
    }

    private int HandleOf(NodeRef node) => node.Kind switch
    {
        NodeKind.Unit => HandleOf(unitTable, unitMap, node.Value),
        NodeKind.Member => HandleOf(memberTable, memberMap, node.Value),
        _ => HandleOf(householdTable, householdMap, node.Value),
    };

    private static int HandleOf(int[]? table, IdMap map, int id)
    {
        if (table is not null)
        {
            return (uint)id < (uint)table.Length ? table[id] - 1 : -1;
        }
        return map.HandleOf(id);
    }

    /// <summary>The node's preorder position (the start of its Euler-tour interval), or −1 when it is not in the index.</summary>
    internal int PositionOf(NodeRef node)
    {
        int h = HandleOf(node);
        return h < 0 ? -1 : entry[h];
    }

    /// <summary>
    /// The preorder position + 1 of every unit (or member) by its id, 0 for an id not in the index; <c>null</c> when the
    /// kind's ids are sparse. For a caller that asks for positions by id on a hot path (one load, not three).
    /// </summary>
    internal int[]? PositionsById(NodeKind kind)
    {
        var table = kind switch
        {
            NodeKind.Unit => unitTable,
            NodeKind.Member => memberTable,
            _ => householdTable,
        };
        if (table is null)
        {
            return null;
        }
        var positions = new int[table.Length];
        for (int id = 0; id < table.Length; id++)
        {
            if (table[id] != 0)
            {
                positions[id] = entry[table[id] - 1] + 1;
            }
        }
        return positions;
    }

    /// <summary>The Euler-tour interval [first, last] of preorder positions of the subtree under a handle (not negative).</summary>
    internal (int First, int Last) IntervalOf(int handle) => (entry[handle], exit[handle]);

    private NodeRef NodeOf(int handle)
    {
        if (handle < memberMap.FirstHandle)
        {
            return new NodeRef(NodeKind.Unit, unitMap.IdsInOrder[handle]);
        }
        if (handle < householdMap.FirstHandle)
        {
            return new NodeRef(NodeKind.Member, memberMap.IdsInOrder[handle - memberMap.FirstHandle]);
        }
        return new NodeRef(NodeKind.Household, householdMap.IdsInOrder[handle - householdMap.FirstHandle]);
    }

    private IEnumerable<NodeRef> DescendantsCore(int from, int to)
    {
        for (int p = from; p <= to; p++)
        {
            yield return NodeOf(preorder[p]);
        }
    }

    private static int ParentHandle(IdMap unitMap, NodeRef node, int parentId, LocalDate asOf)
    {
        int handle = unitMap.HandleOf(parentId);
        if (handle < 0)
        {
            throw Preconditions.InvalidArgument(
                $"{node} sits under {new OrgUnitId(parentId)} on {asOf:yyyy-MM-dd}, but that unit is not in the input or not open that day; the input is inconsistent.",
                "units");
        }
        return handle;
    }

    private static (int[] Ids, int[] Parents) Resolve<T>(IEnumerable<T> items, Func<T, int> id, Func<T, OrgUnitId?> parentOn)
    {
        var ids = new List<int>();
        var parents = new List<int>();
        foreach (var item in items)
        {
            if (parentOn(item) is OrgUnitId p)
            {
                ids.Add(id(item));
                parents.Add(p.Value);
            }
        }
        return (ids.ToArray(), parents.ToArray());
    }
}
