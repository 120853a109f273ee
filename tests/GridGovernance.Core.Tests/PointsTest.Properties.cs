using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace GridGovernance.Tests;

public sealed partial class PointsTest
{
    [Property(Arbitrary = [typeof(PointsGenerators)])]
    public bool Addition_IsAssociative(Points a, Points b, Points c) => (a + b) + c == a + (b + c);

    [Property(Arbitrary = [typeof(PointsGenerators)])]
    public bool Addition_IsCommutative(Points a, Points b) => a + b == b + a;

    [Property(Arbitrary = [typeof(PointsGenerators)])]
    public bool Addition_IsExactAgainstDecimal(Points a, Points b) => (a + b).ToDecimal() == a.ToDecimal() + b.ToDecimal();

    [Property(Arbitrary = [typeof(PointsGenerators)])]
    public bool Sum_OfMany_IsExactAgainstDecimal(Points[] values) =>
        values.Aggregate(Points.Zero, (sum, p) => sum + p).ToDecimal() == values.Sum(p => p.ToDecimal());

    [Property(Arbitrary = [typeof(PointsGenerators)])]
    public bool Subtraction_UndoesAddition(Points a, Points b) => (a + b) - b == a && a - a == Points.Zero && a + -a == Points.Zero;

    [Property(Arbitrary = [typeof(PointsGenerators)])]
    public bool ToStringParseAndToDecimalFrom_RoundTrip(Points a) => Points.Parse(a.ToString()) == a && Points.From(a.ToDecimal()) == a;

    [Property(Arbitrary = [typeof(PointsGenerators)])]
    public bool Comparison_AgreesWithDecimal(Points a, Points b) =>
        Math.Sign(a.CompareTo(b)) == Math.Sign(a.ToDecimal().CompareTo(b.ToDecimal())) && (a < b) == (a.ToDecimal() < b.ToDecimal()) && (a == b) == (a.ToDecimal() == b.ToDecimal());

    [Property(Arbitrary = [typeof(PointsGenerators)])]
    public bool Multiply_IsDecimalProductRoundedHalfAwayFromZero(Points a, short thousandths)
    {
        decimal factor = thousandths / 1000m;
        return a.Multiply(factor).ToDecimal() == decimal.Round(a.ToDecimal() * factor, 4, MidpointRounding.AwayFromZero);
    }

    public static class PointsGenerators
    {
        /// <summary>Amounts up to ±1,000,000 points with any four decimals, plus the amounts real sheets use.</summary>
        public static Arbitrary<Points> Amount() =>
            Gen.Frequency(
                    (1, Gen.Elements(0L, 1L, -1L, 5_000L, -5_000L, 12_500L, 200_000L, -200_000L)),
                    (4, Gen.Choose(-1_000_000, 1_000_000).Zip(Gen.Choose(-9_999, 9_999), (whole, fraction) => whole * Points.UnitsPerPoint + fraction)))
                .Select(Points.FromUnits)
                .ToArbitrary();
    }
}
