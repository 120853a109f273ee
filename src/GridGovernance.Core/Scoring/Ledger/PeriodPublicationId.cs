namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// Identifies the publication (公示) of one period's results under one rule book: the rule book's id and the
/// period's label, e.g. <c>laiwu-2024</c> / <c>2024-Q1</c>. A period is published once per rule book.
/// </summary>
[Immutable]
public readonly record struct PeriodPublicationId
{
    /// <summary>Creates an id.</summary>
    /// <param name="ruleBookId">The rule book's id.</param>
    /// <param name="periodLabel">The period's label (<see cref="AssessmentPeriod.Label"/>).</param>
    /// <exception cref="GridGovernanceValidationException">A part is blank.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public PeriodPublicationId(string ruleBookId, string periodLabel)
    {
        RuleBookId = Preconditions.CheckNotBlank(ruleBookId);
        PeriodLabel = Preconditions.CheckNotBlank(periodLabel);
    }

    /// <summary>The rule book's id.</summary>
    public string RuleBookId { get; }

    /// <summary>The period's label, e.g. <c>2024-Q1</c>.</summary>
    public string PeriodLabel { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => RuleBookId is not null;

    /// <summary>The id of the publication of a period under a rule book.</summary>
    /// <param name="ruleBook">The rule book.</param>
    /// <param name="period">The period.</param>
    public static PeriodPublicationId Of(RuleBook ruleBook, AssessmentPeriod period) =>
        new(Preconditions.CheckNotNull(ruleBook).Id, Preconditions.CheckNotNull(period).Label);

    /// <inheritdoc />
    public override string ToString() => $"publication:{RuleBookId}/{PeriodLabel}";
}
