using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace GridGovernance.AspNetCore;

/// <summary>
/// System.Text.Json settings for an app over GridGovernance.Core. The library's own values (ids, <see cref="Points"/>,
/// <see cref="GeoPoint"/>, kinds, roles, capabilities, actors) carry their converters and need nothing here; what this
/// adds is NodaTime's converters (<c>LocalDate</c> as <c>"2024-06-01"</c>, <c>Instant</c> as
/// <c>"2024-06-01T08:00:00Z"</c>, <c>Duration</c>, time zones from TZDB) and enums as kebab-case strings
/// (<c>WorkOrderStatus.InProgress</c> is <c>"in-progress"</c>), as the kinds' codes are.
/// </summary>
public static class GridGovernanceJson
{
    /// <summary>Adds NodaTime's converters (TZDB) and kebab-case enum strings to <paramref name="options"/>.</summary>
    /// <param name="options">The options to change, e.g. ASP.NET Core's <c>JsonOptions.SerializerOptions</c>.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The options are read-only (already used to serialize).</exception>
    public static JsonSerializerOptions ConfigureForGridGovernance(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        }
        return options;
    }

    /// <summary>New web-default options (camelCase names) configured by <see cref="ConfigureForGridGovernance"/>.</summary>
    /// <returns>The options.</returns>
    public static JsonSerializerOptions CreateOptions() => new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForGridGovernance();
}
