namespace GridGovernance.Scoring.Catalogue;

/// <summary>A period was published with a version of a rule book: from now on that version never changes.</summary>
/// <param name="RuleBook">The rule book.</param>
/// <param name="Version">The version.</param>
/// <param name="PeriodLabel">The period published (<see cref="AssessmentPeriod.Label"/>).</param>
[Immutable]
public sealed record RuleBookVersionPublished(RuleBookId RuleBook, int Version, string PeriodLabel) : IDomainEvent;
