using System.Runtime.InteropServices;

namespace GridGovernance.Claims.Matching;

/// <summary>
/// The exact solver behind <see cref="ClaimMatcher"/> and <see cref="AreaAssigner"/>, for integrators with their own
/// bipartite problems: left nodes with places to fill, right nodes with capacities, arcs of capacity one with a
/// cost ≥ 0. Finds a maximum flow, and among maximum flows one of least cost.
/// </summary>
[Immutable]
public static class MinCostBipartiteFlow
{
    /// <summary>Solves the problem.</summary>
    /// <param name="leftSupply">Places of each left node (≥ 0).</param>
    /// <param name="rightCapacity">Capacity of each right node (≥ 0).</param>
    /// <param name="arcs">The arcs; at most one per (left, right) pair, any order.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Which arcs carry flow (in the order given), the flow and its cost.</returns>
    /// <exception cref="GridGovernanceValidationException">An arc names a node that does not exist, is repeated or has a negative cost, or a supply or capacity is negative.</exception>
    /// <exception cref="GridGovernanceException">Costs would overflow 64 bits (<c>claims.cost-overflow</c>).</exception>
    public static BipartiteFlowResult Solve(IReadOnlyList<int> leftSupply, IReadOnlyList<int> rightCapacity, IReadOnlyList<BipartiteArc> arcs, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(leftSupply);
        Preconditions.CheckNotNull(rightCapacity);
        Preconditions.CheckNotNull(arcs);
        var supply = leftSupply.ToArray();
        var capacity = rightCapacity.ToArray();
        Preconditions.CheckArgument(supply.All(s => s >= 0), nameof(leftSupply), "Every supply must be ≥ 0.");
        Preconditions.CheckArgument(capacity.All(c => c >= 0), nameof(rightCapacity), "Every capacity must be ≥ 0.");
        var order = new int[arcs.Count];
        var keys = new long[arcs.Count];
        for (int a = 0; a < order.Length; a++)
        {
            var arc = arcs[a];
            Preconditions.CheckArgument(arc.Left >= 0 && arc.Left < supply.Length && arc.Right >= 0 && arc.Right < capacity.Length, nameof(arcs), $"Arc {a} names a node that does not exist.");
            Preconditions.CheckArgument(arc.Cost >= 0, nameof(arcs), $"Arc {a} has a negative cost.");
            order[a] = a;
            keys[a] = ((long)arc.Left << 32) | (uint)arc.Right;
        }
        Array.Sort(keys, order);
        var left = new int[order.Length];
        var right = new int[order.Length];
        var cost = new long[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            var arc = arcs[order[i]];
            Preconditions.CheckArgument(i == 0 || arc.Left != left[i - 1] || arc.Right != right[i - 1], nameof(arcs), $"Arc {order[i]} repeats a (left, right) pair.");
            left[i] = arc.Left;
            right[i] = arc.Right;
            cost[i] = arc.Cost;
        }
        var solution = TransportSolver.Solve(supply.Length, supply, capacity.Length, capacity, left, right, cost, null, cancellationToken);
        var used = new bool[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            used[order[i]] = solution.ArcUsed[i];
        }
        return new BipartiteFlowResult(ImmutableCollectionsMarshal.AsImmutableArray(used), solution.Flow, solution.Cost);
    }
}
