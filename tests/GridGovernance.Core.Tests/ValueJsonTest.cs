using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace GridGovernance.Tests;

/// <summary>Points and GeoPoint in JSON with default System.Text.Json options (issue 16).</summary>
public sealed class ValueJsonTest
{
    private sealed record Holder(Points Score, GeoPoint Location, GeoPoint? Optional);

    [Theory]
    [InlineData("1.25", 12_500L)]
    [InlineData("-20", -200_000L)]
    [InlineData("0", 0L)]
    [InlineData("0.0001", 1L)]
    [InlineData("\"1.25\"", 12_500L)]
    [InlineData("\"-0.5\"", -5_000L)]
    [InlineData("1.2500", 12_500L)]
    public void Points_ReadExactly(string json, long units) =>
        Assert.Equal(Points.FromUnits(units), JsonSerializer.Deserialize<Points>(json));

    [Theory]
    [InlineData("1.00001")]        // five places
    [InlineData("1e2")]            // exponent: never through a double
    [InlineData("\"1,5\"")]        // a separator, not 15
    [InlineData("\" 1\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{\"units\":12500}")]
    [InlineData("99999999999999999999999999")]
    public void Points_RefuseWhatIsNotAnExactAmount(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Points>(json));

    [Fact]
    public void Points_WriteAsAPlainNumber()
    {
        Assert.Equal("1.25", JsonSerializer.Serialize(Points.From(1.25m)));
        Assert.Equal("-20", JsonSerializer.Serialize(Points.From(-20)));
        Assert.Equal("0.0001", JsonSerializer.Serialize(Points.FromUnits(1)));
        Assert.Equal("{\"score\":0.625}", JsonSerializer.Serialize(new { score = Points.From(0.625m) }));
    }

    [Property(MaxTest = 300)]
    public bool Points_RoundTrip(long units)
    {
        // Within the range Points.From accepts (half the long range).
        var value = Points.FromUnits(units / 4);
        return JsonSerializer.Deserialize<Points>(JsonSerializer.Serialize(value)) == value;
    }

    [Fact]
    public void GeoPoint_IsLatLon_AndUnknownIsNull()
    {
        var p = new GeoPoint(31.2304, 121.4737);
        Assert.Equal("{\"lat\":31.2304,\"lon\":121.4737}", JsonSerializer.Serialize(p));
        Assert.Equal(p, JsonSerializer.Deserialize<GeoPoint>("{\"lon\":121.4737,\"lat\":31.2304}"));
        Assert.Equal("null", JsonSerializer.Serialize(GeoPoint.Unknown));
        Assert.Equal(GeoPoint.Unknown, JsonSerializer.Deserialize<GeoPoint>("null"));
        // (0, 0) made by the constructor is a real place and stays one.
        var origin = new GeoPoint(0, 0);
        Assert.True(JsonSerializer.Deserialize<GeoPoint>(JsonSerializer.Serialize(origin)).IsKnown);
    }

    [Fact]
    public void GeoPoint_InARecord_RoundTrips_WithDefaultOptions()
    {
        var holder = new Holder(Points.From(12.5m), new GeoPoint(22.5, 113.9), null);
        var json = JsonSerializer.Serialize(holder);
        Assert.Equal("{\"Score\":12.5,\"Location\":{\"lat\":22.5,\"lon\":113.9},\"Optional\":null}", json);
        Assert.Equal(holder, JsonSerializer.Deserialize<Holder>(json));
    }

    [Theory]
    [InlineData("{\"lat\":91,\"lon\":0}")]
    [InlineData("{\"lat\":0,\"lon\":-180.5}")]
    [InlineData("{\"lat\":0}")]
    [InlineData("{\"lon\":0}")]
    [InlineData("{\"lat\":0,\"lon\":0,\"alt\":3}")]
    [InlineData("{\"lat\":0,\"lat\":1,\"lon\":0}")]
    [InlineData("{\"lat\":\"0\",\"lon\":0}")]
    [InlineData("{\"Latitude\":0,\"Longitude\":0}")]
    [InlineData("[121.4,31.2]")]
    [InlineData("\"(31.2, 121.4)\"")]
    public void GeoPoint_RefusesOtherShapes(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<GeoPoint>(json));

    [Property(MaxTest = 300)]
    public Property GeoPoint_RoundTrips() =>
        Prop.ForAll(
            Gen.Choose(-90_000_000, 90_000_000).Zip(Gen.Choose(-180_000_000, 180_000_000)).ToArbitrary(),
            t =>
            {
                var p = new GeoPoint(t.Item1 / 1e6, t.Item2 / 1e6);
                return JsonSerializer.Deserialize<GeoPoint>(JsonSerializer.Serialize(p)) == p;
            });
}
