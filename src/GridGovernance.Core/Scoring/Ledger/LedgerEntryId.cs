namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// Identifies an entry of the points ledger (积分明细账). Ids are handed out by <see cref="PointsLedgerService"/> in
/// the order entries are recorded, so they double as the ledger's recorded order (the assessment's tie-breaker).
/// </summary>
/// <remarks>
/// Ids are positive; <c>default(LedgerEntryId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
public readonly record struct LedgerEntryId : IComparable<LedgerEntryId>, IComparable
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public LedgerEntryId(long value)
    {
        Preconditions.CheckArgumentRange(nameof(value), value, 1, long.MaxValue);
        Value = value;
    }

    /// <summary>The number behind the id.</summary>
    public long Value { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => Value > 0;

    /// <inheritdoc />
    public int CompareTo(LedgerEntryId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        LedgerEntryId other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a LedgerEntryId with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator <(LedgerEntryId left, LedgerEntryId right) => left.Value < right.Value;

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator >(LedgerEntryId left, LedgerEntryId right) => left.Value > right.Value;

    /// <inheritdoc />
    public override string ToString() => "ledger:" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
