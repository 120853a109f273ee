using GridGovernance.Algorithms;

namespace GridGovernance.Contacts.Planning;

/// <summary>
/// Solves one pool (a community, or a grid when cross-grid links are forbidden) exactly on its k-nearest candidate
/// graph: successive shortest paths (the shared <see cref="ShortestPathSearch"/>), one household at a time (those
/// nearest a member first, ties by index), each search stopping at the first member with room. A household the
/// candidates cannot cover gets an arc to the nearest member with room and is routed again, so coverage equals the
/// max-flow of the full pool (a complete bipartite graph): min(households, capacity).
/// </summary>
/// <remarks>
/// Nodes are households 0…h−1 and members h…h+m−1. The residual graph is this solver's own rather than the claims'
/// <c>TransportSolver</c>'s: a household ships one place, so its flow is the member it holds; its arcs come sorted by
/// cost from <see cref="CandidateArcs"/>, found lazily, so a scan stops at the first arc no nearer than the sink; and
/// a household may have two arcs outside its candidates (its previous member when rebalancing, a repair arc).
/// </remarks>
internal sealed class PoolSolver
{
    /// <summary>The cost of leaving a household uncovered: more than any difference of link costs in a pool.</summary>
    private const long UncoveredCost = 1L << 40;

    private readonly int h;
    private readonly int m;
    private readonly CandidateArcs arcs;
    private readonly int[] capacity;
    private readonly int[] preferred;
    private readonly int bonus;

    // Flow: each household's member and the cost of that arc; each member's households at [holderStart[j], +load[j]).
    private readonly int[] assign;
    private readonly int[] assignCost;
    private readonly int[] holderStart;
    private readonly int[] holders;
    private readonly int[] load;
    private readonly int[] repairMember;
    private readonly int[] repairCost;

    private readonly ShortestPathSearch search;
    private readonly int[] predCost; // by member: the cost of the arc its label came through

    /// <param name="arcs">The pool's candidate arcs.</param>
    /// <param name="capacity">By member.</param>
    /// <param name="preferred">By household: the member it is linked to now (credited <paramref name="bonus"/> on every other arc), −1 for none; <c>null</c> when not rebalancing.</param>
    /// <param name="bonus">The credit for keeping a link.</param>
    internal PoolSolver(CandidateArcs arcs, int[] capacity, int[]? preferred, int bonus)
    {
        h = arcs.HouseholdCount;
        m = arcs.MemberCount;
        this.arcs = arcs;
        this.capacity = capacity;
        this.preferred = preferred ?? [];
        this.bonus = preferred is null ? 0 : bonus;
        assign = new int[h];
        Array.Fill(assign, -1);
        assignCost = new int[h];
        holderStart = new int[m + 1];
        for (int j = 0; j < m; j++)
        {
            holderStart[j + 1] = holderStart[j] + capacity[j];
        }
        holders = new int[holderStart[m]];
        load = new int[m];
        repairMember = new int[h];
        Array.Fill(repairMember, -1);
        repairCost = new int[h];
        search = new ShortestPathSearch(h + m);
        predCost = new int[m];
    }

    /// <summary>The member (local index) each household is linked to, or −1.</summary>
    internal int[] Assignment => assign;

    /// <summary>How many households were routed through a repair arc (outside their candidates).</summary>
    internal int Repaired { get; private set; }

    /// <summary>The repair arc of a household (member index, cost), or member −1.</summary>
    internal (int Member, int Cost) RepairArc(int i) => (repairMember[i], repairCost[i]);

    /// <summary>Routes every household; returns the reason code per household (−1 covered, else the <see cref="UncoveredReason"/>).</summary>
    internal int[] Solve(CancellationToken cancellationToken)
    {
        long free = 0;
        for (int j = 0; j < m; j++)
        {
            free += capacity[j];
        }
        // Households nearest a member first: they take their nearest members while these still have room, and
        // households farther from everyone then find room nearby, so searches stay short (about 10 % fewer nodes
        // scanned than ordering by the farthest candidate). The order changes the work, not the optimum.
        int k = arcs.K;
        var order = new int[h];
        var keys = new long[h];
        for (int i = 0; i < h; i++)
        {
            order[i] = i;
            keys[i] = ((long)(arcs.ArcEnd[i] > i * k ? arcs.ArcCost[i * k] : int.MaxValue) << 32) | (uint)i;
        }
        Array.Sort(keys, order);
        for (int n = 0; n < h; n++)
        {
            int s = order[n];
            if ((n & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (m == 0)
            {
                continue;
            }
            // With no room left the search may still let s take the place of a household it costs less to
            // serve (the arc to "uncovered" costs UncoveredCost), so the households left out are the cheapest to leave.
            var end = Route(s, allowUncovered: free == 0);
            if (end == RouteEnd.Uncovered && free > 0)
            {
                // The candidates cannot reach a member with room: give s an arc to the nearest one and route again.
                int best = -1, bestCost = int.MaxValue;
                for (int j = 0; j < m; j++)
                {
                    if (load[j] < capacity[j])
                    {
                        int c = arcs.Cost(s, j) + bonus;
                        if (c < bestCost)
                        {
                            best = j;
                            bestCost = c;
                        }
                    }
                }
                repairMember[s] = best;
                repairCost[s] = bestCost;
                Repaired++;
                end = Route(s, allowUncovered: false);
                if (end != RouteEnd.Member)
                {
                    throw new InvalidOperationException("A repair arc to a member with room did not give an augmenting path.");
                }
            }
            if (end == RouteEnd.Member)
            {
                free--;
            }
        }
        var reasons = new int[h];
        for (int i = 0; i < h; i++)
        {
            reasons[i] = assign[i] >= 0 ? -1 : (int)(m == 0 ? UncoveredReason.NoMemberAvailable : UncoveredReason.AllMembersFull);
        }
        return reasons;
    }

    private enum RouteEnd
    {
        Member,
        Uncovered,
    }

    /// <summary>One shortest-path search from household <paramref name="s"/>, and the flow moved along the path found.</summary>
    private RouteEnd Route(int s, bool allowUncovered)
    {
        var residual = new Residual(this, allowUncovered);
        if (!search.Run(ref residual, s))
        {
            return RouteEnd.Uncovered;
        }
        int end = search.SinkPredecessor;
        int member;
        if (end < h)
        {
            // The path ends on "uncovered": household 'end' gives up its member (or s stays out).
            if (end == s)
            {
                return RouteEnd.Uncovered;
            }
            member = assign[end];
            RemoveHolder(member, end);
            assign[end] = -1;
        }
        else
        {
            member = end - h;
        }
        while (true)
        {
            int i = search.Predecessor(h + member);
            int old = assign[i];
            if (old >= 0)
            {
                RemoveHolder(old, i);
            }
            holders[holderStart[member] + load[member]++] = i;
            assign[i] = member;
            assignCost[i] = predCost[member];
            if (i == s)
            {
                return end < h ? RouteEnd.Uncovered : RouteEnd.Member;
            }
            member = old;
        }
    }

    /// <summary>The residual arcs: a household's candidates (and preferred and repair arcs) but its own member, the "uncovered" arc when allowed; a member's households back.</summary>
    private readonly struct Residual(PoolSolver solver, bool allowUncovered) : IResidualArcs
    {
        public void Scan(ShortestPathSearch search, int node, long distance)
        {
            var s = solver;
            var potential = search.Potential;
            int h = s.h;
            if (node < h)
            {
                int i = node;
                long baseKey = distance + potential[i];
                if (allowUncovered)
                {
                    search.OfferSink(baseKey + UncoveredCost, i);
                }
                int held = s.assign[i];
                int add = s.bonus;
                var arcs = s.arcs;
                var arcEnd = arcs.ArcEnd;
                var arcCost = arcs.ArcCost;
                var arcMember = arcs.Member;
                int a = i * arcs.K;
                while (true)
                {
                    bool stopped = false;
                    for (int last = arcEnd[i]; a < last; a++)
                    {
                        int c = arcCost[a] + add;
                        if (baseKey + c >= search.SinkDistance)
                        {
                            // Arcs are in ascending cost and member potentials are ≤ 0: this arc and every later one
                            // reach no node before the sink.
                            stopped = true;
                            break;
                        }
                        int j = arcMember[a];
                        if (j != held)
                        {
                            s.RelaxMember(search, j, baseKey + c - potential[h + j], i, c);
                        }
                    }
                    if (stopped || arcs.Complete[i])
                    {
                        break;
                    }
                    // Past the arcs found up front: find the rest and go on from where this stopped.
                    arcs.Extend(i);
                }
                if (s.preferred.Length > 0 && s.preferred[i] >= 0 && s.preferred[i] != held)
                {
                    int j = s.preferred[i];
                    int c = arcs.Cost(i, j);
                    s.RelaxMember(search, j, baseKey + c - potential[h + j], i, c);
                }
                int repair = s.repairMember[i];
                if (repair >= 0 && repair != held)
                {
                    s.RelaxMember(search, repair, baseKey + s.repairCost[i] - potential[h + repair], i, s.repairCost[i]);
                }
            }
            else
            {
                int j = node - h;
                long baseKey = distance + potential[node];
                var assignCost = s.assignCost;
                var holders = s.holders;
                for (int p = s.holderStart[j], last = s.holderStart[j] + s.load[j]; p < last; p++)
                {
                    int i = holders[p];
                    search.Relax(i, baseKey - assignCost[i] - potential[i], node);
                }
            }
        }
    }

    private void RelaxMember(ShortestPathSearch search, int j, long candidate, int from, int cost)
    {
        int node = h + j;
        if (!search.Label(node, candidate, from))
        {
            return;
        }
        predCost[j] = cost;
        if (load[j] < capacity[j])
        {
            // A member with room: its arc to the sink has reduced cost potential[node] (0: it was never scanned),
            // so reaching it reaches the sink; the member itself need not be scanned.
            search.OfferSink(candidate + search.Potential[node], node);
            return;
        }
        search.Queue(node);
    }

    private void RemoveHolder(int j, int i)
    {
        int start = holderStart[j];
        int last = start + load[j] - 1;
        for (int p = start; p <= last; p++)
        {
            if (holders[p] == i)
            {
                holders[p] = holders[last];
                load[j]--;
                return;
            }
        }
        throw new InvalidOperationException("A household was not among its member's holders.");
    }
}
