namespace GridGovernance.Tests;

/// <summary>Every arithmetic edge of <see cref="Points"/> is a library exception with a code, never a raw OverflowException (issue 14).</summary>
public sealed partial class PointsTest
{
    [Fact]
    public void UnaryMinus_IsChecked_LikePlusAndMinus()
    {
        Assert.Equal(Points.FromUnits(-long.MaxValue), -Points.FromUnits(long.MaxValue));
        Assert.Equal(Points.FromUnits(long.MaxValue), -Points.FromUnits(-long.MaxValue));
        Assert.Equal(Points.FromUnits(long.MaxValue), -Points.FromUnits(long.MinValue + 1)); // just above the edge
        var e = Assert.Throws<GridGovernanceException>(() => -Points.FromUnits(long.MinValue));
        Assert.Equal(ErrorCodes.ArithmeticOverflow, e.Code);
        Assert.IsType<OverflowException>(e.InnerException);
    }

    [Fact]
    public void PlusAndMinus_AtTheEdges()
    {
        Assert.Equal(Points.FromUnits(long.MaxValue), Points.FromUnits(long.MaxValue - 1) + Points.FromUnits(1));
        Assert.Equal(Points.FromUnits(long.MinValue), Points.FromUnits(long.MinValue + 1) - Points.FromUnits(1));
        Assert.Equal(Points.FromUnits(-1), Points.FromUnits(long.MaxValue) + Points.FromUnits(long.MinValue));
        Assert.Equal(ErrorCodes.ArithmeticOverflow, Assert.Throws<GridGovernanceException>(() => Points.FromUnits(long.MinValue) + Points.FromUnits(-1)).Code);
        Assert.Equal(ErrorCodes.ArithmeticOverflow, Assert.Throws<GridGovernanceException>(() => Points.FromUnits(long.MaxValue) - Points.FromUnits(-1)).Code);
        Assert.Equal(ErrorCodes.ArithmeticOverflow, Assert.Throws<GridGovernanceException>(() => Points.Zero - Points.FromUnits(long.MinValue)).Code);
    }

    [Fact]
    public void Multiply_BeyondTheRange_IsALibraryException()
    {
        Assert.Equal(Points.FromUnits(long.MaxValue - 1), Points.FromUnits((long.MaxValue - 1) / 2).Multiply(2m));
        var e = Assert.Throws<GridGovernanceException>(() => Points.FromUnits(long.MaxValue).Multiply(2m));
        Assert.Equal(ErrorCodes.ArithmeticOverflow, e.Code);
        Assert.IsType<OverflowException>(e.InnerException);
    }
}
