using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Contacts;
using GridGovernance.Organisation;

namespace GridGovernance.Tests.Contacts;

/// <summary>The GeoJSON of a plan is valid RFC 7946, holds every household once, and draws each link to the plan's member.</summary>
public sealed class ContactPlanGeoJsonProperties
{
    private static JsonElement[] Features(ContactPlan plan, out JsonDocument document)
    {
        document = JsonDocument.Parse(ContactPlanGeoJson.ToJson(plan));
        Assert.Equal("FeatureCollection", document.RootElement.GetProperty("type").GetString());
        return [.. document.RootElement.GetProperty("features").EnumerateArray()];
    }

    private static string Kind(JsonElement feature) => feature.GetProperty("properties").GetProperty("feature").GetString()!;

    private static (double Lon, double Lat) Position(JsonElement position)
    {
        var p = position.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(2, p.Length);
        Assert.InRange(p[0], -180, 180);
        Assert.InRange(p[1], -90, 90);
        return (p[0], p[1]);
    }

    private static double Round(double value) => Math.Round(value, ContactPlanGeoJson.Decimals, MidpointRounding.AwayFromZero);

    /// <summary>Twice the signed area of a closed ring: positive when counterclockwise.</summary>
    private static double SignedArea((double Lon, double Lat)[] ring)
    {
        double sum = 0;
        for (int i = 0; i + 1 < ring.Length; i++)
        {
            sum += (ring[i].Lon * ring[i + 1].Lat) - (ring[i + 1].Lon * ring[i].Lat);
        }
        return sum;
    }

    /// <summary>Every geometry is valid: positions in range, polygons one closed counterclockwise ring of at least four positions.</summary>
    private static void CheckGeometry(JsonElement feature)
    {
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        var geometry = feature.GetProperty("geometry");
        if (geometry.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        var coordinates = geometry.GetProperty("coordinates");
        switch (geometry.GetProperty("type").GetString())
        {
            case "Point":
                Position(coordinates);
                break;
            case "LineString":
                Assert.Equal(2, coordinates.GetArrayLength());
                foreach (var p in coordinates.EnumerateArray())
                {
                    Position(p);
                }
                break;
            case "MultiPoint":
                Assert.InRange(coordinates.GetArrayLength(), 1, 2);
                foreach (var p in coordinates.EnumerateArray())
                {
                    Position(p);
                }
                break;
            case "Polygon":
                Assert.Equal(1, coordinates.GetArrayLength());
                var ring = coordinates[0].EnumerateArray().Select(Position).ToArray();
                Assert.True(ring.Length >= 4, "a linear ring has at least four positions");
                Assert.Equal(ring[0], ring[^1]);
                Assert.True(SignedArea(ring) > 0, "the exterior ring is counterclockwise (RFC 7946 §3.1.6)");
                break;
            default:
                Assert.Fail($"unexpected geometry {geometry.GetProperty("type")}");
                break;
        }
    }

    [Property(MaxTest = 60)]
    public Property EveryFeatureIsValid_EveryHouseholdAndMemberAppearsOnce() => Prop.ForAll(ContactPlanProperties.Cases(), c =>
    {
        var plan = ContactPlanEngine.Plan(c.Scenario.Households, c.Scenario.Members, c.Options);
        var features = Features(plan, out var document);
        using (document)
        {
            foreach (var f in features)
            {
                CheckGeometry(f);
            }
            var households = features.Where(f => Kind(f) == "household").Select(f => f.GetProperty("properties").GetProperty("household").GetInt32()).ToArray();
            Assert.Equal(plan.Households.Select(h => h.Id.Value).Order(), households.Order());
            Assert.Equal(households.Length, households.Distinct().Count());
            var members = features.Where(f => Kind(f) == "member").Select(f => f.GetProperty("properties").GetProperty("member").GetInt32()).ToArray();
            Assert.Equal(plan.Members.Select(m => m.Id.Value).Order(), members.Order());
            var grids = features.Where(f => Kind(f) == "grid").Select(f => f.GetProperty("properties").GetProperty("grid").GetInt32()).ToArray();
            Assert.Equal(plan.Households.Select(h => h.Grid.Value).Concat(plan.Members.Select(m => m.Grid.Value)).Distinct().Order(), grids);
        }
    });

    [Property(MaxTest = 60)]
    public Property Links_JoinAHouseholdToItsPlansMember_UncoveredSayWhy() => Prop.ForAll(ContactPlanProperties.Cases(), c =>
    {
        var plan = ContactPlanEngine.Plan(c.Scenario.Households, c.Scenario.Members, c.Options);
        var byHousehold = plan.Households.ToDictionary(h => h.Id.Value);
        var byMember = plan.Members.ToDictionary(m => m.Id.Value);
        var features = Features(plan, out var document);
        using (document)
        {
            var links = features.Where(f => Kind(f) == "link").ToArray();
            Assert.Equal(plan.CoveredCount, links.Length);
            foreach (var link in links)
            {
                var properties = link.GetProperty("properties");
                int household = properties.GetProperty("household").GetInt32();
                int member = properties.GetProperty("member").GetInt32();
                Assert.Equal(plan.MemberOf(new HouseholdId(household))?.Value, member);
                var line = link.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(Position).ToArray();
                Assert.Equal((Round(byHousehold[household].Location.Longitude), Round(byHousehold[household].Location.Latitude)), line[0]);
                Assert.Equal((Round(byMember[member].Location.Longitude), Round(byMember[member].Location.Latitude)), line[1]);
                Assert.Equal(plan.LinkOf(new HouseholdId(household))!.Value.DistanceMetres, properties.GetProperty("distanceMetres").GetInt32());
            }
            var reasons = plan.Uncovered.ToDictionary(u => u.Household.Value, u => ContactPlanGeoJson.ReasonCode(u.Reason));
            foreach (var h in features.Where(f => Kind(f) == "household"))
            {
                var properties = h.GetProperty("properties");
                int id = properties.GetProperty("household").GetInt32();
                var reason = properties.GetProperty("uncoveredReason");
                if (reasons.TryGetValue(id, out var expected))
                {
                    Assert.Equal(expected, reason.GetString());
                    Assert.Equal(JsonValueKind.Null, properties.GetProperty("member").ValueKind);
                }
                else
                {
                    Assert.Equal(JsonValueKind.Null, reason.ValueKind);
                    Assert.Equal(plan.MemberOf(new HouseholdId(id))!.Value.Value, properties.GetProperty("member").GetInt32());
                }
            }
        }
    });

    [Property(MaxTest = 60)]
    public Property EveryHousehold_LiesInItsGridsShape() => Prop.ForAll(ContactPlanProperties.Cases(), c =>
    {
        var plan = ContactPlanEngine.Plan(c.Scenario.Households, c.Scenario.Members, c.Options);
        var features = Features(plan, out var document);
        using (document)
        {
            var polygons = features.Where(f => Kind(f) == "grid" && f.GetProperty("geometry").ValueKind != JsonValueKind.Null
                    && f.GetProperty("geometry").GetProperty("type").GetString() == "Polygon")
                .ToDictionary(f => f.GetProperty("properties").GetProperty("grid").GetInt32(),
                    f => f.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(Position).ToArray());
            foreach (var h in plan.Households)
            {
                if (!polygons.TryGetValue(h.Grid.Value, out var ring))
                {
                    continue;
                }
                var p = (Round(h.Location.Longitude), Round(h.Location.Latitude));
                for (int i = 0; i + 1 < ring.Length; i++)
                {
                    // Counterclockwise: every point is on the left of (or on) every edge.
                    double cross = ((ring[i + 1].Lon - ring[i].Lon) * (p.Item2 - ring[i].Lat)) - ((ring[i + 1].Lat - ring[i].Lat) * (p.Item1 - ring[i].Lon));
                    Assert.True(cross >= -1e-12, $"{h.Id} lies outside its grid {h.Grid}'s shape");
                }
            }
        }
    });

    [Fact]
    public void ConvexHull_DropsInteriorAndCollinearPoints_Counterclockwise()
    {
        var hull = ContactPlanGeoJson.ConvexHull([(0, 0), (2, 0), (1, 0), (2, 2), (0, 2), (1, 1), (0, 1)]);
        Assert.Equal(new (double, double)[] { (0, 0), (2, 0), (2, 2), (0, 2) }, hull);

        Assert.Equal(new (double, double)[] { (0, 0), (3, 3) }, ContactPlanGeoJson.ConvexHull([(1, 1), (0, 0), (3, 3), (2, 2)]));
        Assert.Equal(new (double, double)[] { (5, 5) }, ContactPlanGeoJson.ConvexHull([(5, 5), (5, 5)]));
        Assert.Empty(ContactPlanGeoJson.ConvexHull([]));
    }

    [Fact]
    public void AGridOfOneHousehold_IsAMultiPoint_AndNothingPersonalIsWritten()
    {
        var grid = new OrgUnitId(1000);
        var community = new OrgUnitId(100);
        var plan = ContactPlanEngine.Plan(
            [new ContactHousehold(new HouseholdId(1), community, grid, new GeoPoint(27.7123456789, 109.2)), new ContactHousehold(new HouseholdId(2), new OrgUnitId(101), new OrgUnitId(1001), new GeoPoint(27.72, 109.21))],
            [new ContactMember(new MemberId(7), community, grid, MemberKind.LongResident, new GeoPoint(27.713, 109.201))]);
        var json = ContactPlanGeoJson.ToJson(plan);

        using var document = JsonDocument.Parse(json);
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToArray();
        var first = features.Single(f => Kind(f) == "grid" && f.GetProperty("properties").GetProperty("grid").GetInt32() == 1000);
        Assert.Equal("MultiPoint", first.GetProperty("geometry").GetProperty("type").GetString()); // a household and a member: a line, no area
        Assert.Contains("109.2,27.712346", json); // [lon, lat], six decimals
        Assert.Equal(["grid", "grid", "household", "household", "member", "link"], features.Select(Kind));
        var lone = features.Single(f => Kind(f) == "household" && f.GetProperty("properties").GetProperty("household").GetInt32() == 2);
        Assert.Equal(ContactPlanGeoJson.ReasonCode(plan.Uncovered.Single().Reason), lone.GetProperty("properties").GetProperty("uncoveredReason").GetString());
    }
}
