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
/// </remarks>
[Immutable]
public readonly record struct GeoPoint
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

    /// <summary>The coordinates, or <c>(unknown)</c>.</summary>
    public override string ToString() => !IsKnown ? "(unknown)" : FormattableString.Invariant($"({Latitude:F6}, {Longitude:F6})");
}
