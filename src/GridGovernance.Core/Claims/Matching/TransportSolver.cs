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
/// Arrays only (CSR adjacency, flows as bytes, potentials and distances as longs), no allocation per search.
/// Deterministic: ties in the heap are broken by node number, and node numbers follow the caller's (canonical) order.
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

    // Search state, reused across searches (epoch stamps instead of clearing).
    private readonly long[] potential;
    private readonly long[] dist;
    private readonly int[] predPos;
    private readonly int[] seenEpoch;
    private readonly int[] settledEpoch;
    private readonly int[] settled;
    private readonly int[] heapPos;
    private long[] heapKey;
    private int[] heapNode;
    private int heapCount;
    private int epoch;
    private long bound;

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

        int nodes = rows + cols;
        potential = new long[nodes];
        dist = new long[nodes];
        predPos = new int[nodes];
        seenEpoch = new int[nodes];
        settledEpoch = new int[nodes];
        settled = new int[nodes];
        heapPos = new int[nodes];
        Array.Fill(heapPos, -1);
        heapKey = new long[64];
        heapNode = new int[64];
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
            for (int k = rowSupply[r]; k > 0; k--)
            {
                Augment(r);
            }
        }
        onRow?.Invoke(rows, rows);
    }

    private void Augment(int start)
    {
        epoch++;
        for (int i = 0; i < heapCount; i++)
        {
            heapPos[heapNode[i]] = -1;
        }
        heapCount = 0;
        int settledCount = 0;
        dist[start] = 0;
        seenEpoch[start] = epoch;
        predPos[start] = -1;
        Push(0, start);
        long bestUnmatched = long.MaxValue;
        bound = long.MaxValue;
        int unmatchedRow = -1;
        int terminal = -1;
        long terminalDist = 0;
        while (heapCount > 0)
        {
            long d = heapKey[0];
            int u = heapNode[0];
            Pop();
            if (settledEpoch[u] == epoch || d > dist[u])
            {
                continue;
            }
            if (bestUnmatched < d)
            {
                break;
            }
            settledEpoch[u] = epoch;
            long pu = potential[u];
            if (u >= rows)
            {
                int c = u - rows;
                if (colLoad[c] < colCapacity[c])
                {
                    terminal = u;
                    terminalDist = d;
                    break;
                }
                settled[settledCount++] = u;
                int slotEnd = colSlotStart[c] + colLoad[c];
                for (int s = colSlotStart[c]; s < slotEnd; s++)
                {
                    int p = colSlots[s];
                    int w = posRow[p];
                    Relax(w, d - posCost[p] + pu - potential[w], p);
                }
            }
            else
            {
                settled[settledCount++] = u;
                int end = rowStart[u + 1];
                for (int p = rowStart[u]; p < end; p++)
                {
                    if (posFlow[p] == 0)
                    {
                        int w = rows + posCol[p];
                        Relax(w, d + posCost[p] + pu - potential[w], p);
                    }
                }
                long viaUnmatched = d + bigM + pu;
                if (viaUnmatched < bestUnmatched)
                {
                    bestUnmatched = viaUnmatched;
                    unmatchedRow = u;
                    bound = Math.Min(bound, viaUnmatched);
                }
            }
        }

        if (terminal < 0)
        {
            terminalDist = bestUnmatched;
        }
        for (int i = 0; i < settledCount; i++)
        {
            int v = settled[i];
            potential[v] += dist[v] - terminalDist;
        }

        int row;
        if (terminal >= 0)
        {
            int c = terminal - rows;
            int p = predPos[terminal];
            posFlow[p] = 1;
            int slot = colSlotStart[c] + colLoad[c]++;
            colSlots[slot] = p;
            slotOfPos[p] = slot;
            row = posRow[p];
        }
        else
        {
            row = unmatchedRow;
        }
        while (row != start)
        {
            int back = predPos[row];
            posFlow[back] = 0;
            int c = posCol[back];
            int forward = predPos[rows + c];
            posFlow[forward] = 1;
            int slot = slotOfPos[back];
            colSlots[slot] = forward;
            slotOfPos[forward] = slot;
            row = posRow[forward];
        }
    }

    private void Relax(int w, long nd, int p)
    {
        // A node farther than a free column already seen can never be settled before the search ends.
        if (nd > bound)
        {
            return;
        }
        if (seenEpoch[w] != epoch || nd < dist[w])
        {
            if (settledEpoch[w] == epoch)
            {
                return;
            }
            seenEpoch[w] = epoch;
            dist[w] = nd;
            predPos[w] = p;
            if (w >= rows && colLoad[w - rows] < colCapacity[w - rows])
            {
                bound = nd;
            }
            Push(nd, w);
        }
    }

    // An indexed binary heap keyed by (distance, node): a node is queued once and its key lowered in place.
    private void Push(long key, int node)
    {
        int i = heapPos[node];
        if (i < 0)
        {
            if (heapCount == heapKey.Length)
            {
                Array.Resize(ref heapKey, heapCount * 2);
                Array.Resize(ref heapNode, heapCount * 2);
            }
            i = heapCount++;
        }
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (heapKey[parent] < key || (heapKey[parent] == key && heapNode[parent] < node))
            {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapNode[i] = heapNode[parent];
            heapPos[heapNode[i]] = i;
            i = parent;
        }
        heapKey[i] = key;
        heapNode[i] = node;
        heapPos[node] = i;
    }

    private void Pop()
    {
        heapPos[heapNode[0]] = -1;
        int last = --heapCount;
        if (last == 0)
        {
            return;
        }
        long key = heapKey[last];
        int node = heapNode[last];
        int i = 0;
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= last)
            {
                break;
            }
            int right = child + 1;
            if (right < last && (heapKey[right] < heapKey[child] || (heapKey[right] == heapKey[child] && heapNode[right] < heapNode[child])))
            {
                child = right;
            }
            if (key < heapKey[child] || (key == heapKey[child] && node < heapNode[child]))
            {
                break;
            }
            heapKey[i] = heapKey[child];
            heapNode[i] = heapNode[child];
            heapPos[heapNode[i]] = i;
            i = child;
        }
        heapKey[i] = key;
        heapNode[i] = node;
        heapPos[node] = i;
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
