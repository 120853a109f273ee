using GridGovernance.Scoring;
using GridGovernance.Testing;

namespace GridGovernance.Benchmarks.Scoring;

/// <summary>A year of generated ledger for the scoring benchmarks, made once per size and process.</summary>
internal sealed class ScoringData
{
    private static readonly Dictionary<string, ScoringData> Cache = [];

    private ScoringData(int members, int entries)
    {
        RuleBook = ScoringGenerator.Laiwu(2024);
        Period = AssessmentPeriod.Year(2024);
        Roster = ScoringGenerator.Roster(members, branches: Math.Max(1, members / 8), seed: 11);
        Entries = ScoringGenerator.Ledger(RuleBook, Period, Roster, entries, seed: 12);
        GroupedEntries = [.. Entries.OrderBy(e => e.Member.Value).ThenBy(e => e.Sequence)];
        Ledger = AssessmentEntryColumns.From(Entries);
    }

    internal RuleBook RuleBook { get; }

    internal AssessmentPeriod Period { get; }

    internal IReadOnlyList<AssessmentSubject> Roster { get; }

    internal AssessmentEntry[] Entries { get; }

    /// <summary>The same entries grouped by member, in recorded order within a member: the order <c>LedgerExportService.ExportForAssessmentAsync</c> gives.</summary>
    internal AssessmentEntry[] GroupedEntries { get; }

    /// <summary>The same entries laid out for assessment (<see cref="AssessmentEntryColumns"/>), built once.</summary>
    internal AssessmentEntryColumns Ledger { get; }

    /// <summary>"city": 100,000 members and 10,000,000 entries (the bar); "community": 500 and 50,000.</summary>
    internal static ScoringData For(string size)
    {
        if (!Cache.TryGetValue(size, out var data))
        {
            data = size == "city" ? new ScoringData(100_000, 10_000_000) : new ScoringData(500, 50_000);
            Cache[size] = data;
        }
        return data;
    }
}
