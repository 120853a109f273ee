namespace GridGovernance.Scoring.Engine;

/// <summary>The running sums of an assessment: a packed long per (member, item), and a side table for items that count once per period or can go both ways.</summary>
internal sealed class Tally
{
    /// <summary>How many low bits of a packed word hold the count; the sum sits above them.</summary>
    internal const int CountBits = 20;

    internal const long CountMask = (1L << CountBits) - 1;

    private readonly int items;

    /// <param name="compiled">The compiled rules and roster.</param>
    /// <param name="packed">Whether to keep a packed row per member; the columnar pass keeps one row at a time itself.</param>
    internal Tally(CompiledRuleBook compiled, bool packed = true)
    {
        items = compiled.ItemCount;
        Packed = packed ? new long[compiled.Members.Count * compiled.ItemCount] : [];
        Ignored = new int[compiled.Members.Count];
    }

    internal long[] Packed { get; }

    /// <summary>A member's packed row: per item, the sum shifted left by 20 bits plus the count.</summary>
    internal Span<long> Row(int m) => Packed.AsSpan(m * items, items);

    internal Dictionary<int, Accumulator> Side { get; } = [];

    internal int[] Ignored { get; }
}
