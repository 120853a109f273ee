using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance;

/// <summary>
/// The history of one value (a unit's parent, a member's branch, a household's grid, a name): consecutive
/// <see cref="Segment{T}"/>s with no gaps until the timeline is ended. Immutable: every change returns a new
/// timeline, so aggregates can keep history without copying it.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <remarks>
/// Changes are appended only: a change dated before the start of the current segment throws
/// <see cref="GridGovernanceException"/> with code <see cref="ErrorCodes.RetroactiveChange"/>. A change on the
/// same day as the current segment's start replaces that segment (a same-day correction), and rejoins the previous
/// segment when it restores the previous value, so history never holds two adjacent segments of one value.
/// </remarks>
[Immutable]
public sealed class Timeline<T>
{
    private Timeline(ImmutableArray<Segment<T>> segments)
    {
        Segments = segments;
    }

    /// <summary>Every segment, oldest first.</summary>
    public ImmutableArray<Segment<T>> Segments { get; }

    /// <summary>The latest segment.</summary>
    public Segment<T> Last => Segments[^1];

    /// <summary>The latest value (which may have ended; see <see cref="IsOpen"/>).</summary>
    public T Current => Last.Value;

    /// <summary>Whether the latest value still holds.</summary>
    public bool IsOpen => Last.Until is null;

    /// <summary>The first day of the whole history.</summary>
    public LocalDate Start => Segments[0].From;

    /// <summary>Starts a timeline with one open segment.</summary>
    /// <param name="value">The first value.</param>
    /// <param name="from">The day it starts to hold.</param>
    public static Timeline<T> StartWith(T value, LocalDate from) => new([new Segment<T>(value, from, null)]);

    /// <summary>Restores a timeline from stored segments (for stores); checks that they are consecutive.</summary>
    /// <param name="segments">The segments, oldest first.</param>
    /// <exception cref="GridGovernanceValidationException">The segments are empty, overlap, leave gaps or an inner one is open.</exception>
    public static Timeline<T> FromSegments(IEnumerable<Segment<T>> segments)
    {
        var array = Preconditions.CheckNotNull(segments).ToImmutableArray();
        Preconditions.CheckArgument(array.Length > 0, nameof(segments), "A timeline needs at least one segment.");
        for (int i = 0; i < array.Length; i++)
        {
            var s = array[i];
            Preconditions.CheckArgument(s.Until is null || s.Until.Value > s.From, nameof(segments), $"Segment {i} ends ({s.Until}) on or before it starts ({s.From}).");
            if (i < array.Length - 1)
            {
                Preconditions.CheckArgument(s.Until == array[i + 1].From, nameof(segments), $"Segment {i} must end on the day segment {i + 1} starts.");
            }
        }
        return new Timeline<T>(array);
    }

    /// <summary>Finds the value that held on <paramref name="date"/>.</summary>
    /// <param name="date">The day to ask about.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns><c>true</c> when a segment covers the date.</returns>
    public bool TryGetValueAt(LocalDate date, out T value)
    {
        var segments = Segments;
        // Most questions are about the present: look at the newest segment first.
        for (int i = segments.Length - 1; i >= 0; i--)
        {
            var s = segments[i];
            if (date >= s.From)
            {
                if (s.Until is null || date < s.Until.Value)
                {
                    value = s.Value;
                    return true;
                }
                break;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>Whether any segment covers <paramref name="date"/>.</summary>
    /// <param name="date">The day to ask about.</param>
    public bool HoldsOn(LocalDate date) => TryGetValueAt(date, out _);

    /// <summary>
    /// Returns a timeline where <paramref name="value"/> holds from <paramref name="from"/> on; the same timeline when
    /// the value is already the current one.
    /// </summary>
    /// <param name="value">The new value.</param>
    /// <param name="from">The day the change takes effect; not before the current segment's start.</param>
    /// <exception cref="GridGovernanceException">The change is retroactive, or the timeline has ended.</exception>
    public Timeline<T> ChangeTo(T value, LocalDate from)
    {
        CheckNotRetroactive(from);
        Preconditions.CheckState(IsOpen, ErrorCodes.RetroactiveChange, $"The history ended on {Last.Until:yyyy-MM-dd}; it cannot change on {from:yyyy-MM-dd}.");
        if (EqualityComparer<T>.Default.Equals(value, Current))
        {
            return this;
        }
        var builder = Segments.ToBuilder();
        if (from == Last.From)
        {
            // A same-day correction: the replaced value never held for a whole day.
            builder.RemoveAt(builder.Count - 1);
            if (builder.Count > 0 && EqualityComparer<T>.Default.Equals(builder[^1].Value, value))
            {
                builder[^1] = builder[^1] with { Until = null };
            }
            else
            {
                builder.Add(new Segment<T>(value, from, null));
            }
        }
        else
        {
            builder[^1] = Last with { Until = from };
            builder.Add(new Segment<T>(value, from, null));
        }
        return new Timeline<T>(builder.ToImmutable());
    }

    /// <summary>Returns a timeline whose latest value stops holding on <paramref name="until"/> (exclusive).</summary>
    /// <param name="until">The first day the value no longer holds; after the current segment's start.</param>
    /// <exception cref="GridGovernanceException">The timeline has already ended, or <paramref name="until"/> is not after the current segment's start.</exception>
    public Timeline<T> EndOn(LocalDate until)
    {
        Preconditions.CheckState(IsOpen, ErrorCodes.RetroactiveChange, $"The history already ended on {Last.Until:yyyy-MM-dd}.");
        Preconditions.CheckState(until > Last.From, ErrorCodes.RetroactiveChange,
            $"The end ({until:yyyy-MM-dd}) must be after the start of the current value ({Last.From:yyyy-MM-dd}).");
        return new Timeline<T>(Segments.SetItem(Segments.Length - 1, Last with { Until = until }));
    }

    /// <summary>Throws when <paramref name="date"/> is before the start of the current segment.</summary>
    /// <param name="date">The day of a proposed change.</param>
    /// <exception cref="GridGovernanceException">The change would rewrite recorded history.</exception>
    public void CheckNotRetroactive(LocalDate date)
    {
        Preconditions.CheckState(date >= Last.From, ErrorCodes.RetroactiveChange,
            $"A change dated {date:yyyy-MM-dd} is before the last recorded change ({Last.From:yyyy-MM-dd}); history is append-only.");
    }
}
