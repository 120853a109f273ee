namespace GridGovernance.Tests;

/// <summary><c>default(GeoPoint)</c> is the unknown location, never the point (0, 0) (issue 14).</summary>
public sealed partial class GeoPointTest
{
    [Fact]
    public void Default_IsUnknown_AndNotTheOrigin()
    {
        Assert.False(default(GeoPoint).IsKnown);
        Assert.Equal(GeoPoint.Unknown, default);
        Assert.True(new GeoPoint(0, 0).IsKnown);
        Assert.NotEqual(GeoPoint.Unknown, new GeoPoint(0, 0));
        Assert.Equal(new GeoPoint(0, 0), new GeoPoint(0, 0));
        Assert.Equal("(unknown)", GeoPoint.Unknown.ToString());
    }

    [Fact]
    public void Distance_ToOrFromTheUnknown_IsRefusedWithACode()
    {
        var e = Assert.Throws<GridGovernanceException>(() => GeoPoint.Unknown.DistanceMetresTo(new GeoPoint(1, 1)));
        Assert.Equal(ErrorCodes.LocationRequired, e.Code);
        Assert.Equal(ErrorCodes.LocationRequired, Assert.Throws<GridGovernanceException>(() => new GeoPoint(1, 1).DistanceMetresTo(default)).Code);
    }

    [Fact]
    public void Distance_AcrossTheAntimeridian_IsShort()
    {
        double d = new GeoPoint(0, 179.999).DistanceMetresTo(new GeoPoint(0, -179.999));
        Assert.InRange(d, 221, 223);
    }
}
