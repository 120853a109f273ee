using Google.OrTools.Graph;
using GridGovernance.Contacts;
using GridGovernance.Contacts.Planning;

namespace GridGovernance.Tests.Contacts;

/// <summary>Exact answers from OR-Tools on the full allowed graph (every household to every member of its pool).</summary>
internal static class ContactOracle
{
    /// <summary>The full allowed graph: candidates = 64 covers every member of the small pools the tests use.</summary>
    internal static CandidateGraph FullGraph(ContactHousehold[] households, ContactMember[] members, ContactPlanOptions options)
    {
        var (_, graph) = ContactPlanEngine.PlanWithGraph(households, members, options with { CandidatesPerHousehold = 64 });
        return graph;
    }

    /// <summary>The optimum cost over plans of maximum coverage, and that coverage.</summary>
    internal static (long Cost, int Covered) MinCost(CandidateGraph g)
    {
        const long Bypass = 100_000_000;
        var mcf = new MinCostFlow();
        int source = g.HouseholdCount + g.MemberCount, sink = source + 1;
        foreach (var (h, m, c) in g.Arcs)
        {
            mcf.AddArcWithCapacityAndUnitCost(h, g.HouseholdCount + m, 1, c);
        }
        for (int h = 0; h < g.HouseholdCount; h++)
        {
            mcf.AddArcWithCapacityAndUnitCost(source, h, 1, 0);
        }
        for (int m = 0; m < g.MemberCount; m++)
        {
            mcf.AddArcWithCapacityAndUnitCost(g.HouseholdCount + m, sink, Math.Max(g.Capacity[m], 0), 0);
        }
        int bypass = mcf.AddArcWithCapacityAndUnitCost(source, sink, g.HouseholdCount, Bypass);
        mcf.SetNodeSupply(source, g.HouseholdCount);
        mcf.SetNodeSupply(sink, -g.HouseholdCount);
        var status = mcf.Solve();
        if (status != MinCostFlow.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"OR-Tools MinCostFlow returned {status}.");
        }
        long uncovered = mcf.Flow(bypass);
        return (mcf.OptimalCost() - (uncovered * Bypass), g.HouseholdCount - (int)uncovered);
    }

    /// <summary>The maximum number of households any plan can cover (OR-Tools MaxFlow).</summary>
    internal static int MaxCoverage(CandidateGraph g)
    {
        var flow = new MaxFlow();
        int source = g.HouseholdCount + g.MemberCount, sink = source + 1;
        foreach (var (h, m, _) in g.Arcs)
        {
            flow.AddArcWithCapacity(h, g.HouseholdCount + m, 1);
        }
        for (int h = 0; h < g.HouseholdCount; h++)
        {
            flow.AddArcWithCapacity(source, h, 1);
        }
        for (int m = 0; m < g.MemberCount; m++)
        {
            flow.AddArcWithCapacity(g.HouseholdCount + m, sink, Math.Max(g.Capacity[m], 0));
        }
        var status = flow.Solve(source, sink);
        if (status != MaxFlow.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"OR-Tools MaxFlow returned {status}.");
        }
        return (int)flow.OptimalFlow();
    }
}
