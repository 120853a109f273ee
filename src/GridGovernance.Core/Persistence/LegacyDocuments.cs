using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

namespace GridGovernance.Persistence;

/// <summary>
/// The upgrade from version 0, the documents the library wrote before 0.4 (each aggregate's private fields, by the
/// name of the property they back). Those documents already use the forms' names; what differs is how three kinds of
/// value were written: <see cref="Points"/> as a whole number of ten-thousandths (<c>12500</c>, now <c>1.25</c>), a
/// <see cref="GeoPoint"/> as its fields (<c>{"known":true,"Latitude":…,"Longitude":…}</c>, now <c>{"lat":…,"lon":…}</c>
/// or <c>null</c>), and an assessment period's days as a pair (<c>"Days":["2024-01-01","2024-12-31"]</c>, now
/// <c>"Start"</c> and <c>"End"</c>). The step walks the form's type (never the aggregate's fields) and rewrites those.
/// </summary>
internal static class LegacyDocuments
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static StoredFormUpgrade Step<TForm>(Action<JsonObject>? then = null) => new(0, document =>
    {
        var converted = (JsonObject)Convert(typeof(TForm), document)!;
        then?.Invoke(converted);
        return converted;
    });

    /// <summary>
    /// A history kept in a private field that older documents may lack (null: the value never changed): renamed to the
    /// form's name, and when null, one open segment of <paramref name="current"/> from the day <paramref name="start"/> begins.
    /// </summary>
    public static Action<JsonObject> History(string field, string name, Func<JsonObject, JsonNode?> current, string start) => document =>
    {
        document.Remove(field, out var history);
        if (history is null)
        {
            var from = document[start] is JsonArray segments && segments.Count > 0 ? segments[0]?["From"]?.DeepClone() : null;
            history = new JsonArray(new JsonObject { ["Value"] = current(document), ["From"] = from, ["Until"] = null });
        }
        document[name] = history;
    };

    private static JsonNode? Convert(Type type, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(Points))
        {
            return node is JsonValue units && units.TryGetValue(out long value)
                ? JsonValue.Create(decimal.Parse(Points.FromUnits(value).ToString(), CultureInfo.InvariantCulture))
                : node;
        }
        if (type == typeof(GeoPoint))
        {
            if (node is not JsonObject point || !point.ContainsKey("Latitude"))
            {
                return node;
            }
            return point["known"] is JsonValue known && known.TryGetValue(out bool isKnown) && !isKnown
                ? null
                : new JsonObject { ["lat"] = point["Latitude"]?.DeepClone(), ["lon"] = point["Longitude"]?.DeepClone() };
        }
        if (type == typeof(AssessmentPeriodStoredForm) && node is JsonObject period && period["Days"] is JsonArray days && days.Count == 2)
        {
            return new JsonObject
            {
                ["Kind"] = period["Kind"]?.DeepClone(),
                ["Start"] = days[0]?.DeepClone(),
                ["End"] = days[1]?.DeepClone(),
                ["Label"] = period["Label"]?.DeepClone(),
            };
        }
        if (type.IsGenericType && node is JsonArray array
            && (type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) || type.GetGenericTypeDefinition() == typeof(ImmutableList<>)))
        {
            var element = type.GetGenericArguments()[0];
            for (int i = 0; i < array.Count; i++)
            {
                var converted = Convert(element, array[i]);
                if (!ReferenceEquals(converted, array[i]))
                {
                    array[i] = converted?.DeepClone();
                }
            }
            return array;
        }
        if (node is JsonObject obj && IsComposite(type))
        {
            foreach (var property in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public)))
            {
                if (obj.TryGetPropertyValue(property.Name, out var child) && child is not null)
                {
                    var converted = Convert(property.PropertyType, child);
                    if (!ReferenceEquals(converted, child))
                    {
                        obj[property.Name] = converted?.DeepClone();
                    }
                }
            }
            return obj;
        }
        return node;
    }

    // A record or struct of the library's (or a form) whose values may need converting; not one with its own JSON converter.
    private static bool IsComposite(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("GridGovernance", StringComparison.Ordinal) && !type.IsEnum && !type.IsPrimitive
        && type.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>() is null
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Segment<>));
}
