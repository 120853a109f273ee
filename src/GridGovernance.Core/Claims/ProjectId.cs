namespace GridGovernance.Claims;

/// <summary>
/// Identifies a service project (项目) on the project list (项目清单): needs packaged for units to claim.
/// </summary>
/// <remarks>
/// Ids are chosen by the caller and must be positive; <c>default(ProjectId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
public readonly record struct ProjectId : IComparable<ProjectId>, IComparable
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public ProjectId(int value)
    {
        Preconditions.CheckArgumentRange(nameof(value), value, 1, int.MaxValue);
        Value = value;
    }

    /// <summary>The number behind the id.</summary>
    public int Value { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => Value > 0;

    /// <inheritdoc />
    public int CompareTo(ProjectId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        ProjectId other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a ProjectId with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator <(ProjectId left, ProjectId right) => left.Value < right.Value;

    /// <summary>Compares two ids by their number.</summary>
    public static bool operator >(ProjectId left, ProjectId right) => left.Value > right.Value;

    /// <inheritdoc />
    public override string ToString() => "project:" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
