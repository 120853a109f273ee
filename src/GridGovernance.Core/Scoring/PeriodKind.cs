namespace GridGovernance.Scoring;

/// <summary>The kind of an assessment period.</summary>
public enum PeriodKind
{
    /// <summary>A calendar year (members are assessed per year).</summary>
    Year,

    /// <summary>A calendar quarter (Yibin scores organisations every quarter).</summary>
    Quarter,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>Any span of days, e.g. a rolling window.</summary>
    Custom,
}
