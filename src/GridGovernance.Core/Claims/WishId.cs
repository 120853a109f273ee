namespace GridGovernance.Claims;

/// <summary>
/// Identifies a micro-wish (微心愿) of a resident, claimed by one member (认领微心愿).
/// </summary>
/// <remarks>
/// Ids are chosen by the caller and must be positive; <c>default(WishId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
public readonly record struct WishId : IComparable<WishId>, IComparable
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public WishId(int value)
    {
        Preconditions.CheckArgumentRange(nameof(value), value, 1, int.MaxValue);
        Value = value;
    }

    /// <summary>The number behind the id.</summary>
    public int Value { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => Value > 0;

    /// <inheritdoc />
    public int CompareTo(WishId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        WishId other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a WishId with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator <(WishId left, WishId right) => left.Value < right.Value;

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator >(WishId left, WishId right) => left.Value > right.Value;

    /// <inheritdoc />
    public override string ToString() => "wish:" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
