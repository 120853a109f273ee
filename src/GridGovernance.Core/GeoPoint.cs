using System.Globalization;

namespace GridGovernance;

/// <summary>
/// A WGS-84 position (latitude, longitude in degrees) of a household, a unit or a resource, used for
/// "就近就便" (nearby) assignment.
/// </summary>
/// <remarks>
/// <c>default(GeoPoint)</c> is <see cref="Unknown"/>, not the point (0, 0): a location that was never set is never
/// taken for a real place. Validators refuse it where a location is required (code <c>input.location-required</c>)
/// and where a location is optional (give <see langword="null"/> instead), and <see cref="DistanceMetresTo"/> refuses it.
/// A point made by the constructor is always known, (0, 0) included.
/// <para>
/// In JSON (System.Text.Json, no options needed) a point is <c>{"lat": 31.2304, "lon": 121.4737}</c> (latitude first, as
/// it is spoken; GeoJSON's <c>[lon, lat]</c> arrays are not this type's form) and <see cref="Unknown"/> is <c>null</c>. A
/// missing or extra member, a value that is not a number, or a coordinate out of range is refused with a
/// <see cref="System.Text.Json.JsonException"/>.
/// </para>
/// <para>
/// As text (<see cref="IParsable{TSelf}"/>, <see cref="ISpanFormattable"/>) a point is <c>(31.2304, 121.4737)</c>, invariant
/// and exact (the shortest text that reads back as the same doubles); <see cref="Parse(string, IFormatProvider)"/> reads
/// that form and the bare <c>31.2304,121.4737</c> of a query string. <see cref="Unknown"/> is written <c>(unknown)</c> and
/// is never read: an unknown location is no value to pass.
/// </para>
/// </remarks>
[Immutable]
[System.Text.Json.Serialization.JsonConverter(typeof(JsonConverter))]
public readonly record struct GeoPoint : ISpanFormattable, ISpanParsable<GeoPoint>
{
    private const double EarthRadiusMetres = 6_371_008.8;

    private readonly bool known;

    /// <summary>Creates a position.</summary>
    /// <param name="latitude">Degrees, −90 to 90.</param>
    /// <param name="longitude">Degrees, −180 to 180.</param>
    /// <exception cref="GridGovernanceValidationException">A coordinate is out of range or not a number (code <c>input.out-of-range</c>,
    /// naming <c>latitude</c> and/or <c>longitude</c>).</exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180))
        {
            InputPolicy.ThrowIfAny("The location",
            [
                latitude is >= -90 and <= 90 ? null : Problem(nameof(latitude), latitude, 90),
                longitude is >= -180 and <= 180 ? null : Problem(nameof(longitude), longitude, 180),
            ]);
        }
        Latitude = latitude;
        Longitude = longitude;
        known = true;
    }

    private static ValidationProblem Problem(string field, double value, int limit) =>
        new(field, null, ErrorCodes.OutOfRange, FormattableString.Invariant($"{field} must be a number of degrees between -{limit} and {limit}; it was {value}."));

    /// <summary>The unknown location: <c>default(GeoPoint)</c>. It equals no point made by the constructor, (0, 0) included.</summary>
    public static GeoPoint Unknown => default;

    /// <summary>
    /// Whether this is a real position (made by the constructor) rather than <see cref="Unknown"/>. A point stored by an
    /// earlier version, without the flag, is known when either coordinate is not zero.
    /// </summary>
    public bool IsKnown => known || Latitude != 0 || Longitude != 0;

    /// <summary>Latitude in degrees.</summary>
    public double Latitude { get; }

    /// <summary>Longitude in degrees.</summary>
    public double Longitude { get; }

    /// <summary>Great-circle distance in metres (haversine on a mean Earth radius).</summary>
    /// <param name="other">The other position.</param>
    /// <exception cref="GridGovernanceException">Either point is <see cref="Unknown"/> (code <c>input.location-required</c>).</exception>
    public double DistanceMetresTo(GeoPoint other)
    {
        if (!IsKnown || !other.IsKnown)
        {
            throw new GridGovernanceException(ErrorCodes.LocationRequired, "A distance needs two known locations; one of them is GeoPoint.Unknown (default).");
        }
        const double toRadians = Math.PI / 180;
        double dLat = (other.Latitude - Latitude) * toRadians;
        double dLon = (other.Longitude - Longitude) * toRadians;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                   + Math.Cos(Latitude * toRadians) * Math.Cos(other.Latitude * toRadians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Whether both are unknown, or both are known and at the same coordinates.</summary>
    /// <param name="other">The other point.</param>
    /// <returns><see langword="true"/> when they are the same location.</returns>
    public bool Equals(GeoPoint other) => IsKnown == other.IsKnown && Latitude.Equals(other.Latitude) && Longitude.Equals(other.Longitude);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsKnown, Latitude, Longitude);

    /// <summary>The coordinates, <c>(31.2304, 121.4737)</c> (invariant, exact), or <c>(unknown)</c>.</summary>
    public override string ToString() =>
        !IsKnown ? "(unknown)" : string.Create(CultureInfo.InvariantCulture, $"({Latitude:R}, {Longitude:R})");

    /// <summary>The coordinates as <see cref="ToString()"/> writes them: always invariant.</summary>
    /// <param name="format"><see langword="null"/>, <c>""</c> or <c>"G"</c>.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <exception cref="FormatException">Another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        CheckFormat(format);
        return ToString();
    }

    /// <inheritdoc cref="ToString(string, IFormatProvider)"/>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format"><c>""</c> or <c>"G"</c>.</param>
    /// <param name="provider">Ignored.</param>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        CheckFormat(format);
        return !IsKnown
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"(unknown)", out charsWritten)
            : destination.TryWrite(CultureInfo.InvariantCulture, $"({Latitude:R}, {Longitude:R})", out charsWritten);
    }

    private static void CheckFormat(ReadOnlySpan<char> format)
    {
        if (!format.IsEmpty && !format.SequenceEqual("G"))
        {
            throw new FormatException($"A GeoPoint has one text form (format \"G\"); '{CodeText.Shown(format)}' is not a format of GeoPoint.");
        }
    }

    /// <summary>Reads <c>(31.2304, 121.4737)</c> or <c>31.2304,121.4737</c>: latitude first, invariant decimals.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: coordinates are always invariant.</param>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not such a point, or a coordinate is out of range.</exception>
    public static GeoPoint Parse(string s, IFormatProvider? provider) => Parse(Preconditions.CheckNotNull(s).AsSpan(), provider);

    /// <inheritdoc cref="Parse(string, IFormatProvider)"/>
    public static GeoPoint Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var value)
            ? value
            : throw new FormatException($"'{CodeText.Shown(s)}' is not a location: write it as 31.2304,121.4737 (latitude −90 to 90, then longitude −180 to 180).");

    /// <summary>Reads a point as <see cref="Parse(string, IFormatProvider)"/> does, without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The point, or <see cref="Unknown"/>.</param>
    /// <returns>Whether the text is a known point within range.</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out GeoPoint result)
    {
        if (s is null)
        {
            result = Unknown;
            return false;
        }
        return TryParse(s.AsSpan(), provider, out result);
    }

    /// <inheritdoc cref="TryParse(string, IFormatProvider, out GeoPoint)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out GeoPoint result)
    {
        result = Unknown;
        s = s.Trim();
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            s = s[1..^1];
        }
        int comma = s.IndexOf(',');
        const NumberStyles style = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (comma < 0
            || !double.TryParse(s[..comma], style, CultureInfo.InvariantCulture, out double latitude)
            || !double.TryParse(s[(comma + 1)..], style, CultureInfo.InvariantCulture, out double longitude)
            || latitude is not (>= -90 and <= 90) || longitude is not (>= -180 and <= 180))
        {
            return false;
        }
        result = new GeoPoint(latitude, longitude);
        return true;
    }

    /// <summary>Reads and writes a <see cref="GeoPoint"/> as <c>{"lat": …, "lon": …}</c>, <see cref="Unknown"/> as <c>null</c>.</summary>
    [Immutable]
    public sealed class JsonConverter : System.Text.Json.Serialization.JsonConverter<GeoPoint>
    {
        /// <summary><see cref="Unknown"/> is written and read as <c>null</c>.</summary>
        public override bool HandleNull => true;

        /// <inheritdoc />
        public override GeoPoint Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
        {
            if (reader.TokenType == System.Text.Json.JsonTokenType.Null)
            {
                return Unknown;
            }
            if (reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                throw new System.Text.Json.JsonException($"A GeoPoint is an object {{\"lat\": …, \"lon\": …}} or null, not {reader.TokenType}.");
            }
            double? lat = null, lon = null;
            while (reader.Read() && reader.TokenType != System.Text.Json.JsonTokenType.EndObject)
            {
                string? name = reader.GetString();
                if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.Number || !reader.TryGetDouble(out double value))
                {
                    throw new System.Text.Json.JsonException($"A GeoPoint's '{name}' must be a number of degrees.");
                }
                switch (name)
                {
                    case "lat" when lat is null:
                        lat = value;
                        break;
                    case "lon" when lon is null:
                        lon = value;
                        break;
                    default:
                        throw new System.Text.Json.JsonException($"A GeoPoint has exactly the members 'lat' and 'lon'; '{name}' is not one of them or is given twice.");
                }
            }
            if (lat is null || lon is null)
            {
                throw new System.Text.Json.JsonException($"A GeoPoint needs both 'lat' and 'lon'; '{(lat is null ? "lat" : "lon")}' is missing.");
            }
            try
            {
                return new GeoPoint(lat.Value, lon.Value);
            }
            catch (GridGovernanceValidationException e)
            {
                throw new System.Text.Json.JsonException(e.Message, e);
            }
        }

        /// <inheritdoc />
        public override void Write(System.Text.Json.Utf8JsonWriter writer, GeoPoint value, System.Text.Json.JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (!value.IsKnown)
            {
                writer.WriteNullValue();
                return;
            }
            writer.WriteStartObject();
            writer.WriteNumber("lat", value.Latitude);
            writer.WriteNumber("lon", value.Longitude);
            writer.WriteEndObject();
        }
    }
}
