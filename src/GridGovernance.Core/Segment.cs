using NodaTime;

namespace GridGovernance;

/// <summary>
/// One stretch of a <see cref="Timeline{T}"/>: a value that held from <see cref="From"/> (inclusive)
/// until <see cref="Until"/> (exclusive), or up to now when <see cref="Until"/> is <c>null</c>.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value held during the stretch.</param>
/// <param name="From">The first day the value held.</param>
/// <param name="Until">The first day it no longer held, or <c>null</c> while it still holds.</param>
[Immutable]
public readonly record struct Segment<T>(T Value, LocalDate From, LocalDate? Until)
{
    /// <summary>Whether the value held on <paramref name="date"/>.</summary>
    /// <param name="date">The day to ask about.</param>
    public bool Contains(LocalDate date) => date >= From && (Until is null || date < Until.Value);
}
