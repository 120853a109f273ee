using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace GridGovernance.Scoring.Engine;

/// <summary>
/// Where an assessment keeps its results: one row a member, in columns shared by every member of the assessment
/// (a handful of arrays for the whole roster instead of objects and arrays a member). Values are kept in the fewest
/// bits that nearly always hold them, with the rare value that does not fit in an exact side table: a count in
/// four bits, an amount of points in two bytes (as hundredths of a point, within ±327.67). A city's results
/// then take a few megabytes, and fresh memory is most of what a bulk assessment costs.
/// </summary>
/// <remarks>Written by one thread while the assessment runs; read-only, and safe to share, afterwards.</remarks>
internal sealed class ResultColumns
{
    private const int CountEscape = 15;
    private const short UnitsEscape = short.MinValue;
    private const long UnitsStep = 100;
    private const int ScalarsPerRow = 5; // awarded, deducted, clipped, score, ignored

    private readonly byte[] counts; // two counts a byte, low nibble first
    private readonly short[] totals;
    private readonly short[] scalars;
    private readonly bool[] vetoed;

    // The values that did not fit, by key: a count at ~(its position), a total at its position, a scalar at the
    // number of totals plus its position.
    private Dictionary<int, long>? large;

    internal ResultColumns(AssessmentRoster subjects, int itemCount, int categoryCount)
    {
        Subjects = subjects;
        ItemCount = itemCount;
        CategoryCount = categoryCount;
        int rows = subjects.Count;
        counts = new byte[(rows * itemCount + 1) / 2];
        totals = new short[rows * categoryCount];
        scalars = new short[rows * ScalarsPerRow];
        vetoed = new bool[rows];
    }

    /// <summary>Row r's member (the compiled rule book's roster, shared).</summary>
    internal AssessmentRoster Subjects { get; }

    internal int Rows => Subjects.Count;

    internal int ItemCount { get; }

    internal int CategoryCount { get; }

    internal int Count(int row, int item)
    {
        int at = row * ItemCount + item;
        int count = (counts[at >> 1] >> ((at & 1) << 2)) & 0xF;
        return count != CountEscape ? count : (int)large![~at];
    }

    internal Points Total(int row, int category) => Points.FromUnits(Units(totals, row * CategoryCount + category, 0));

    internal Points Awarded(int row) => Points.FromUnits(Scalar(row, 0));

    internal Points Deducted(int row) => Points.FromUnits(Scalar(row, 1));

    internal Points Clipped(int row) => Points.FromUnits(Scalar(row, 2));

    internal Points Score(int row) => Points.FromUnits(Scalar(row, 3));

    internal int Ignored(int row) => (int)(Scalar(row, 4) / UnitsStep);

    internal bool Vetoed(int row) => vetoed[row];

    internal ImmutableArray<int> CountsOf(int row)
    {
        var result = new int[ItemCount];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Count(row, i);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    internal ImmutableArray<Points> TotalsOf(int row)
    {
        var result = new Points[CategoryCount];
        for (int c = 0; c < result.Length; c++)
        {
            result[c] = Total(row, c);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>Writes a row's counts (a row is written once, or again in full by the in-order replay).</summary>
    internal void SetCounts(int row, ReadOnlySpan<int> values)
    {
        int at = row * ItemCount;
        int i = 0;
        if ((at & 1) == 0)
        {
            // Whole bytes while both counts of a pair fit: the common case.
            for (; i + 1 < values.Length; i += 2, at += 2)
            {
                uint low = (uint)values[i], high = (uint)values[i + 1];
                if (low >= CountEscape || high >= CountEscape)
                {
                    break;
                }
                counts[at >> 1] = (byte)(low | (high << 4));
            }
        }
        for (; i < values.Length; i++, at++)
        {
            int value = values[i];
            if ((uint)value >= CountEscape)
            {
                (large ??= [])[~at] = value;
                value = CountEscape;
            }
            int shift = (at & 1) << 2;
            ref byte pair = ref counts[at >> 1];
            pair = (byte)((pair & ~(0xF << shift)) | (value << shift));
        }
    }

    internal void SetTotal(int row, int category, long units) => SetUnits(totals, row * CategoryCount + category, 0, units);

    internal void SetScalars(int row, long awarded, long deducted, long clipped, long score, bool isVetoed, int ignored)
    {
        int at = row * ScalarsPerRow;
        SetUnits(scalars, at, totals.Length, awarded);
        SetUnits(scalars, at + 1, totals.Length, deducted);
        SetUnits(scalars, at + 2, totals.Length, clipped);
        SetUnits(scalars, at + 3, totals.Length, score);
        SetUnits(scalars, at + 4, totals.Length, ignored * UnitsStep);
        vetoed[row] = isVetoed;
    }

    private long Scalar(int row, int which) => Units(scalars, row * ScalarsPerRow + which, totals.Length);

    private long Units(short[] column, int at, int keyBase)
    {
        short hundredths = column[at];
        return hundredths != UnitsEscape ? hundredths * UnitsStep : large![keyBase + at];
    }

    private void SetUnits(short[] column, int at, int keyBase, long units)
    {
        long hundredths = units / UnitsStep;
        if (units % UnitsStep == 0 && hundredths > UnitsEscape && hundredths <= short.MaxValue)
        {
            column[at] = (short)hundredths;
        }
        else
        {
            column[at] = UnitsEscape;
            (large ??= [])[keyBase + at] = units;
        }
    }
}
