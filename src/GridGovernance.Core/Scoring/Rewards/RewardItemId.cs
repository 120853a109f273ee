namespace GridGovernance.Scoring.Rewards;

/// <summary>
/// Identifies a reward item (兑换物资或服务) in the redemption catalogue (积分兑换目录).
/// </summary>
/// <remarks>
/// Ids are chosen by the caller (an import keeps the integrator's own numbering) and must be positive;
/// <c>default(RewardItemId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
public readonly record struct RewardItemId : IComparable<RewardItemId>, IComparable
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public RewardItemId(int value)
    {
        Preconditions.CheckArgumentRange(nameof(value), value, 1, int.MaxValue);
        Value = value;
    }

    /// <summary>The number behind the id.</summary>
    public int Value { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => Value > 0;

    /// <inheritdoc />
    public int CompareTo(RewardItemId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        RewardItemId other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a RewardItemId with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator <(RewardItemId left, RewardItemId right) => left.Value < right.Value;

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator >(RewardItemId left, RewardItemId right) => left.Value > right.Value;

    /// <inheritdoc />
    public override string ToString() => "reward:" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
