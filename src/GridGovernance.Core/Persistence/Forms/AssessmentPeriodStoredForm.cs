using NodaTime;
using GridGovernance.Scoring;

namespace GridGovernance.Persistence;

/// <summary>An <see cref="AssessmentPeriod"/> as it is stored inside the forms of publications and results.</summary>
[Immutable]
public sealed record AssessmentPeriodStoredForm
{
    /// <summary>Year, quarter, month or custom.</summary>
    public required PeriodKind Kind { get; init; }

    /// <summary>The period's first day.</summary>
    public required LocalDate Start { get; init; }

    /// <summary>The period's last day (inclusive).</summary>
    public required LocalDate End { get; init; }

    /// <summary>The period's label, e.g. <c>2024</c>, <c>2024-Q2</c>, <c>2024-06</c>.</summary>
    public required string Label { get; init; }

    internal static AssessmentPeriodStoredForm From(AssessmentPeriod period) => new()
    {
        Kind = period.Kind,
        Start = period.Start,
        End = period.End,
        Label = period.Label,
    };

    internal AssessmentPeriod ToPeriod() => AssessmentPeriod.FromStoredForm(Kind, new DateInterval(Start, End), Label);
}
