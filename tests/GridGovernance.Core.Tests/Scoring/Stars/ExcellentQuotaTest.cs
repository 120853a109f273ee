using GridGovernance.Scoring.Stars;

namespace GridGovernance.Tests.Scoring.Stars;

public sealed class ExcellentQuotaTest
{
    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(2, 0, 2)]
    [InlineData(2, 10, 2)]
    public void PerBranch_IsFixed(int count, int size, int expected)
    {
        var quota = ExcellentQuota.PerBranch(count);

        Assert.Equal(expected, quota.For(size));
        Assert.Equal(count, quota.Count);
        Assert.Null(quota.Share);
    }

    [Theory]
    [InlineData("0.15", 10, 1)]
    [InlineData("0.15", 6, 0)]
    [InlineData("0.15", 20, 3)]
    [InlineData("0.5", 7, 3)]
    [InlineData("1", 7, 7)]
    [InlineData("0", 7, 0)]
    public void ShareOfBranch_RoundsDown(string share, int size, int expected)
    {
        var quota = ExcellentQuota.ShareOfBranch(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, quota.For(size));
        Assert.Null(quota.Count);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Refused.With("count", ErrorCodes.OutOfRange, () => ExcellentQuota.PerBranch(-1));
        Refused.With("share", ErrorCodes.OutOfRange, () => ExcellentQuota.ShareOfBranch(-0.1m));
        Refused.With("share", ErrorCodes.OutOfRange, () => ExcellentQuota.ShareOfBranch(1.01m));
        Refused.With("branchMembers", ErrorCodes.OutOfRange, () => ExcellentQuota.PerBranch(1).For(-1));
    }

    [Fact]
    public void ShareOfBranch_Boundaries_ZeroAndOneInclusive()
    {
        Assert.Equal(0, ExcellentQuota.ShareOfBranch(0m).For(10));
        Assert.Equal(10, ExcellentQuota.ShareOfBranch(1m).For(10));
        Refused.With("share", ErrorCodes.OutOfRange, () => ExcellentQuota.ShareOfBranch(-0.0000001m));
        Refused.With("share", ErrorCodes.OutOfRange, () => ExcellentQuota.ShareOfBranch(1.0000001m));
        Assert.Equal(0, ExcellentQuota.PerBranch(0).For(10));
    }

    [Fact]
    public void ToString_SaysTheRule()
    {
        Assert.Equal("2 per branch", ExcellentQuota.PerBranch(2).ToString());
        Assert.Equal("0.15 of each branch", ExcellentQuota.ShareOfBranch(0.15m).ToString());
    }
}
