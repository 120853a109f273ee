using System.Runtime.InteropServices;

namespace GridGovernance.Scoring.Engine;

/// <summary>The running sums of one (member, item) whose occurrences count once per period or can go both ways.</summary>
[StructLayout(LayoutKind.Auto)]
internal struct Accumulator
{
    public long Positive;
    public long Negative;
    public long FirstValue;
    public long FirstSequence;
    public int FirstDayKey;
    public int Count;
    public int OnceCount;

    /// <summary>
    /// Of two occurrences of a once-per-period item, the one worth most counts; on a tie, the earliest (days as
    /// <see cref="CompiledRuleBook.Key"/> numbers).
    /// </summary>
    internal static bool Preferred(long value, int dayKey, long sequence, long otherValue, int otherDayKey, long otherSequence)
    {
        if (value != otherValue) return value > otherValue;
        if (dayKey != otherDayKey) return dayKey < otherDayKey;
        return sequence < otherSequence;
    }

    /// <summary>
    /// As <see cref="Add"/>, for the bulk columnar pass, which reads only the sums and the chosen once-value:
    /// of once-occurrences worth the same, any gives the same result, so neither day nor sequence is kept.
    /// </summary>
    public void AddAt(long value, bool once)
    {
        Count++;
        if (!once)
        {
            AddToSum(value);
        }
        else if (++OnceCount == 1 || value > FirstValue)
        {
            FirstValue = value;
        }
    }

    /// <summary>Adds one occurrence worth <paramref name="value"/> on day <paramref name="dayKey"/>.</summary>
    public void Add(long value, bool once, int dayKey, long sequence)
    {
        Count++;
        if (once)
        {
            // An item's versions may differ on once-per-period: only the once-occurrences compete for one place.
            if (++OnceCount == 1 || Preferred(value, dayKey, sequence, FirstValue, FirstDayKey, FirstSequence))
            {
                FirstDayKey = dayKey;
                FirstSequence = sequence;
                FirstValue = value;
            }
        }
        else
        {
            AddToSum(value);
        }
    }

    private void AddToSum(long value)
    {
        if (value >= 0)
        {
            Positive += value;
        }
        else
        {
            Negative += value;
        }
    }
}
