using FsCheck;
using FsCheck.Fluent;

namespace GridGovernance.Testing;

/// <summary>
/// Draws values from an FsCheck generator deterministically: the same generator, seed, size and count give the same
/// values. For unit tests, benchmarks and examples that want generated data without a property.
/// </summary>
public static class Samples
{
    /// <summary>Draws <paramref name="count"/> values of <paramref name="gen"/> at <paramref name="size"/> from <paramref name="seed"/>.</summary>
    /// <typeparam name="T">The values' type.</typeparam>
    /// <param name="gen">The generator, e.g. <see cref="RuleBookArbitraries.RuleBookGen"/>.</param>
    /// <param name="count">How many values.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="size">FsCheck's size (how big collections grow); 30 by default.</param>
    public static T[] Draw<T>(Gen<T> gen, int count, int seed = 1, int size = 30)
    {
        ArgumentNullException.ThrowIfNull(gen);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return count == 0 ? [] : gen.Sample(count, new Rnd(unchecked((ulong)seed)), size);
    }
}
