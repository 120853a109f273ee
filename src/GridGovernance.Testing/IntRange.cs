namespace GridGovernance.Testing;

/// <summary>A range of whole numbers, both ends included.</summary>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
public readonly record struct IntRange(int Min, int Max)
{
    internal int Draw(Random random) => Min >= Max ? Min : random.Next(Min, Max + 1);

    internal double Mean => (Min + Max) / 2.0;
}
