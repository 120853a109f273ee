namespace GridGovernance.Tests;

public sealed partial class GeoPointTest
{
    [Theory]
    [InlineData(90.1, 0, "latitude")]
    [InlineData(-90.1, 0, "latitude")]
    [InlineData(0, 180.5, "longitude")]
    [InlineData(0, -180.5, "longitude")]
    [InlineData(double.NaN, 0, "latitude")]
    [InlineData(0, double.NaN, "longitude")]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity, "latitude longitude")]
    public void Construction_OutOfRange_IsRefusedNamingTheCoordinate(double latitude, double longitude, string fields)
    {
        var e = Assert.Throws<GridGovernanceValidationException>(() => new GeoPoint(latitude, longitude));

        Assert.Equal(fields, string.Join(" ", e.Problems.Select(p => p.Field)));
        Assert.All(e.Problems, p => Assert.Equal(ErrorCodes.OutOfRange, p.Rule));
    }

    [Fact]
    public void Construction_Bounds_Allowed()
    {
        var corner = new GeoPoint(-90, 180);

        Assert.Equal(-90, corner.Latitude);
        Assert.Equal(180, corner.Longitude);
    }

    [Fact]
    public void DistanceMetresTo_OneDegreeOfLatitude()
    {
        // One degree of a great circle on a 6,371,008.8 m sphere.
        double distance = new GeoPoint(36.0, 117.0).DistanceMetresTo(new GeoPoint(37.0, 117.0));

        Assert.Equal(111_195.08, distance, 0.5);
    }

    [Fact]
    public void DistanceMetresTo_SelfIsZero_AndSymmetric()
    {
        var laiwu = new GeoPoint(36.2135, 117.6756);
        var yibin = new GeoPoint(28.7518, 104.6430);

        Assert.Equal(0, laiwu.DistanceMetresTo(laiwu), 6);
        Assert.Equal(laiwu.DistanceMetresTo(yibin), yibin.DistanceMetresTo(laiwu), 6);
        Assert.InRange(laiwu.DistanceMetresTo(yibin), 1_300_000, 1_600_000);
    }

    [Fact]
    public void DistanceMetresTo_Antipodes_IsHalfTheCircumference()
    {
        double distance = new GeoPoint(0, 0).DistanceMetresTo(new GeoPoint(0, 180));

        Assert.Equal(Math.PI * 6_371_008.8, distance, 1);
    }

    [Fact]
    public void Equality_AndToString()
    {
        Assert.Equal(new GeoPoint(36.2, 117.6), new GeoPoint(36.2, 117.6));
        Assert.NotEqual(new GeoPoint(36.2, 117.6), new GeoPoint(36.2, 117.7));
        Assert.Equal("(36.2, 117.6)", new GeoPoint(36.2, 117.6).ToString());
    }
}
