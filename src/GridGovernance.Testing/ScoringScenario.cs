using GridGovernance.Scoring;

namespace GridGovernance.Testing;

/// <summary>Everything an assessment needs: a rule book, a period, a roster and entries.</summary>
/// <param name="RuleBook">The rules.</param>
/// <param name="Period">The period.</param>
/// <param name="Roster">The members.</param>
/// <param name="Entries">Approved entries (some may lie outside the period).</param>
public sealed record ScoringScenario(RuleBook RuleBook, AssessmentPeriod Period, IReadOnlyList<AssessmentSubject> Roster, AssessmentEntry[] Entries);
