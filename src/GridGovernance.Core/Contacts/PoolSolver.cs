namespace GridGovernance.Contacts;

/// <summary>
/// Solves one pool (a community, or a grid when cross-grid links are forbidden) exactly on its k-nearest candidate
/// graph: successive shortest paths (Dijkstra on reduced costs, potentials kept non-positive so households not
/// yet routed keep valid reduced costs), one household at a time (those nearest a member first, ties by index), each
/// search stopping at the first member with room. Each household's first few candidates are found up front and the
/// rest only when a search reads past them, which most never do; the graph is the same either way. A household the candidates cannot cover gets an arc to the nearest member with room and is
/// routed again, so coverage equals the max-flow of the full pool (a complete bipartite graph): min(households,
/// capacity).
/// </summary>
internal sealed class PoolSolver
{
    private readonly int h;
    private readonly int m;
    private readonly double[] hx;
    private readonly double[] hy;
    private readonly double[] mx;
    private readonly double[] my;
    private readonly int[] hGrid;
    private readonly int[] mGrid;
    private readonly int[] capacity;
    private readonly int[] preferred;
    private readonly int penalty;
    private readonly int bonus;

    // Candidate graph: household i's arcs at [i·k, arcEnd[i]), nearest first. Only the first few are found up front;
    // a search that reads past them finds the rest (the same arcs a full build gives, in the same order).
    private int k;
    private int[] arcEnd = [];
    private int[] arcMember = [];
    private int[] arcCost = [];
    private bool[] complete = [];

    // Spatial buckets of the members, for the nearest-member searches.
    private double minX;
    private double minY;
    private double cell;
    private int cols;
    private int rows;
    private int[] cellStart = [];
    private int[] cellMembers = [];
    private double[] cellX = [];
    private double[] cellY = [];
    private int[] cellGrid = [];
    private double[] bestD2 = [];
    private int[] bestMember = [];

    // Flow state.
    private readonly int[] assign;
    private readonly int[] assignCost;
    private readonly int[] holderStart;
    private readonly int[] holders;
    private readonly int[] load;
    private readonly long[] potH;
    private readonly long[] potM;
    private readonly int[] repairMember;
    private readonly int[] repairCost;

    // Search state.
    private readonly long[] dist;
    private readonly int[] pred;
    private readonly int[] predCost;
    private readonly int[] mark; // stamp: labelled in this search; stamp + 1: scanned
    private readonly List<int> scannedList = [];
    private readonly MinHeap heap = new();
    private int stamp;
    private long sinkDist;
    private int sinkPred;

    internal PoolSolver(double[] hx, double[] hy, int[] hGrid, double[] mx, double[] my, int[] mGrid, int[] capacity, int[]? preferred, int penalty, int bonus)
    {
        h = hx.Length;
        m = mx.Length;
        this.hx = hx;
        this.hy = hy;
        this.hGrid = hGrid;
        this.mx = mx;
        this.my = my;
        this.mGrid = mGrid;
        this.capacity = capacity;
        this.preferred = preferred ?? [];
        this.penalty = penalty;
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
        potH = new long[h];
        potM = new long[m];
        repairMember = new int[h];
        Array.Fill(repairMember, -1);
        repairCost = new int[h];
        int n = h + m;
        dist = new long[n];
        pred = new int[n];
        predCost = new int[m];
        mark = new int[n];
    }

    /// <summary>The member (local index) each household is linked to, or −1.</summary>
    internal int[] Assignment => assign;

    /// <summary>How many households were routed through a repair arc (outside their candidates).</summary>
    internal int Repaired { get; private set; }

    /// <summary>The candidate arcs, CSR by household: start offsets, member indexes, costs (metres + penalty).</summary>
    internal (int[] Start, int[] Member, int[] Cost) Candidates
    {
        get
        {
            var start = new int[h + 1];
            for (int i = 0; i < h; i++)
            {
                if (!complete[i])
                {
                    Extend(i);
                }
                start[i + 1] = arcEnd[i];
            }
            return (start, arcMember, arcCost);
        }
    }

    /// <summary>The repair arc of a household (member index, cost), or member −1.</summary>
    internal (int Member, int Cost) RepairArc(int i) => (repairMember[i], repairCost[i]);

    /// <summary>Distance in whole metres plus the cross-grid penalty.</summary>
    internal int Cost(int i, int j)
    {
        double dx = hx[i] - mx[j];
        double dy = hy[i] - my[j];
        return (int)(Math.Sqrt((dx * dx) + (dy * dy)) + 0.5) + (hGrid[i] == mGrid[j] ? 0 : penalty);
    }

    internal int Distance(int i, int j)
    {
        double dx = hx[i] - mx[j];
        double dy = hy[i] - my[j];
        return (int)(Math.Sqrt((dx * dx) + (dy * dy)) + 0.5);
    }

    internal bool IsCrossGrid(int i, int j) => hGrid[i] != mGrid[j];

    /// <summary>How many nearest members are found up front; the rest of the k only when a search needs them.</summary>
    private const int InitialCandidates = 4;

    internal void BuildCandidates(int candidates)
    {
        k = Math.Min(candidates, m);
        arcEnd = new int[h];
        arcMember = new int[h * k];
        arcCost = new int[h * k];
        complete = new bool[h];
        if (k == 0)
        {
            Array.Fill(complete, true);
            return;
        }
        minX = double.MaxValue;
        minY = double.MaxValue;
        double maxX = double.MinValue, maxY = double.MinValue;
        for (int j = 0; j < m; j++)
        {
            minX = Math.Min(minX, mx[j]);
            maxX = Math.Max(maxX, mx[j]);
            minY = Math.Min(minY, my[j]);
            maxY = Math.Max(maxY, my[j]);
        }
        double width = Math.Max(maxX - minX, 1);
        double height = Math.Max(maxY - minY, 1);
        cell = Math.Max(Math.Sqrt(width * height / Math.Max(m / 2.0, 1)), 1);
        while (true)
        {
            cols = (int)(width / cell) + 1;
            rows = (int)(height / cell) + 1;
            if ((long)cols * rows <= (4L * m) + 64)
            {
                break;
            }
            cell *= 1.5;
        }
        cellStart = new int[(cols * rows) + 1];
        var cellOf = new int[m];
        for (int j = 0; j < m; j++)
        {
            int c = (Math.Min((int)((my[j] - minY) / cell), rows - 1) * cols) + Math.Min((int)((mx[j] - minX) / cell), cols - 1);
            cellOf[j] = c;
            cellStart[c + 1]++;
        }
        for (int c = 0; c < cols * rows; c++)
        {
            cellStart[c + 1] += cellStart[c];
        }
        // Members in cell order, with their coordinates and grids alongside, so a cell is read in one sweep.
        cellMembers = new int[m];
        cellX = new double[m];
        cellY = new double[m];
        cellGrid = new int[m];
        var fill = (int[])cellStart.Clone();
        for (int j = 0; j < m; j++)
        {
            int p = fill[cellOf[j]]++;
            cellMembers[p] = j;
            cellX[p] = mx[j];
            cellY[p] = my[j];
            cellGrid[p] = mGrid[j];
        }
        bestD2 = new double[k];
        bestMember = new int[k];
        int initial = Math.Min(InitialCandidates, k);
        for (int i = 0; i < h; i++)
        {
            WriteArcs(i, FindNearest(i, initial));
            complete[i] = initial == k;
        }
    }

    /// <summary>Finds all k arcs of household <paramref name="i"/> (the first ones found up front stay as they are).</summary>
    private void Extend(int i)
    {
        WriteArcs(i, FindNearest(i, k));
        complete[i] = true;
    }

    private void WriteArcs(int i, int count)
    {
        int start = i * k;
        arcEnd[i] = start + count;
        for (int a = 0; a < count; a++)
        {
            arcMember[start + a] = bestMember[a];
            arcCost[start + a] = Cost(i, bestMember[a]);
        }
    }

    /// <summary>The <paramref name="want"/> members of least cost (distance plus penalty; ties by index) for household <paramref name="i"/>, into bestD2/bestMember, in order; returns how many.</summary>
    private int FindNearest(int i, int want)
    {
        var bestD2 = this.bestD2;
        var bestMember = this.bestMember;
        int maxRing = Math.Max(cols, rows);
        double px = hx[i], py = hy[i];
        int grid = hGrid[i];
        int cx = Math.Clamp((int)Math.Floor((px - minX) / cell), 0, cols - 1);
        int cy = Math.Clamp((int)Math.Floor((py - minY) / cell), 0, rows - 1);
        int count = 0;
        double worstSquared = double.MaxValue;
        for (int r = 0; r <= maxRing; r++)
        {
            int y0 = Math.Max(cy - r, 0), y1 = Math.Min(cy + r, rows - 1);
            for (int y = y0; y <= y1; y++)
            {
                bool edgeRow = y == cy - r || y == cy + r;
                int step = edgeRow || r == 0 ? 1 : 2 * r;
                // Distance from the point to the row's band (0 inside it), less a hair for rounding.
                double bandY = Math.Max(Math.Max(minY + (y * cell) - py, py - (minY + ((y + 1) * cell))), 0) - 1e-6;
                double bandSquared = bandY > 0 ? bandY * bandY : 0;
                for (int x = cx - r; x <= cx + r; x += step)
                {
                    if (x < 0 || x >= cols)
                    {
                        continue;
                    }
                    if (count == want)
                    {
                        // Skip a cell whose nearest point is no nearer than the last of the best: none of its members can enter.
                        double bandX = Math.Max(Math.Max(minX + (x * cell) - px, px - (minX + ((x + 1) * cell))), 0) - 1e-6;
                        if (bandSquared + (bandX > 0 ? bandX * bandX : 0) >= worstSquared)
                        {
                            continue;
                        }
                    }
                    int c = (y * cols) + x;
                    for (int p = cellStart[c], last = cellStart[c + 1]; p < last; p++)
                    {
                        double dx = px - cellX[p];
                        double dy = py - cellY[p];
                        double sq = (dx * dx) + (dy * dy);
                        if (count == want && sq >= worstSquared)
                        {
                            // Farther than the last of the best already, whatever the penalty.
                            continue;
                        }
                        int j = cellMembers[p];
                        double d2 = Math.Sqrt(sq) + (grid == cellGrid[p] ? 0 : penalty);
                        if (count < want)
                        {
                            Insert(bestD2, bestMember, count++, d2, j);
                        }
                        else if (d2 < bestD2[want - 1] || (d2 == bestD2[want - 1] && j < bestMember[want - 1]))
                        {
                            Insert(bestD2, bestMember, want - 1, d2, j);
                        }
                        if (count == want)
                        {
                            worstSquared = bestD2[want - 1] * bestD2[want - 1];
                        }
                    }
                }
            }
            if (count == want)
            {
                // Every member not yet seen lies outside the visited square of cells.
                double bound = double.MaxValue;
                if (cx - r > 0)
                {
                    bound = Math.Min(bound, px - (minX + ((cx - r) * cell)));
                }
                if (cx + r < cols - 1)
                {
                    bound = Math.Min(bound, minX + ((cx + r + 1) * cell) - px);
                }
                if (cy - r > 0)
                {
                    bound = Math.Min(bound, py - (minY + ((cy - r) * cell)));
                }
                if (cy + r < rows - 1)
                {
                    bound = Math.Min(bound, minY + ((cy + r + 1) * cell) - py);
                }
                if (bound == double.MaxValue || bound >= bestD2[want - 1])
                {
                    break;
                }
            }
        }
        return count;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Insert(double[] cost, int[] member, int at, double c, int j)
    {
        // Shift larger (cost, member) entries right from position 'at' (the slot being replaced).
        int p = at;
        while (p > 0 && (cost[p - 1] > c || (cost[p - 1] == c && member[p - 1] > j)))
        {
            cost[p] = cost[p - 1];
            member[p] = member[p - 1];
            p--;
        }
        cost[p] = c;
        member[p] = j;
    }

    /// <summary>Routes every household in index order; returns the reason code per household (−1 covered, else the <see cref="UncoveredReason"/>).</summary>
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
        var order = new int[h];
        var keys = new long[h];
        for (int i = 0; i < h; i++)
        {
            order[i] = i;
            keys[i] = ((long)(arcEnd[i] > i * k ? arcCost[i * k] : int.MaxValue) << 32) | (uint)i;
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
            // serve (the arc to "uncovered" costs Uncovered), so the households left out are the cheapest to leave.
            var end = Search(s, allowUncovered: free == 0);
            if (end == SearchEnd.Uncovered && free > 0)
            {
                // The candidates cannot reach a member with room: give s an arc to the nearest one and route again.
                int best = -1, bestCost = int.MaxValue;
                for (int j = 0; j < m; j++)
                {
                    if (load[j] < capacity[j])
                    {
                        int c = Cost(s, j) + bonus;
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
                end = Search(s, allowUncovered: false);
                if (end != SearchEnd.Member)
                {
                    throw new InvalidOperationException("A repair arc to a member with room did not give an augmenting path.");
                }
            }
            if (end == SearchEnd.Member)
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

    private enum SearchEnd
    {
        Member,
        Uncovered,
    }

    /// <summary>The cost of leaving a household uncovered: more than any difference of link costs in a pool.</summary>
    private const long UncoveredCost = 1L << 40;

    /// <summary>
    /// One Dijkstra search from household <paramref name="s"/> on reduced costs. The sink (a member with room, or
    /// "uncovered") is kept out of the heap: its distance is a field, and the search stops as soon as no node left in
    /// the heap is nearer (the sink wins ties), which is when a heap holding it would pop it.
    /// </summary>
    private SearchEnd Search(int s, bool allowUncovered)
    {
        stamp += 2;
        heap.Clear();
        scannedList.Clear();
        sinkDist = long.MaxValue;
        sinkPred = -1;
        int scannedMark = stamp + 1;
        dist[s] = 0;
        mark[s] = stamp;
        heap.Push(0, s);
        while (heap.Count > 0)
        {
            var (key, node) = heap.Peek();
            if (key >= sinkDist)
            {
                break;
            }
            heap.Pop();
            if (mark[node] == scannedMark || key > dist[node])
            {
                continue;
            }
            mark[node] = scannedMark;
            scannedList.Add(node);
            if (node < h)
            {
                int i = node;
                long baseKey = key + potH[i];
                if (allowUncovered)
                {
                    RelaxSink(baseKey + UncoveredCost, i);
                }
                int held = assign[i];
                int add = bonus;
                int a = i * k;
                while (true)
                {
                    bool stopped = false;
                    for (int last = arcEnd[i]; a < last; a++)
                    {
                        int c = arcCost[a] + add;
                        if (baseKey + c >= sinkDist)
                        {
                            // Arcs are in ascending cost and potM ≤ 0: this arc and every later one reach no node
                            // before the sink.
                            stopped = true;
                            break;
                        }
                        int j = arcMember[a];
                        if (j != held)
                        {
                            RelaxMember(j, baseKey + c - potM[j], i, c);
                        }
                    }
                    if (stopped || complete[i])
                    {
                        break;
                    }
                    // Past the arcs found up front: find the rest and go on from where this stopped.
                    Extend(i);
                }
                if (preferred.Length > 0 && preferred[i] >= 0 && preferred[i] != held)
                {
                    int j = preferred[i];
                    int c = Cost(i, j);
                    RelaxMember(j, baseKey + c - potM[j], i, c);
                }
                if (repairMember[i] >= 0 && repairMember[i] != held)
                {
                    int j = repairMember[i];
                    RelaxMember(j, baseKey + repairCost[i] - potM[j], i, repairCost[i]);
                }
            }
            else
            {
                int j = node - h;
                long baseKey = key + potM[j];
                for (int p = holderStart[j], last = holderStart[j] + load[j]; p < last; p++)
                {
                    int i = holders[p];
                    RelaxHousehold(i, baseKey - assignCost[i] - potH[i], node);
                }
            }
        }
        if (sinkDist == long.MaxValue)
        {
            return SearchEnd.Uncovered;
        }
        long d = sinkDist;
        foreach (int x in scannedList)
        {
            if (dist[x] < d)
            {
                if (x < h)
                {
                    potH[x] += dist[x] - d;
                }
                else
                {
                    potM[x - h] += dist[x] - d;
                }
            }
        }
        int end = sinkPred;
        int member;
        if (end < h)
        {
            // The path ends on "uncovered": household 'end' gives up its member (or s stays out).
            if (end == s)
            {
                return SearchEnd.Uncovered;
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
            int i = pred[h + member];
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
                return end < h ? SearchEnd.Uncovered : SearchEnd.Member;
            }
            member = old;
        }
    }

    /// <summary>A path to the sink (through a member with room, or "uncovered" from a household) of length <paramref name="candidate"/>.</summary>
    private void RelaxSink(long candidate, int from)
    {
        if (candidate < sinkDist)
        {
            sinkDist = candidate;
            sinkPred = from;
        }
    }

    private void RelaxHousehold(int i, long candidate, int from)
    {
        if (candidate >= sinkDist)
        {
            // No shorter than the best path to the sink found so far: it cannot matter.
            return;
        }
        int mk = mark[i];
        if (mk == stamp + 1)
        {
            return;
        }
        if (mk != stamp || candidate < dist[i])
        {
            mark[i] = stamp;
            dist[i] = candidate;
            pred[i] = from;
            heap.Push(candidate, i);
        }
    }

    private void RelaxMember(int j, long candidate, int from, int cost)
    {
        if (candidate >= sinkDist)
        {
            return;
        }
        int node = h + j;
        int mk = mark[node];
        if (mk == stamp + 1)
        {
            return;
        }
        if (mk != stamp || candidate < dist[node])
        {
            mark[node] = stamp;
            dist[node] = candidate;
            pred[node] = from;
            predCost[j] = cost;
            if (load[j] < capacity[j])
            {
                // A member with room: its arc to the sink has reduced cost potM[j] (0), so reaching it reaches the
                // sink; the member itself need not be scanned.
                RelaxSink(candidate + potM[j], node);
                return;
            }
            heap.Push(candidate, node);
        }
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

    /// <summary>A four-ary min-heap of (key, node), ties broken by node: half the levels of a binary heap.</summary>
    private sealed class MinHeap
    {
        private Entry[] entries = new Entry[64];

        internal int Count { get; private set; }

        internal void Clear() => Count = 0;

        internal (long Key, int Node) Peek() => (entries[0].Key, entries[0].Node);

        internal void Push(long key, int node)
        {
            if (Count == entries.Length)
            {
                Array.Resize(ref entries, Count * 2);
            }
            var e = entries;
            var entry = new Entry(key, node);
            int p = Count++;
            while (p > 0)
            {
                int parent = (p - 1) >> 2;
                if (!Less(entry, e[parent]))
                {
                    break;
                }
                e[p] = e[parent];
                p = parent;
            }
            e[p] = entry;
        }

        internal void Pop()
        {
            var e = entries;
            var last = e[--Count];
            int n = Count;
            int p = 0;
            while (true)
            {
                int first = (4 * p) + 1;
                if (first >= n)
                {
                    break;
                }
                int best = first;
                int end = Math.Min(first + 4, n);
                for (int c = first + 1; c < end; c++)
                {
                    if (Less(e[c], e[best]))
                    {
                        best = c;
                    }
                }
                if (!Less(e[best], last))
                {
                    break;
                }
                e[p] = e[best];
                p = best;
            }
            e[p] = last;
        }

        private static bool Less(in Entry a, in Entry b) => a.Key < b.Key || (a.Key == b.Key && a.Node < b.Node);

        private readonly record struct Entry(long Key, int Node);
    }
}
