using System.Globalization;
using NodaTime;

namespace GridGovernance.Scoring;

/// <summary>
/// A period of assessment: a span of whole days in the configured zone (Asia/Shanghai by default). Ledger
/// entries belong to a period by their occurrence date.
/// </summary>
[Immutable]
public sealed record AssessmentPeriod
{
    private AssessmentPeriod(PeriodKind kind, DateInterval days, string label)
    {
        Kind = kind;
        Days = days;
        Label = label;
    }

    /// <summary>The kind.</summary>
    public PeriodKind Kind { get; }

    /// <summary>The days, both ends included.</summary>
    public DateInterval Days { get; }

    /// <summary>A label such as <c>2024</c>, <c>2024-Q2</c>, <c>2024-05</c> or <c>2024-03-01..2024-03-30</c>.</summary>
    public string Label { get; }

    /// <summary>The first day.</summary>
    public LocalDate Start => Days.Start;

    /// <summary>The last day (inclusive).</summary>
    public LocalDate End => Days.End;

    /// <summary>Whether a date lies in the period.</summary>
    /// <param name="date">The date.</param>
    public bool Contains(LocalDate date) => date >= Days.Start && date <= Days.End;

    /// <summary>A calendar year.</summary>
    /// <param name="year">The year.</param>
    public static AssessmentPeriod Year(int year) =>
        new(PeriodKind.Year, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)), year.ToString(CultureInfo.InvariantCulture));

    /// <summary>A calendar quarter.</summary>
    /// <param name="year">The year.</param>
    /// <param name="quarter">1 to 4.</param>
    public static AssessmentPeriod Quarter(int year, int quarter)
    {
        Preconditions.CheckArgumentRange(nameof(quarter), quarter, 1, 4);
        var start = new LocalDate(year, (quarter - 1) * 3 + 1, 1);
        return new(PeriodKind.Quarter, new DateInterval(start, start.PlusMonths(3).PlusDays(-1)), FormattableString.Invariant($"{year}-Q{quarter}"));
    }

    /// <summary>A calendar month.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">1 to 12.</param>
    public static AssessmentPeriod Month(int year, int month)
    {
        Preconditions.CheckArgumentRange(nameof(month), month, 1, 12);
        var start = new LocalDate(year, month, 1);
        return new(PeriodKind.Month, new DateInterval(start, start.PlusMonths(1).PlusDays(-1)), FormattableString.Invariant($"{year}-{month:D2}"));
    }

    /// <summary>Any span of days (a rolling window of N days, a term).</summary>
    /// <param name="days">The days, both ends included.</param>
    public static AssessmentPeriod Custom(DateInterval days)
    {
        Preconditions.CheckNotNull(days);
        return new(PeriodKind.Custom, days, $"{days.Start:yyyy-MM-dd}..{days.End:yyyy-MM-dd}");
    }

    /// <summary>The period of a kind that contains a date.</summary>
    /// <param name="kind">Year, quarter or month.</param>
    /// <param name="date">The date.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="kind"/> is Custom.</exception>
    public static AssessmentPeriod Containing(PeriodKind kind, LocalDate date) => kind switch
    {
        PeriodKind.Year => Year(date.Year),
        PeriodKind.Quarter => Quarter(date.Year, (date.Month - 1) / 3 + 1),
        PeriodKind.Month => Month(date.Year, date.Month),
        _ => throw Preconditions.InvalidInput(nameof(kind), Enum.IsDefined(kind) ? ErrorCodes.InvalidValue : ErrorCodes.UndefinedEnum,
            $"Only a year, a quarter or a month contains a date; {kind} does not (use Custom for a custom period)."),
    };

    /// <summary>The period of a kind that contains an instant in a zone (boundaries are midnights in that zone).</summary>
    /// <param name="kind">Year, quarter or month.</param>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The zone, e.g. Asia/Shanghai.</param>
    public static AssessmentPeriod Containing(PeriodKind kind, Instant instant, DateTimeZone zone) =>
        Containing(kind, instant.InZone(Preconditions.CheckNotNull(zone)).Date);

    /// <inheritdoc />
    public override string ToString() => Label;

    // A stored period (Persistence.AssessmentPeriodStoredForm): the label is kept as written.
    internal static AssessmentPeriod FromStoredForm(PeriodKind kind, DateInterval days, string label)
    {
        Preconditions.CheckNotBlank(label);
        Preconditions.CheckArgument(Enum.IsDefined(kind), nameof(kind), $"{kind} is not a period kind.");
        return new(kind, days, label);
    }
}
