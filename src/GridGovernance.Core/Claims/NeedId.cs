namespace GridGovernance.Claims;

/// <summary>
/// Identifies a need (需求) on the need list (需求清单), raised by residents or a community.
/// </summary>
/// <remarks>
/// Ids are chosen by the caller and must be positive; <c>default(NeedId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
public readonly record struct NeedId : IComparable<NeedId>, IComparable
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public NeedId(int value)
    {
        Preconditions.CheckArgumentRange(nameof(value), value, 1, int.MaxValue);
        Value = value;
    }

    /// <summary>The number behind the id.</summary>
    public int Value { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => Value > 0;

    /// <inheritdoc />
    public int CompareTo(NeedId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        NeedId other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a NeedId with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator <(NeedId left, NeedId right) => left.Value < right.Value;

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator >(NeedId left, NeedId right) => left.Value > right.Value;

    /// <inheritdoc />
    public override string ToString() => "need:" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
