namespace GridGovernance;

/// <summary>
/// Identifies a resident household (群众户 / 联系户).
/// </summary>
/// <remarks>
/// Ids are chosen by the caller (an import keeps the integrator's own numbering) and must be positive;
/// <c>default(HouseholdId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
public readonly record struct HouseholdId : IComparable<HouseholdId>, IComparable
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public HouseholdId(int value)
    {
        Preconditions.CheckArgumentRange(nameof(value), value, 1, int.MaxValue);
        Value = value;
    }

    /// <summary>The number behind the id.</summary>
    public int Value { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => Value > 0;

    /// <inheritdoc />
    public int CompareTo(HouseholdId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        HouseholdId other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a HouseholdId with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator <(HouseholdId left, HouseholdId right) => left.Value < right.Value;

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator >(HouseholdId left, HouseholdId right) => left.Value > right.Value;

    /// <inheritdoc />
    public override string ToString() => "household:" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
