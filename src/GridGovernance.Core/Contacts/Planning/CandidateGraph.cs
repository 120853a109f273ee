namespace GridGovernance.Contacts.Planning;

/// <summary>The arcs every pool was solved on (k-nearest candidates plus repair arcs), in global indexes, for an exact oracle.</summary>
internal sealed class CandidateGraph
{
    private readonly object gate = new();

    internal CandidateGraph(int households, int members)
    {
        HouseholdCount = households;
        MemberCount = members;
        Capacity = new int[members];
    }

    internal int HouseholdCount { get; }

    internal int MemberCount { get; }

    /// <summary>Capacity by global member index (0 for members in no pool).</summary>
    internal int[] Capacity { get; }

    internal List<(int Household, int Member, int Cost)> Arcs { get; } = [];

    internal void Add(CandidateArcs arcs, PoolSolver solver, int[] hs, int[] ms, int[] capacity)
    {
        var (start, member, cost) = arcs.All();
        var local = new List<(int, int, int)>(start[^1] + 8);
        for (int i = 0; i < hs.Length; i++)
        {
            for (int a = start[i]; a < start[i + 1]; a++)
            {
                local.Add((hs[i], ms[member[a]], cost[a]));
            }
            var (rm, rc) = solver.RepairArc(i);
            if (rm >= 0)
            {
                local.Add((hs[i], ms[rm], rc));
            }
        }
        lock (gate)
        {
            Arcs.AddRange(local);
            for (int j = 0; j < ms.Length; j++)
            {
                Capacity[ms[j]] = capacity[j];
            }
        }
    }
}
