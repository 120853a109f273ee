using Google.OrTools.Graph;
using GridGovernance.Claims.Matching;

namespace GridGovernance.Tests.Claims;

/// <summary>Google OR-Tools' MinCostFlow as the oracle: maximum flow with minimum cost on the same network.</summary>
internal static class OrToolsOracle
{
    internal static (long Flow, long Cost) Solve(ClaimNetwork network)
    {
        var supply = network.Projects.Select(p => p.ClaimantsRequired).ToArray();
        var capacity = network.Resources.Select(r => r.Capacity).ToArray();
        var arcs = network.Candidates.Select(c => new BipartiteArc(c.Project, c.Unit, c.Cost)).ToArray();
        return Solve(supply, capacity, arcs);
    }

    internal static (long Flow, long Cost) Solve(int[] leftSupply, int[] rightCapacity, BipartiteArc[] arcs)
    {
        int source = 0;
        int sink = 1 + leftSupply.Length + rightCapacity.Length;
        var flow = new MinCostFlow();
        long total = 0;
        for (int l = 0; l < leftSupply.Length; l++)
        {
            flow.AddArcWithCapacityAndUnitCost(source, 1 + l, leftSupply[l], 0);
            total += leftSupply[l];
        }
        foreach (var arc in arcs)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + arc.Left, 1 + leftSupply.Length + arc.Right, 1, arc.Cost);
        }
        for (int r = 0; r < rightCapacity.Length; r++)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + leftSupply.Length + r, sink, rightCapacity[r], 0);
        }
        flow.SetNodeSupply(source, total);
        flow.SetNodeSupply(sink, -total);
        var status = flow.SolveMaxFlowWithMinCost();
        Assert.Equal(MinCostFlow.Status.OPTIMAL, status);
        return (flow.MaximumFlow(), flow.OptimalCost());
    }
}
