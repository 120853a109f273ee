namespace GridGovernance.WorkOrders;

/// <summary>
/// Identifies a work order (工单).
/// </summary>
/// <remarks>
/// Ids are positive; <c>default(WorkOrderId)</c> (value 0) means "none" and is never a valid id.
/// <see cref="WorkOrderService"/> hands them out in filing order (one more than the highest stored).
/// </remarks>
[Immutable]
public readonly record struct WorkOrderId : IComparable<WorkOrderId>, IComparable
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public WorkOrderId(int value)
    {
        Preconditions.CheckArgumentRange(nameof(value), value, 1, int.MaxValue);
        Value = value;
    }

    /// <summary>The number behind the id.</summary>
    public int Value { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => Value > 0;

    /// <inheritdoc />
    public int CompareTo(WorkOrderId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        WorkOrderId other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a WorkOrderId with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator <(WorkOrderId left, WorkOrderId right) => left.Value < right.Value;

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator >(WorkOrderId left, WorkOrderId right) => left.Value > right.Value;

    /// <inheritdoc />
    public override string ToString() => "workorder:" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
