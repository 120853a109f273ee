using GridGovernance.Scoring;
using GridGovernance.Scoring.Signals;

namespace GridGovernance.Testing;

/// <summary>A generated ledger for the gaming signals (防刷分), with the members and reviewers gaming was injected for.</summary>
/// <param name="RuleBook">The rule book (the Laiwu-style book of <see cref="ScoringGenerator.Laiwu"/>).</param>
/// <param name="Period">The period (a calendar year).</param>
/// <param name="Roster">The members, with their branches; the last one is the top-level reviewer, who declares nothing.</param>
/// <param name="Entries">The entries, in generated order.</param>
/// <param name="Pattern">The pattern injected, or <c>null</c> for a clean ledger.</param>
/// <param name="Injected">The members (or reviewers) the pattern was injected for; empty for a clean ledger.</param>
public sealed record SignalScenario(RuleBook RuleBook, AssessmentPeriod Period, IReadOnlyList<AssessmentSubject> Roster, SignalEntry[] Entries,
    SignalPattern? Pattern, IReadOnlySet<MemberId> Injected)
{
    /// <inheritdoc />
    public override string ToString() => $"{Pattern?.ToString() ?? "clean"}: {Roster.Count} members, {Entries.Length} entries, {Injected.Count} injected";
}
