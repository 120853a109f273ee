namespace GridGovernance.Contacts.Planning;

/// <summary>
/// A pool's k-nearest candidate graph: household i's arcs at [i·k, <see cref="ArcEnd"/>[i]), nearest first, costing
/// whole metres plus the cross-grid penalty. Only the first few arcs are found up front; <see cref="Extend"/> finds
/// the rest when a search reads past them (the same arcs a full build gives, in the same order), which most
/// households never need.
/// </summary>
internal sealed class CandidateArcs
{
    /// <summary>How many nearest members are found up front; the rest of the k only when a search needs them.</summary>
    private const int InitialCandidates = 4;

    private readonly double[] hx;
    private readonly double[] hy;
    private readonly int[] hGrid;
    private readonly double[] mx;
    private readonly double[] my;
    private readonly int[] mGrid;
    private readonly int penalty;
    private readonly MemberGrid? members;
    private readonly double[] bestCost;
    private readonly int[] bestMember;

    /// <summary>Finds each household's first candidates among the members (coordinates in metres, grids as ids).</summary>
    internal CandidateArcs(double[] hx, double[] hy, int[] hGrid, double[] mx, double[] my, int[] mGrid, int penalty, int candidates)
    {
        int h = hx.Length;
        int m = mx.Length;
        this.hx = hx;
        this.hy = hy;
        this.hGrid = hGrid;
        this.mx = mx;
        this.my = my;
        this.mGrid = mGrid;
        this.penalty = penalty;
        K = Math.Min(candidates, m);
        ArcEnd = new int[h];
        Member = new int[h * K];
        ArcCost = new int[h * K];
        Complete = new bool[h];
        bestCost = new double[K];
        bestMember = new int[K];
        if (K == 0)
        {
            Array.Fill(Complete, true);
            return;
        }
        members = new MemberGrid(mx, my, mGrid, penalty);
        int initial = Math.Min(InitialCandidates, K);
        for (int i = 0; i < h; i++)
        {
            Write(i, members.FindNearest(hx[i], hy[i], hGrid[i], initial, bestCost, bestMember));
            Complete[i] = initial == K;
        }
    }

    /// <summary>Households.</summary>
    internal int HouseholdCount => hx.Length;

    /// <summary>Members.</summary>
    internal int MemberCount => mx.Length;

    /// <summary>Arcs a household at most; household i's arcs start at i·K.</summary>
    internal int K { get; }

    /// <summary>By household: the end of the arcs found so far.</summary>
    internal int[] ArcEnd { get; }

    /// <summary>By arc: the member.</summary>
    internal int[] Member { get; }

    /// <summary>By arc: metres plus penalty.</summary>
    internal int[] ArcCost { get; }

    /// <summary>By household: whether all its K arcs are found.</summary>
    internal bool[] Complete { get; }

    /// <summary>All arcs, CSR by household: start offsets, members, costs (finds those not yet found).</summary>
    internal (int[] Start, int[] Member, int[] Cost) All()
    {
        int h = HouseholdCount;
        var start = new int[h + 1];
        for (int i = 0; i < h; i++)
        {
            if (!Complete[i])
            {
                Extend(i);
            }
            start[i + 1] = ArcEnd[i];
        }
        return (start, Member, ArcCost);
    }

    /// <summary>Finds all K arcs of household <paramref name="i"/> (the first ones found up front stay as they are).</summary>
    internal void Extend(int i)
    {
        Write(i, members!.FindNearest(hx[i], hy[i], hGrid[i], K, bestCost, bestMember));
        Complete[i] = true;
    }

    /// <summary>Distance in whole metres plus the cross-grid penalty.</summary>
    internal int Cost(int i, int j) => Distance(i, j) + (hGrid[i] == mGrid[j] ? 0 : penalty);

    /// <summary>Distance in whole metres.</summary>
    internal int Distance(int i, int j)
    {
        double dx = hx[i] - mx[j];
        double dy = hy[i] - my[j];
        return (int)(Math.Sqrt((dx * dx) + (dy * dy)) + 0.5);
    }

    internal bool IsCrossGrid(int i, int j) => hGrid[i] != mGrid[j];

    private void Write(int i, int count)
    {
        int start = i * K;
        ArcEnd[i] = start + count;
        for (int a = 0; a < count; a++)
        {
            Member[start + a] = bestMember[a];
            ArcCost[start + a] = Cost(i, bestMember[a]);
        }
    }
}
