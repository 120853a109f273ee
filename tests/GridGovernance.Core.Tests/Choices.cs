using FsCheck;
using FsCheck.Fluent;

namespace GridGovernance.Tests;

/// <summary>
/// The choices a property makes while it builds its input (which unit moves, where to, which member, how to shuffle),
/// drawn by FsCheck instead of <see cref="Random"/> so that a failure shrinks: to fewer choices (those after the end
/// read as 0) and to choices of 0 (the first option, and no reordering). Read like a <see cref="Random"/>.
/// </summary>
public sealed class Choices
{
    private readonly int[] values;
    private int next;

    /// <summary>The choices, each in [0, int.MaxValue).</summary>
    public Choices(int[] values) => this.values = values;

    /// <summary>A value in [0, int.MaxValue): for shuffling with <c>OrderBy(_ =&gt; choices.Next())</c>.</summary>
    public int Next() => next < values.Length ? values[next++] : 0;

    /// <summary>A value in [0, <paramref name="count"/>), or 0 when it is 0 (as <see cref="Random.Next(int)"/>).</summary>
    public int Next(int count) => count switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(count)),
        0 => 0,
        _ => Next() % count,
    };

    /// <summary>A value in [<paramref name="low"/>, <paramref name="high"/>), or <paramref name="low"/> when they are equal (as <see cref="Random.Next(int, int)"/>).</summary>
    public int Next(int low, int high) => high < low ? throw new ArgumentOutOfRangeException(nameof(high)) : low + Next(high - low);

    /// <summary>A long in [<paramref name="low"/>, <paramref name="high"/>); the range must be below int.MaxValue.</summary>
    public long NextInt64(long low, long high) => low + (Next() % (high - low));

    /// <summary>The choices, read or not.</summary>
    public IReadOnlyList<int> Values => values;

    /// <summary>The choices, for the counterexample.</summary>
    public override string ToString() => $"Choices [{string.Join(", ", values)}]";

    /// <summary>
    /// Choices for FsCheck: <paramref name="count"/> values, shrinking to fewer values, then each value to 0.
    /// </summary>
    /// <param name="count">How many choices (more than the property reads is fine: the rest are never used).</param>
    public static Arbitrary<Choices> Arbitrary(int count = 512) =>
        Arb.From(Gen.ArrayOf(Gen.Choose(0, int.MaxValue - 1), count).Select(v => new Choices(v)), c => Shrink(c.values).Select(v => new Choices(v)));

    private static IEnumerable<int[]> Shrink(int[] values)
    {
        // Trailing zeros read as the end does: dropping them changes nothing but the counterexample's length.
        int used = values.Length;
        while (used > 0 && values[used - 1] == 0)
        {
            used--;
        }
        if (used < values.Length)
        {
            yield return values[..used];
            yield break;
        }
        // Fewer choices: those after the end read as 0.
        for (int length = 0; length < values.Length; length = length == 0 ? 1 : length * 2)
        {
            yield return values[..length];
        }
        // Then each choice to 0, from the first.
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != 0)
            {
                var copy = (int[])values.Clone();
                copy[i] = 0;
                yield return copy;
            }
        }
    }
}

/// <summary>
/// The arbitraries of the properties that took an <c>int seed</c>: <see cref="Choices"/>, and the seeded scenario
/// generators of GridGovernance.Testing (whose mix of valid and invalid input the properties rely on) with the
/// Testing package's shrinkers, so that a failing scenario shrinks by entries, members, projects or units.
/// </summary>
public static class SeededArbitraries
{
    /// <summary>Choices for a property's own picks.</summary>
    public static Arbitrary<Choices> Choices() => Tests.Choices.Arbitrary();

    /// <summary>A value made from a seed by <paramref name="make"/>, shrinking by <paramref name="shrink"/>.</summary>
    public static Arbitrary<T> Seeded<T>(Func<int, T> make, Func<T, IEnumerable<T>> shrink) =>
        Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(make), shrink);

    /// <summary>Shorter lists: empty, the first half, then without each one element (the last twenty).</summary>
    public static IEnumerable<T[]> Fewer<T>(IReadOnlyList<T> items, int atLeast = 0)
    {
        if (items.Count <= atLeast)
        {
            yield break;
        }
        if (atLeast == 0)
        {
            yield return [];
        }
        if (items.Count / 2 >= Math.Max(atLeast, 1) && items.Count > 2)
        {
            yield return [.. items.Take(items.Count / 2)];
        }
        for (int i = Math.Max(0, items.Count - 20); i < items.Count; i++)
        {
            yield return [.. items.Take(i), .. items.Skip(i + 1)];
        }
    }
}
