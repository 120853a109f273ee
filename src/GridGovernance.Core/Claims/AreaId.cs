namespace GridGovernance.Claims;

/// <summary>
/// Identifies a service area (服务片区): a community or part of one that a unit serves "就近就便" (nearby).
/// </summary>
/// <remarks>
/// Ids are chosen by the caller and must be positive; <c>default(AreaId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
public readonly record struct AreaId : IComparable<AreaId>, IComparable
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public AreaId(int value)
    {
        Preconditions.CheckArgumentRange(nameof(value), value, 1, int.MaxValue);
        Value = value;
    }

    /// <summary>The number behind the id.</summary>
    public int Value { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => Value > 0;

    /// <inheritdoc />
    public int CompareTo(AreaId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        AreaId other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a AreaId with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator <(AreaId left, AreaId right) => left.Value < right.Value;

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator >(AreaId left, AreaId right) => left.Value > right.Value;

    /// <inheritdoc />
    public override string ToString() => "area:" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
