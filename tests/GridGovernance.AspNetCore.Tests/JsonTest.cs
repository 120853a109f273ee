using System.Text.Json;
using GridGovernance.Organisation;
using GridGovernance.Scoring.Rankings;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.AspNetCore.Tests;

/// <summary>The package's JSON options: NodaTime values as ISO text, enums as kebab-case codes, the library's values as their converters write them.</summary>
public sealed class JsonTest
{
    private static readonly JsonSerializerOptions Options = GridGovernanceJson.CreateOptions();
    private static readonly JsonSerializerOptions Relaxed = new(Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void NodaTimeAndEnums_AreText()
    {
        Assert.Equal("\"2024-06-01\"", JsonSerializer.Serialize(new LocalDate(2024, 6, 1), Options));
        Assert.Equal("\"2024-06-03T01:00:00Z\"", JsonSerializer.Serialize(SampleFactory.Start, Options));
        Assert.Equal("\"grid-worker-report\"", JsonSerializer.Serialize(WorkOrderChannel.GridWorkerReport, Options));
        Assert.Equal(WorkOrderStatus.Reopened, JsonSerializer.Deserialize<WorkOrderStatus>("\"reopened\"", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WorkOrderStatus>("3", Options));
    }

    [Fact]
    public void RosterBatch_RoundTrips()
    {
        var roster = SampleFactory.City.Generated.Roster;
        var json = JsonSerializer.Serialize(roster, Options);
        var back = JsonSerializer.Deserialize<RosterBatch>(json, Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, Options));
        Assert.Equal(roster.Members[0], back.Members[0]);
        Assert.Equal(roster.Units.ToArray(), back.Units.ToArray());
        Assert.Contains("\"kind\":\"grid-branch\"", json);
    }

    [Fact]
    public void PublicOutputs_RoundTrip()
    {
        var entry = new PublicBoardEntry(new WorkOrderId(7), "漏水", WorkOrderChannel.Hotline12345, "第一网格", "西湖春天小区号楼单元", "王*明", "138****1234",
            new LocalDate(2024, 6, 3), WorkOrderStatus.Closed, HandlingLevel.Street, ["market-regulation"], new LocalDate(2024, 6, 4), new LocalDate(2024, 6, 5),
            true, true, 0);
        var json = JsonSerializer.Serialize(entry, Options);
        Assert.Contains("\"order\":7", json);
        Assert.Contains("\"level\":\"street\"", json);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<PublicBoardEntry>(json, Options), Options));

        var row = new PublicRankingRow(2, "张*明", Points.From(12.5m));
        Assert.Equal("{\"rank\":2,\"maskedName\":\"张*明\",\"score\":12.5}", JsonSerializer.Serialize(row, Relaxed));
        Assert.Equal(row, JsonSerializer.Deserialize<PublicRankingRow>(JsonSerializer.Serialize(row, Options), Options));
    }

    [Fact]
    public void ConfigureForGridGovernance_IsIdempotent()
    {
        var options = new JsonSerializerOptions().ConfigureForGridGovernance().ConfigureForGridGovernance();
        Assert.Single(options.Converters, c => c is System.Text.Json.Serialization.JsonStringEnumConverter);
    }
}
