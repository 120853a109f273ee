using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring.Rankings;

namespace GridGovernance.Tests.Scoring.Rankings;

public sealed class RadixSortTest
{
    /// <summary>A key width of 1–63 bits and up to 2,999 keys below 2^bits; shrinks by dropping keys.</summary>
    private static Arbitrary<(int Bits, long[] Keys)> Inputs() => Arb.From(
        from bits in Gen.Choose(1, 63)
        from length in Gen.Choose(0, 2999)
        from keys in Gen.ArrayOf(KeyGen(bits), length)
        select (Bits: bits, Keys: keys),
        input => SeededArbitraries.Fewer(input.Keys).Select(keys => (input.Bits, keys)));

    /// <summary>Uniform keys in [0, 2^bits): 63 random bits, masked.</summary>
    private static Gen<long> KeyGen(int bits) =>
        from high in Gen.Choose(0, 1)
        from middle in Gen.Choose(0, int.MaxValue)
        from low in Gen.Choose(0, int.MaxValue)
        select ((high * (1L << 62)) + (middle * (1L << 31)) + low) & (bits == 63 ? long.MaxValue : (1L << bits) - 1);

    [Property(MaxTest = 60)]
    public Property Sort_AgreesWithArraySort() => Prop.ForAll(Inputs(), input =>
    {
        var (bits, keys) = (input.Bits, (long[])input.Keys.Clone());
        var expected = (long[])keys.Clone();
        Array.Sort(expected);

        RadixSort.Sort(keys, bits);

        return keys.AsSpan().SequenceEqual(expected);
    });

    [Fact]
    public void Sort_ManyEqualDigits_SkipsPassesAndStillSorts()
    {
        var keys = Enumerable.Range(0, 2000).Select(i => (long)(2000 - i) << 40).ToArray();

        RadixSort.Sort(keys, 52);

        Assert.Equal(keys.Order(), keys);
    }
}
