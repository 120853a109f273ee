using FsCheck.Xunit;
using GridGovernance.Algorithms;

namespace GridGovernance.Tests.Algorithms;

public sealed class ShortestPathSearchTest
{
    /// <summary>A graph as arc lists, with some nodes' arcs to the sink.</summary>
    private readonly struct Graph(List<(int To, long Cost)>[] arcs, long?[] toSink) : IResidualArcs
    {
        public void Scan(ShortestPathSearch search, int node, long distance)
        {
            foreach (var (to, cost) in arcs[node])
            {
                search.Relax(to, distance + cost, node);
            }
            if (toSink[node] is long c)
            {
                search.OfferSink(distance + c, node);
            }
        }
    }

    /// <summary>With zero potentials the search is Dijkstra to the sink: same distance as Bellman–Ford, and the path it leaves has that length.</summary>
    [Property(MaxTest = 300)]
    public bool SinkDistance_AgreesWithBellmanFord(int seed)
    {
        var random = new Random(seed);
        int n = random.Next(1, 12);
        var arcs = Enumerable.Range(0, n).Select(_ => new List<(int To, long Cost)>()).ToArray();
        var all = new List<(int From, int To, long Cost)>();
        for (int a = random.Next(0, 3 * n); a > 0; a--)
        {
            var (u, v, c) = (random.Next(n), random.Next(n), (long)random.Next(0, 10));
            arcs[u].Add((v, c));
            all.Add((u, v, c));
        }
        var toSink = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0 ? (long?)random.Next(0, 20) : null).ToArray();
        var search = new ShortestPathSearch(n);
        var graph = new Graph(arcs, toSink);
        // Run twice: the second search must not see the first one's labels.
        search.Run(ref graph, random.Next(n));
        int source = random.Next(n);
        Array.Clear(search.Potential);
        bool reached = search.Run(ref graph, source);

        var best = Enumerable.Repeat(long.MaxValue, n).ToArray();
        best[source] = 0;
        for (int round = 0; round < n; round++)
        {
            foreach (var (u, v, c) in all)
            {
                if (best[u] != long.MaxValue && best[u] + c < best[v])
                {
                    best[v] = best[u] + c;
                }
            }
        }
        long expected = Enumerable.Range(0, n).Where(v => best[v] != long.MaxValue && toSink[v] is not null).Select(v => best[v] + toSink[v]!.Value).DefaultIfEmpty(long.MaxValue).Min();
        if (!reached)
        {
            return expected == long.MaxValue;
        }
        long length = toSink[search.SinkPredecessor]!.Value;
        for (int v = search.SinkPredecessor, steps = 0; v != source; steps++)
        {
            int u = search.Predecessor(v);
            length += arcs[u].Where(a => a.To == v).Min(a => a.Cost);
            v = u;
            if (steps > n)
            {
                return false;
            }
        }
        return search.SinkDistance == expected && length == expected;
    }
}
