using GridGovernance.Organisation;

namespace GridGovernance.Benchmarks.Organisation;

/// <summary>
/// The baseline: what an application without an index does — a parent pointer per node, walked upwards,
/// and child lists walked downwards.
/// </summary>
internal sealed class NaiveHierarchy
{
    private readonly Dictionary<NodeRef, NodeRef> parents = [];
    private readonly Dictionary<NodeRef, List<NodeRef>> children = [];

    internal NaiveHierarchy(IEnumerable<OrgUnit> units, IEnumerable<Member> members, IEnumerable<Household> households, NodaTime.LocalDate asOf)
    {
        foreach (var unit in units)
        {
            if (unit.TryGetParentOn(asOf, out var parent) && parent is OrgUnitId p)
            {
                Link(unit.Id, p);
            }
        }
        foreach (var member in members)
        {
            if (member.BranchOn(asOf) is OrgUnitId branch)
            {
                Link(member.Id, branch);
            }
        }
        foreach (var household in households)
        {
            if (household.UnitOn(asOf) is OrgUnitId unit)
            {
                Link(household.Id, unit);
            }
        }
    }

    internal int Count => parents.Count;

    internal bool IsAncestorOf(NodeRef ancestor, NodeRef node)
    {
        var current = node;
        while (parents.TryGetValue(current, out var up))
        {
            if (up == ancestor)
            {
                return true;
            }
            current = up;
        }
        return false;
    }

    internal (int Members, int Households) CountUnder(NodeRef node)
    {
        int members = 0, households = 0;
        var stack = new Stack<NodeRef>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.Kind == NodeKind.Member)
            {
                members++;
            }
            else if (current.Kind == NodeKind.Household)
            {
                households++;
            }
            if (children.TryGetValue(current, out var list))
            {
                foreach (var child in list)
                {
                    stack.Push(child);
                }
            }
        }
        return (members, households);
    }

    internal Dictionary<NodeRef, long> RollUp(Func<NodeRef, long> valueOf, IEnumerable<NodeRef> roots)
    {
        var sums = new Dictionary<NodeRef, long>();
        foreach (var root in roots)
        {
            Sum(root);
        }
        return sums;

        long Sum(NodeRef node)
        {
            long total = valueOf(node);
            if (children.TryGetValue(node, out var list))
            {
                foreach (var child in list)
                {
                    total += Sum(child);
                }
            }
            sums[node] = total;
            return total;
        }
    }

    private void Link(NodeRef child, NodeRef parent)
    {
        parents[child] = parent;
        if (!children.TryGetValue(parent, out var list))
        {
            list = [];
            children.Add(parent, list);
        }
        list.Add(child);
    }
}
