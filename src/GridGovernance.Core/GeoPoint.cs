namespace GridGovernance;

/// <summary>
/// A WGS-84 position (latitude, longitude in degrees) of a household, a unit or a resource, used for
/// "就近就便" (nearby) assignment.
/// </summary>
[Immutable]
public readonly record struct GeoPoint
{
    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Creates a position.</summary>
    /// <param name="latitude">Degrees, −90 to 90.</param>
    /// <param name="longitude">Degrees, −180 to 180.</param>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is out of range or not a number.</exception>
    public GeoPoint(double latitude, double longitude)
    {
        Preconditions.CheckArgumentRange(nameof(latitude), latitude, -90, 90);
        Preconditions.CheckArgumentRange(nameof(longitude), longitude, -180, 180);
        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Latitude in degrees.</summary>
    public double Latitude { get; }

    /// <summary>Longitude in degrees.</summary>
    public double Longitude { get; }

    /// <summary>Great-circle distance in metres (haversine on a mean Earth radius).</summary>
    /// <param name="other">The other position.</param>
    public double DistanceMetresTo(GeoPoint other)
    {
        const double toRadians = Math.PI / 180;
        double dLat = (other.Latitude - Latitude) * toRadians;
        double dLon = (other.Longitude - Longitude) * toRadians;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                   + Math.Cos(Latitude * toRadians) * Math.Cos(other.Latitude * toRadians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"({Latitude:F6}, {Longitude:F6})");
}
