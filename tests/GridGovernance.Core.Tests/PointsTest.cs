using System.Globalization;

namespace GridGovernance.Tests;

public sealed partial class PointsTest
{
    [Theory]
    [InlineData("1.25", 12_500L)]
    [InlineData("-0.5", -5_000L)]
    [InlineData("20", 200_000L)]
    [InlineData("0.0001", 1L)]
    [InlineData("0.625", 6_250L)]
    [InlineData("0", 0L)]
    public void From_Decimal_HoldsWholeTenThousandths(string text, long units)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);

        Assert.Equal(units, Points.From(value).Units);
        Assert.Equal(value, Points.From(value).ToDecimal());
    }

    [Theory]
    [InlineData("0.00001")]
    [InlineData("1.23456")]
    [InlineData("-0.00005")]
    public void From_FiveDecimalPlaces_Throws(string text)
    {
        Refused.With("value", ErrorCodes.InvalidValue, () => Points.From(decimal.Parse(text, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void From_TrailingZerosBeyondFourPlaces_AreNotExtraPrecision()
    {
        Assert.Equal(Points.From(1.25m), Points.From(1.250000m));
    }

    [Fact]
    public void From_TooLarge_Throws()
    {
        Assert.Throws<GridGovernanceValidationException>(() => Points.From(1_000_000_000_000_000m));
    }

    [Fact]
    public void From_Int_IsWholePoints()
    {
        Assert.Equal(30_000L, Points.From(3).Units);
        Assert.Equal(Points.From(3m), Points.From(3));
        Assert.Equal(Points.From(-20m), Points.From(-20));
    }

    [Fact]
    public void FromUnits_IsTenThousandths()
    {
        Assert.Equal(Points.From(0.0003m), Points.FromUnits(3));
    }

    [Fact]
    public void Addition_IsExactWhereBinaryFloatingPointIsNot()
    {
        Assert.Equal(Points.From(0.3m), Points.From(0.1m) + Points.From(0.2m));
        var sum = Enumerable.Repeat(Points.From(0.0001m), 10_000).Aggregate(Points.Zero, (a, b) => a + b);
        Assert.Equal(Points.From(1), sum);
        Assert.Equal(Points.From(15), Enumerable.Repeat(Points.From(1.25m), 12).Aggregate(Points.Zero, (a, b) => a + b));
    }

    [Fact]
    public void SubtractionAndNegation_AreExact()
    {
        Assert.Equal(Points.From(-0.75m), Points.From(0.5m) - Points.From(1.25m));
        Assert.Equal(Points.From(-1.25m), -Points.From(1.25m));
        Assert.Equal(Points.Zero, -Points.Zero);
    }

    [Fact]
    public void Addition_Overflow_ThrowsRatherThanWrapping()
    {
        var sum = Assert.Throws<GridGovernanceException>(() => Points.FromUnits(long.MaxValue) + Points.FromUnits(1));
        var difference = Assert.Throws<GridGovernanceException>(() => Points.FromUnits(long.MinValue) - Points.FromUnits(1));
        Assert.Equal((ErrorCodes.ArithmeticOverflow, ErrorCodes.ArithmeticOverflow), (sum.Code, difference.Code));
        Assert.IsType<OverflowException>(sum.InnerException);
    }

    [Theory]
    [InlineData("1.25", "1.4", "1.75")]
    [InlineData("0.0001", "0.5", "0.0001")]
    [InlineData("-0.0001", "0.5", "-0.0001")]
    [InlineData("0.0003", "0.5", "0.0002")]
    [InlineData("-0.0003", "0.5", "-0.0002")]
    [InlineData("0.0002", "0.5", "0.0001")]
    [InlineData("10", "0", "0")]
    [InlineData("2.5", "-1", "-2.5")]
    [InlineData("1.0001", "1.2", "1.2001")]
    [InlineData("7", "1", "7")]
    public void Multiply_RoundsHalfAwayFromZeroToFourPlaces(string points, string factor, string expected)
    {
        var result = Points.Parse(points).Multiply(decimal.Parse(factor, CultureInfo.InvariantCulture));

        Assert.Equal(Points.Parse(expected), result);
    }

    [Theory]
    [InlineData("1.25")]
    [InlineData("-0.5")]
    [InlineData("20")]
    [InlineData("0")]
    [InlineData("0.0001")]
    [InlineData("-1234.5678")]
    public void ToString_Parse_RoundTrip(string text)
    {
        Assert.Equal(text, Points.Parse(text).ToString());
    }

    [Fact]
    public void ToString_HasNoTrailingZeros()
    {
        Assert.Equal("1.5", Points.From(1.50m).ToString());
        Assert.Equal("20", Points.From(20.000m).ToString());
        Assert.Equal("-20", Points.From(-20).ToString());
    }

    [Fact]
    public void ToStringAndParse_IgnoreTheCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1.25", Points.From(1.25m).ToString());
            Assert.Equal(Points.From(1.25m), Points.Parse("1.25"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Parse_NotANumber_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => Points.Parse("one"));
        Assert.Throws<FormatException>(() => Points.Parse(""));
    }

    [Fact]
    public void Parse_FiveDecimalPlaces_IsRefused()
    {
        Assert.Throws<GridGovernanceValidationException>(() => Points.Parse("0.00001"));
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Points.Parse(null!));
    }

    [Fact]
    public void Comparison_OrdersByAmount()
    {
        Points low = Points.From(-0.5m), mid = Points.From(1.25m), high = Points.From(20);

        Assert.True(low < mid && mid < high && high > low);
        Assert.True(low <= Points.From(-0.5m) && low >= Points.From(-0.5m) && mid <= high && high >= mid);
        Assert.False(mid < low);
        Assert.Equal(-1, low.CompareTo(mid));
        Assert.Equal(0, mid.CompareTo(Points.From(1.25m)));
        Assert.Equal(1, high.CompareTo(mid));
        Assert.Equal([low, mid, high], new[] { high, low, mid }.Order());
        Assert.Equal(low, Points.Min(low, high));
        Assert.Equal(high, Points.Max(low, high));
    }

    [Fact]
    public void NonGenericCompareTo_HandlesNullAndRefusesOtherTypes()
    {
        IComparable one = Points.From(1);

        Assert.Equal(1, one.CompareTo(null));
        Assert.Equal(0, one.CompareTo(Points.From(1)));
        Assert.Throws<ArgumentException>(() => one.CompareTo(1m));
    }

    [Fact]
    public void Equality_IsByAmount()
    {
        var a = Points.From(1.25m);
        var b = Points.Parse("1.2500");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)1.25m));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Points.From(1.2501m));
    }

    [Fact]
    public void Signs()
    {
        Assert.True(Points.From(0.0001m).IsPositive);
        Assert.False(Points.From(0.0001m).IsNegative);
        Assert.True(Points.From(-0.0001m).IsNegative);
        Assert.False(Points.Zero.IsPositive || Points.Zero.IsNegative);
        Assert.Equal(default, Points.Zero);
    }
}
