using GridGovernance.Algorithms;

namespace GridGovernance.Claims.Matching;

/// <summary>
/// Exact min-cost maximum flow on a bipartite graph whose arcs carry one unit each: left nodes supply places,
/// right nodes take up to their capacity. Successive shortest paths, one place of the scarcer side at a time,
/// with Dijkstra on reduced costs (Johnson potentials) that stops at the first right node with room. The scarcer
/// side (fewer places; on a tie, fewer nodes) supplies the rows, so free targets stay plentiful and searches short.
/// </summary>
/// <remarks>
/// <para>
/// Every row (a node of the side with fewer places) gets an extra arc to a "not matched" sink costing
/// <c>M = places × max arc cost + 1</c>. Any solution with one more matched place is cheaper than any with one fewer,
/// so the min-cost flow of the extended network is a maximum flow of least cost (the lexicographic objective), and
/// every row can always ship, which is what lets rows be processed one by one (Hungarian / Jonker–Volgenant style)
/// instead of from a super source. A search that ends at the "not matched" sink may still re-route places: the
/// place of an earlier row can move to the new row when that is cheaper.
/// </para>
/// <para>
/// Arrays only (CSR adjacency, flows as bytes), no allocation per search. Deterministic: ties in the heap are broken
/// by node number, and node numbers follow the caller's (canonical) order.
/// </para>
/// <para>
/// The search itself (Dijkstra on reduced costs, potentials, the heap) is the shared
/// <see cref="ShortestPathSearch"/>, as in the contact plan's <c>PoolSolver</c>. The graph is this solver's own
/// because the shapes differ: here every arc is given up front and a row ships several places, so flow is a bit an
/// arc and a column lists its flowing arcs; there a household ships one place, so its flow is one member, and its
/// arcs are found lazily from a spatial index, sorted by cost, which lets a scan stop early.
/// </para>
/// </remarks>
internal sealed class TransportSolver
{
    private readonly int rows;
    private readonly int cols;
    private readonly bool rowsAreLeft;
    private readonly int[] rowSupply;
    private readonly int[] colCapacity;

    // Arcs in row order: positions rowStart[r]..rowStart[r+1]-1.
    private readonly int[] rowStart;
    private readonly int[] posCol;
    private readonly int[] posRow;
    private readonly long[] posCost;
    private readonly int[] posToArc;
    private readonly byte[] posFlow;

    // Flowing arcs of each column: slots colSlotStart[c]..colSlotStart[c]+colLoad[c]-1 hold arc positions.
    private readonly int[] colSlotStart;
    private readonly int[] colLoad;
    private readonly int[] colSlots;
    private readonly int[] slotOfPos;

    private readonly long bigM;

    private readonly ShortestPathSearch search;

    private TransportSolver(int leftCount, int[] leftSupply, int rightCount, int[] rightCapacity, int[] arcLeft, int[] arcRight, long[] arcCost)
    {
        long leftPlaces = Sum(leftSupply);
        long rightPlaces = Sum(rightCapacity);
        rowsAreLeft = leftPlaces < rightPlaces || (leftPlaces == rightPlaces && leftCount <= rightCount);
        rows = rowsAreLeft ? leftCount : rightCount;
        cols = rowsAreLeft ? rightCount : leftCount;
        rowSupply = rowsAreLeft ? leftSupply : rightCapacity;
        colCapacity = rowsAreLeft ? rightCapacity : leftSupply;
        int[] arcRow = rowsAreLeft ? arcLeft : arcRight;
        int[] arcCol = rowsAreLeft ? arcRight : arcLeft;
        int arcs = arcLeft.Length;

        rowStart = new int[rows + 1];
        for (int a = 0; a < arcs; a++)
        {
            rowStart[arcRow[a] + 1]++;
        }
        for (int r = 0; r < rows; r++)
        {
            rowStart[r + 1] += rowStart[r];
        }
        var next = (int[])rowStart.Clone();
        posCol = new int[arcs];
        posRow = new int[arcs];
        posCost = new long[arcs];
        posToArc = new int[arcs];
        posFlow = new byte[arcs];
        long maxCost = 0;
        var colDegree = new int[cols];
        for (int a = 0; a < arcs; a++)
        {
            // Arcs come sorted by (left, right), so a stable bucket pass keeps each row's arcs in column order.
            int p = next[arcRow[a]]++;
            posCol[p] = arcCol[a];
            posRow[p] = arcRow[a];
            posCost[p] = arcCost[a];
            posToArc[p] = a;
            colDegree[arcCol[a]]++;
            maxCost = Math.Max(maxCost, arcCost[a]);
        }

        colSlotStart = new int[cols + 1];
        for (int c = 0; c < cols; c++)
        {
            colSlotStart[c + 1] = colSlotStart[c] + Math.Min(colCapacity[c], colDegree[c]);
        }
        colLoad = new int[cols];
        colSlots = new int[colSlotStart[cols]];
        slotOfPos = new int[arcs];

        long places = Math.Max(1, Math.Min(leftPlaces, rightPlaces));
        Preconditions.CheckState(
            maxCost == 0 || places <= (long.MaxValue / 16) / maxCost,
            ErrorCodes.ClaimsCostOverflow,
            $"The instance is too large for exact 64-bit costs: {places} places times a largest arc cost of {maxCost}; lower the weights or the maximum distance.");
        bigM = (places * maxCost) + 1;

        search = new ShortestPathSearch(rows + cols);
    }

    /// <summary>Solves; arcs must be sorted by (left, right) with no duplicates and costs ≥ 0.</summary>
    internal static TransportSolution Solve(
        int leftCount, int[] leftSupply, int rightCount, int[] rightCapacity, int[] arcLeft, int[] arcRight, long[] arcCost,
        Action<int, int>? onRow, CancellationToken cancellationToken)
    {
        var solver = new TransportSolver(leftCount, leftSupply, rightCount, rightCapacity, arcLeft, arcRight, arcCost);
        solver.Run(onRow, cancellationToken);
        return solver.Result();
    }

    private static long Sum(int[] values)
    {
        long sum = 0;
        foreach (int v in values)
        {
            sum += v;
        }
        return sum;
    }

    private void Run(Action<int, int>? onRow, CancellationToken cancellationToken)
    {
        for (int r = 0; r < rows; r++)
        {
            if ((r & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                onRow?.Invoke(r, rows);
            }
            // A row fills at most one place per arc (each arc carries one place), so more augmentations than arcs only
            // send places to "not matched": the optimum for min(supply, arcs) places plus the rest unmatched is the
            // optimum for the whole supply. Capping keeps 20M required places on one unit from running 20M searches.
            for (int k = Math.Min(rowSupply[r], rowStart[r + 1] - rowStart[r]); k > 0; k--)
            {
                Augment(r);
            }
        }
        onRow?.Invoke(rows, rows);
    }

    private void Augment(int start)
    {
        var arcs = new Arcs(this);
        search.Run(ref arcs, start);
        // The sink is always reached: every row has its arc to "not matched".
        int end = search.SinkPredecessor;
        int row;
        if (end >= rows)
        {
            int c = end - rows;
            int p = search.Predecessor(end);
            posFlow[p] = 1;
            int slot = colSlotStart[c] + colLoad[c]++;
            colSlots[slot] = p;
            slotOfPos[p] = slot;
            row = posRow[p];
        }
        else
        {
            row = end;
        }
        while (row != start)
        {
            int back = search.Predecessor(row);
            posFlow[back] = 0;
            int c = posCol[back];
            int forward = search.Predecessor(rows + c);
            posFlow[forward] = 1;
            int slot = slotOfPos[back];
            colSlots[slot] = forward;
            slotOfPos[forward] = slot;
            row = posRow[forward];
        }
    }

    /// <summary>
    /// A row scans its arcs without flow and its arc to "not matched"; a column with room ends the path (its arc to
    /// the sink costs 0), a full one scans back along its flowing arcs. A label's predecessor is an arc position.
    /// </summary>
    private readonly struct Arcs(TransportSolver solver) : IResidualArcs
    {
        public void Scan(ShortestPathSearch search, int node, long distance)
        {
            var s = solver;
            var potential = search.Potential;
            long pu = potential[node];
            int rows = s.rows;
            if (node >= rows)
            {
                int c = node - rows;
                int slotEnd = s.colSlotStart[c] + s.colLoad[c];
                for (int k = s.colSlotStart[c]; k < slotEnd; k++)
                {
                    int p = s.colSlots[k];
                    int w = s.posRow[p];
                    search.Relax(w, distance - s.posCost[p] + pu - potential[w], p);
                }
                return;
            }
            int end = s.rowStart[node + 1];
            for (int p = s.rowStart[node]; p < end; p++)
            {
                if (s.posFlow[p] == 0)
                {
                    int c = s.posCol[p];
                    int w = rows + c;
                    long nd = distance + s.posCost[p] + pu - potential[w];
                    if (nd >= search.SinkDistance)
                    {
                        continue; // pruned before the column's load and capacity are read: most arcs end here
                    }
                    if (s.colLoad[c] < s.colCapacity[c])
                    {
                        if (search.Label(w, nd, p))
                        {
                            search.OfferSink(nd + potential[w], w);
                        }
                    }
                    else
                    {
                        search.Relax(w, nd, p);
                    }
                }
            }
            search.OfferSink(distance + s.bigM + pu, node);
        }
    }

    private TransportSolution Result()
    {
        var arcUsed = new bool[posFlow.Length];
        long cost = 0;
        int flow = 0;
        for (int p = 0; p < posFlow.Length; p++)
        {
            if (posFlow[p] != 0)
            {
                arcUsed[posToArc[p]] = true;
                cost += posCost[p];
                flow++;
            }
        }
        return new TransportSolution(arcUsed, flow, cost);
    }
}

/// <summary>What <see cref="TransportSolver"/> found: which arcs carry a place, how many places, at what cost.</summary>
internal sealed record TransportSolution(bool[] ArcUsed, int Flow, long Cost);
