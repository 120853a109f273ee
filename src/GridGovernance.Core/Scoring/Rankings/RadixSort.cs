namespace GridGovernance.Scoring.Rankings;

/// <summary>
/// A least-significant-digit radix sort of non-negative longs that use only their low bits: the packed
/// (score, position) keys of a ranking, which it sorts several times faster than a comparison sort.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int SmallInput = 512;

    /// <summary>Sorts ascending keys that are all in [0, 2^<paramref name="bits"/>).</summary>
    internal static void Sort(long[] keys, int bits)
    {
        if (keys.Length < SmallInput)
        {
            Array.Sort(keys);
            return;
        }
        var counts = new int[Buckets];
        long[] source = keys;
        long[] target = new long[keys.Length];
        for (int shift = 0; shift < bits; shift += DigitBits)
        {
            Array.Clear(counts);
            foreach (long key in source)
            {
                counts[(int)(key >> shift) & (Buckets - 1)]++;
            }
            if (counts[(int)(source[0] >> shift) & (Buckets - 1)] == source.Length)
            {
                continue; // every key has the same digit here: the pass would not move anything
            }
            int start = 0;
            for (int b = 0; b < Buckets; b++)
            {
                int count = counts[b];
                counts[b] = start;
                start += count;
            }
            foreach (long key in source)
            {
                target[counts[(int)(key >> shift) & (Buckets - 1)]++] = key;
            }
            (source, target) = (target, source);
        }
        if (!ReferenceEquals(source, keys))
        {
            Array.Copy(source, keys, keys.Length);
        }
    }
}
