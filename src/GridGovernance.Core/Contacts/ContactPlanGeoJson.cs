using System.Buffers;
using System.Text;
using System.Text.Json;

namespace GridGovernance.Contacts;

/// <summary>
/// Writes a contact plan (党员联系户, 就近就便) as GeoJSON (RFC 7946), the format GIS tools and web maps read: each grid
/// as the convex hull of its households and members, each household and member as a point, each link as a line from the
/// household to its member. Features carry ids and figures only (grid, community, member, distance, why a household is
/// uncovered), never a name, phone or address.
/// </summary>
/// <remarks>
/// <para>
/// Positions are [longitude, latitude] in WGS 84, rounded to <see cref="Decimals"/> places (about 0.1 m), as RFC 7946
/// asks. A grid's polygon is one exterior ring, closed (its last position is its first) and counterclockwise (the
/// right-hand rule of RFC 7946 §3.1.6); a grid whose points do not span an area (one point, or all on a line) is a
/// <c>MultiPoint</c> of its distinct points. A household or member whose location is unknown has a <c>null</c> geometry.
/// Hulls do not cross the antimeridian (±180°), which no Chinese city does.
/// </para>
/// <para>
/// Features come in a fixed order: grids by id, then households by id, members by id and links by household id, so the
/// same plan always gives the same text. Each feature's <c>properties.feature</c> says what it is: <c>grid</c>,
/// <c>household</c>, <c>member</c> or <c>link</c>.
/// </para>
/// </remarks>
[Immutable]
public static class ContactPlanGeoJson
{
    /// <summary>Decimal places of every coordinate (RFC 7946 §11.2: six are about 10 cm).</summary>
    public const int Decimals = 6;

    /// <summary>The plan as a GeoJSON <c>FeatureCollection</c>, as UTF-8 text.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="indented">Whether to indent the text.</param>
    /// <returns>The GeoJSON text.</returns>
    public static string ToJson(ContactPlan plan, bool indented = false)
    {
        Preconditions.CheckNotNull(plan);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(plan, writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the plan as a GeoJSON <c>FeatureCollection</c>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(ContactPlan plan, Utf8JsonWriter writer)
    {
        Preconditions.CheckNotNull(plan);
        Preconditions.CheckNotNull(writer);
        var households = plan.Households.OrderBy(h => h.Id.Value).ToArray();
        var members = plan.Members.OrderBy(m => m.Id.Value).ToArray();
        var memberById = members.ToDictionary(m => m.Id);
        var uncovered = plan.Uncovered.ToDictionary(u => u.Household, u => u.Reason);
        var links = plan.Links.ToDictionary(l => l.Household);

        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        foreach (var grid in Grids(households, members))
        {
            WriteGrid(writer, grid, links);
        }
        foreach (var h in households)
        {
            StartFeature(writer, h.Id.ToString());
            WritePointGeometry(writer, h.Location);
            writer.WriteStartObject("properties");
            writer.WriteString("feature", "household");
            writer.WriteNumber("household", h.Id.Value);
            writer.WriteNumber("grid", h.Grid.Value);
            writer.WriteNumber("community", h.Community.Value);
            if (links.TryGetValue(h.Id, out var link))
            {
                writer.WriteNumber("member", link.Member.Value);
                writer.WriteNumber("distanceMetres", link.DistanceMetres);
                writer.WriteBoolean("crossGrid", link.CrossGrid);
                writer.WriteNull("uncoveredReason");
            }
            else
            {
                writer.WriteNull("member");
                writer.WriteNull("distanceMetres");
                writer.WriteBoolean("crossGrid", false);
                writer.WriteString("uncoveredReason", uncovered.TryGetValue(h.Id, out var reason) ? ReasonCode(reason) : ReasonCode(UncoveredReason.NoMemberAvailable));
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        foreach (var m in members)
        {
            StartFeature(writer, m.Id.ToString());
            WritePointGeometry(writer, m.Location);
            writer.WriteStartObject("properties");
            writer.WriteString("feature", "member");
            writer.WriteNumber("member", m.Id.Value);
            writer.WriteNumber("grid", m.Grid.Value);
            writer.WriteNumber("community", m.Community.Value);
            writer.WriteNumber("households", plan.LoadOf(m.Id));
            writer.WriteNumber("capacity", plan.Options.CapacityOf(m.Kind));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        foreach (var h in households)
        {
            if (!links.TryGetValue(h.Id, out var link) || !memberById.TryGetValue(link.Member, out var member))
            {
                continue;
            }
            StartFeature(writer, $"link:{h.Id.Value}");
            if (h.Location.IsKnown && member.Location.IsKnown)
            {
                writer.WriteStartObject("geometry");
                writer.WriteString("type", "LineString");
                writer.WriteStartArray("coordinates");
                WritePosition(writer, h.Location.Longitude, h.Location.Latitude);
                WritePosition(writer, member.Location.Longitude, member.Location.Latitude);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("geometry");
            }
            writer.WriteStartObject("properties");
            writer.WriteString("feature", "link");
            writer.WriteNumber("household", h.Id.Value);
            writer.WriteNumber("member", link.Member.Value);
            writer.WriteNumber("grid", h.Grid.Value);
            writer.WriteNumber("distanceMetres", link.DistanceMetres);
            writer.WriteBoolean("crossGrid", link.CrossGrid);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The code of an uncovered reason in the GeoJSON properties: <c>no-member-available</c>, <c>all-members-full</c>, <c>contact-left</c>.</summary>
    /// <param name="reason">The reason.</param>
    public static string ReasonCode(UncoveredReason reason) => reason switch
    {
        UncoveredReason.NoMemberAvailable => "no-member-available",
        UncoveredReason.AllMembersFull => "all-members-full",
        UncoveredReason.ContactLeft => "contact-left",
        _ => "unknown",
    };

    private sealed record GridPoints(OrgUnitId Grid, OrgUnitId Community, int Households, List<(double X, double Y)> Points);

    private static IEnumerable<GridPoints> Grids(ContactHousehold[] households, ContactMember[] members)
    {
        var grids = new SortedDictionary<int, GridPoints>();
        GridPoints Of(OrgUnitId grid, OrgUnitId community)
        {
            if (!grids.TryGetValue(grid.Value, out var g))
            {
                grids[grid.Value] = g = new GridPoints(grid, community, 0, []);
            }
            return g;
        }
        foreach (var h in households)
        {
            var g = Of(h.Grid, h.Community);
            grids[h.Grid.Value] = g = g with { Households = g.Households + 1 };
            if (h.Location.IsKnown)
            {
                g.Points.Add((Round(h.Location.Longitude), Round(h.Location.Latitude)));
            }
        }
        foreach (var m in members)
        {
            if (m.Location.IsKnown)
            {
                Of(m.Grid, m.Community).Points.Add((Round(m.Location.Longitude), Round(m.Location.Latitude)));
            }
        }
        return grids.Values;
    }

    private static void WriteGrid(Utf8JsonWriter writer, GridPoints grid, Dictionary<HouseholdId, ContactLink> links)
    {
        StartFeature(writer, grid.Grid.ToString());
        var hull = ConvexHull(grid.Points);
        if (hull.Count >= 3)
        {
            writer.WriteStartObject("geometry");
            writer.WriteString("type", "Polygon");
            writer.WriteStartArray("coordinates");
            writer.WriteStartArray();
            foreach (var (x, y) in hull)
            {
                WritePosition(writer, x, y);
            }
            WritePosition(writer, hull[0].X, hull[0].Y); // closed: the last position is the first
            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else if (hull.Count > 0)
        {
            writer.WriteStartObject("geometry");
            writer.WriteString("type", "MultiPoint");
            writer.WriteStartArray("coordinates");
            foreach (var (x, y) in hull)
            {
                WritePosition(writer, x, y);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("geometry");
        }
        writer.WriteStartObject("properties");
        writer.WriteString("feature", "grid");
        writer.WriteNumber("grid", grid.Grid.Value);
        writer.WriteNumber("community", grid.Community.Value);
        writer.WriteNumber("households", grid.Households);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Andrew's monotone chain: the hull's vertices counterclockwise from the lowest-leftmost point, without collinear
    /// points; fewer than three when the points span no area (then the distinct extreme points).
    /// </summary>
    internal static List<(double X, double Y)> ConvexHull(List<(double X, double Y)> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        if (sorted.Length < 3)
        {
            return [.. sorted];
        }
        var hull = new (double X, double Y)[2 * sorted.Length];
        int k = 0;
        foreach (var p in sorted)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }
            hull[k++] = p;
        }
        for (int i = sorted.Length - 2, lower = k + 1; i >= 0; i--)
        {
            var p = sorted[i];
            while (k >= lower && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }
            hull[k++] = p;
        }
        var result = hull.AsSpan(0, k - 1).ToArray().ToList(); // the last point repeats the first
        // All points on a line: the chain comes back along itself; keep the two ends.
        return result.Count >= 3 ? result : [sorted[0], sorted[^1]];
    }

    private static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
        ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));

    /// <summary>Opens a feature object and writes its type and id; the caller writes its geometry and properties and closes it.</summary>
    private static void StartFeature(Utf8JsonWriter writer, string id)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteString("id", id);
    }

    private static double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    private static void WritePointGeometry(Utf8JsonWriter writer, GeoPoint location)
    {
        if (!location.IsKnown)
        {
            writer.WriteNull("geometry");
            return;
        }
        writer.WriteStartObject("geometry");
        writer.WriteString("type", "Point");
        writer.WritePropertyName("coordinates");
        WritePosition(writer, location.Longitude, location.Latitude);
        writer.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter writer, double longitude, double latitude)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(Round(longitude));
        writer.WriteNumberValue(Round(latitude));
        writer.WriteEndArray();
    }
}
