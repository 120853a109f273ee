using System.Runtime.CompilerServices;

namespace GridGovernance.Contacts.Planning;

/// <summary>
/// A pool's members in square buckets (about two a bucket), for the nearest-member searches: the members in bucket
/// order with their coordinates and grids alongside, so a bucket is read in one sweep.
/// </summary>
internal sealed class MemberGrid
{
    private readonly double minX;
    private readonly double minY;
    private readonly double cell;
    private readonly int cols;
    private readonly int rows;
    private readonly int penalty;
    private readonly int[] cellStart;
    private readonly int[] cellMembers;
    private readonly double[] cellX;
    private readonly double[] cellY;
    private readonly int[] cellGrid;

    /// <summary>Buckets the members; <paramref name="penalty"/> is added to the distance to a member of another grid.</summary>
    internal MemberGrid(double[] mx, double[] my, int[] mGrid, int penalty)
    {
        int m = mx.Length;
        this.penalty = penalty;
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
    }

    /// <summary>
    /// The <paramref name="want"/> members of least cost (distance plus penalty; ties by index) from the point
    /// (<paramref name="px"/>, <paramref name="py"/>) in grid <paramref name="grid"/>, into <paramref name="bestCost"/>
    /// and <paramref name="bestMember"/> in order; returns how many (fewer when the pool has fewer members).
    /// </summary>
    internal int FindNearest(double px, double py, int grid, int want, double[] bestCost, int[] bestMember)
    {
        int maxRing = Math.Max(cols, rows);
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
                            Insert(bestCost, bestMember, count++, d2, j);
                        }
                        else if (d2 < bestCost[want - 1] || (d2 == bestCost[want - 1] && j < bestMember[want - 1]))
                        {
                            Insert(bestCost, bestMember, want - 1, d2, j);
                        }
                        if (count == want)
                        {
                            worstSquared = bestCost[want - 1] * bestCost[want - 1];
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
                if (bound == double.MaxValue || bound >= bestCost[want - 1])
                {
                    break;
                }
            }
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
}
