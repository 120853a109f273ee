using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring.Rankings;

namespace GridGovernance.Tests.Scoring.Rankings;

public sealed class RadixSortTest
{
    [Property(MaxTest = 60)]
    public bool Sort_AgreesWithArraySort(PositiveInt seed, byte bitsSeed, ushort lengthSeed)
    {
        int bits = 1 + bitsSeed % 63;
        int length = lengthSeed % 3000;
        var random = new Random(seed.Get);
        long limit = bits == 63 ? long.MaxValue : 1L << bits;
        var keys = new long[length];
        for (int i = 0; i < length; i++)
        {
            keys[i] = random.NextInt64(0, limit);
        }
        var expected = (long[])keys.Clone();
        Array.Sort(expected);

        RadixSort.Sort(keys, bits);

        return keys.AsSpan().SequenceEqual(expected);
    }

    [Fact]
    public void Sort_ManyEqualDigits_SkipsPassesAndStillSorts()
    {
        var keys = Enumerable.Range(0, 2000).Select(i => (long)(2000 - i) << 40).ToArray();

        RadixSort.Sort(keys, 52);

        Assert.Equal(keys.Order(), keys);
    }
}
