using System.Runtime.CompilerServices;

namespace GridGovernance.Algorithms;

/// <summary>
/// The shortest-path step of successive shortest paths for min-cost flow: Dijkstra from one source on reduced costs
/// (Johnson potentials, one a node, kept here across searches), ending at a sink that is not a node. The sink stays
/// out of the heap: its distance is a field, and the search stops as soon as no queued node is nearer (the sink wins
/// ties), which is when a heap holding it would pop it. Nothing is allocated or cleared per search (stamps mark what
/// a search labelled and scanned).
/// </summary>
/// <remarks>
/// <para>
/// The caller owns the graph and the flow: an <see cref="IResidualArcs"/> says which arcs leave a node, and after a
/// search the caller walks <see cref="Predecessor"/> back from <see cref="SinkPredecessor"/> and moves the flow.
/// The reduced cost of an arc u → v of cost c is <c>c + potential[u] − potential[v]</c>, ≥ 0 on every residual arc;
/// after a search every scanned node nearer than the sink gets <c>potential += distance − sink distance</c>, which
/// keeps them so (and keeps potentials ≤ 0, so nodes a search never reached keep valid reduced costs).
/// </para>
/// <para>A node's arc to the sink must have reduced cost ≥ 0 too: the sink's potential is 0.</para>
/// </remarks>
internal sealed class ShortestPathSearch
{
    private readonly long[] potential;
    private readonly long[] distance;
    private readonly int[] predecessor;
    private readonly int[] mark; // stamp: labelled in this search; stamp + 1: scanned
    private readonly int[] scanned;
    private readonly IndexedHeap heap;
    private int scannedCount;
    private int stamp;
    private long sinkDistance;
    private int sinkPredecessor;

    internal ShortestPathSearch(int nodes)
    {
        potential = new long[nodes];
        distance = new long[nodes];
        predecessor = new int[nodes];
        mark = new int[nodes];
        scanned = new int[nodes];
        heap = new IndexedHeap(nodes);
    }

    /// <summary>The potentials, by node (read them to compute reduced costs).</summary>
    internal long[] Potential => potential;

    /// <summary>The sink's distance after a search, <see cref="long.MaxValue"/> when it was not reached.</summary>
    internal long SinkDistance => sinkDistance;

    /// <summary>The node whose arc to the sink ends the shortest path.</summary>
    internal int SinkPredecessor => sinkPredecessor;

    /// <summary>What the caller gave <see cref="Relax"/> with the label <paramref name="node"/> holds (an arc or a node).</summary>
    internal int Predecessor(int node) => predecessor[node];

    /// <summary>
    /// Searches from <paramref name="source"/> until the sink is nearer than every queued node; when the sink was
    /// reached, moves the potentials and returns <c>true</c>.
    /// </summary>
    internal bool Run<TArcs>(ref TArcs arcs, int source)
        where TArcs : struct, IResidualArcs
    {
        stamp += 2;
        heap.Clear();
        scannedCount = 0;
        sinkDistance = long.MaxValue;
        sinkPredecessor = -1;
        int scannedMark = stamp + 1;
        distance[source] = 0;
        mark[source] = stamp;
        heap.Set(source, 0);
        while (heap.Count > 0)
        {
            long key = heap.MinKey;
            if (key >= sinkDistance)
            {
                break;
            }
            int node = heap.Pop();
            mark[node] = scannedMark;
            scanned[scannedCount++] = node;
            arcs.Scan(this, node, key);
        }
        if (sinkDistance == long.MaxValue)
        {
            return false;
        }
        long d = sinkDistance;
        for (int k = 0; k < scannedCount; k++)
        {
            int x = scanned[k];
            if (distance[x] < d)
            {
                potential[x] += distance[x] - d;
            }
        }
        return true;
    }

    /// <summary>
    /// Labels <paramref name="node"/> with <paramref name="candidate"/> through <paramref name="from"/> when that is
    /// shorter than its label and than the sink, and it was not scanned; returns whether it did. The node is not
    /// queued: call <see cref="Queue"/>, or <see cref="OfferSink"/> through it when its arc to the sink ends every
    /// path that reaches it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Label(int node, long candidate, int from)
    {
        if (candidate >= sinkDistance)
        {
            return false;
        }
        int mk = mark[node];
        if (mk == stamp + 1 || (mk == stamp && candidate >= distance[node]))
        {
            return false;
        }
        mark[node] = stamp;
        distance[node] = candidate;
        predecessor[node] = from;
        return true;
    }

    /// <summary>Queues a node just labelled, at its label.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Queue(int node) => heap.SetIfLower(node, distance[node]);

    /// <summary><see cref="Label"/> and <see cref="Queue"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Relax(int node, long candidate, int from)
    {
        if (!Label(node, candidate, from))
        {
            return false;
        }
        heap.SetIfLower(node, candidate);
        return true;
    }

    /// <summary>A path to the sink of length <paramref name="candidate"/>, its last arc leaving <paramref name="from"/>; the first of equal ones is kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void OfferSink(long candidate, int from)
    {
        if (candidate < sinkDistance)
        {
            sinkDistance = candidate;
            sinkPredecessor = from;
        }
    }
}
