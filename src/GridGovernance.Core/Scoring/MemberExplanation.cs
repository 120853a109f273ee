using System.Collections.Immutable;

namespace GridGovernance.Scoring;

/// <summary>A member's result with the outcome of each entry, in the order they were applied.</summary>
/// <param name="Result">The member's result (the same as the bulk assessment gives).</param>
/// <param name="Outcomes">Every entry's outcome.</param>
[Immutable]
public sealed record MemberExplanation(MemberAssessment Result, ImmutableArray<EntryOutcome> Outcomes);
