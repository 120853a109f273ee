using NodaTime;

namespace GridGovernance;

/// <summary>
/// A half-open span of days [<see cref="From"/>, <see cref="Until"/>) during which a role, a registration or
/// a term holds; <see cref="Until"/> is <c>null</c> while it is open-ended.
/// </summary>
[Immutable]
public readonly record struct Validity
{
    /// <summary>Creates a validity span.</summary>
    /// <param name="from">The first day (inclusive).</param>
    /// <param name="until">The first day it no longer holds (exclusive), or <c>null</c> for open-ended.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="until"/> is not after <paramref name="from"/> (code <c>input.reversed-range</c>).</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public Validity(LocalDate from, LocalDate? until = null)
    {
        if (until is LocalDate end && end <= from)
        {
            throw Preconditions.InvalidInput(nameof(until), ErrorCodes.ReversedRange, $"until ({end}) must be after from ({from}).");
        }
        From = from;
        Until = until;
    }

    /// <summary>The first day (inclusive).</summary>
    public LocalDate From { get; }

    /// <summary>The first day it no longer holds (exclusive), or <c>null</c> while open-ended.</summary>
    public LocalDate? Until { get; }

    /// <summary>Whether the span is still open-ended.</summary>
    public bool IsOpen => Until is null;

    /// <summary>Whether the span holds on <paramref name="date"/>.</summary>
    /// <param name="date">The day to ask about.</param>
    public bool Contains(LocalDate date) => date >= From && (Until is null || date < Until.Value);

    /// <summary>Whether two spans share at least one day.</summary>
    /// <param name="other">The other span.</param>
    public bool Overlaps(Validity other) =>
        (Until is null || other.From < Until.Value) && (other.Until is null || From < other.Until.Value);

    /// <summary>Returns this span closed on <paramref name="until"/> (exclusive).</summary>
    /// <param name="until">The first day it no longer holds; must be after <see cref="From"/>.</param>
    public Validity EndOn(LocalDate until) => new(From, until);

    /// <inheritdoc />
    public override string ToString() => Until is null ? $"[{From:yyyy-MM-dd}, …)" : $"[{From:yyyy-MM-dd}, {Until:yyyy-MM-dd})";
}
