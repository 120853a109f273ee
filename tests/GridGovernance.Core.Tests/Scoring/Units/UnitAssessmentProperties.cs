using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Units;
using NodaTime;

namespace GridGovernance.Tests.Scoring.Units;

/// <summary>Organisation points have the member engine's properties: order does not matter, and each unit's line is its entries' own.</summary>
public sealed class UnitAssessmentProperties
{
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);

    private static UnitEntry[] Entries(int seed, int units, int count)
    {
        var random = new Random(seed);
        var book = UnitAssessmentEngineTest.OrganBook;
        return [.. Enumerable.Range(0, count).Select(i => new UnitEntry(
            new OrgUnitId(1 + random.Next(units)), random.Next(book.Items.Length) is var item && item == 2 ? 0 : item,
            new LocalDate(2024, 1, 1).PlusDays(random.Next(100)), i))];
    }

    [Property(MaxTest = 100)]
    public bool Assess_DoesNotDependOnTheOrderOfEntriesOrUnits(PositiveInt seed, byte units)
    {
        int n = 1 + units % 12;
        var entries = Entries(seed.Get, n, 60);
        var ids = Enumerable.Range(1, n).Select(i => new OrgUnitId(i)).ToArray();
        var book = UnitAssessmentEngineTest.OrganBook;

        var forward = UnitAssessmentEngine.Assess(book, Q1, ids, entries);
        var backward = UnitAssessmentEngine.Assess(book, Q1, [.. ids.Reverse()], [.. entries.Reverse()]);

        return forward.Units.SequenceEqual(backward.Units) && forward.SkippedEntries == backward.SkippedEntries;
    }

    [Property(MaxTest = 100)]
    public bool EachUnit_IsScoredOnItsOwnEntries(PositiveInt seed, byte units)
    {
        int n = 1 + units % 12;
        var entries = Entries(seed.Get, n, 60);
        var ids = Enumerable.Range(1, n).Select(i => new OrgUnitId(i)).ToArray();
        var book = UnitAssessmentEngineTest.OrganBook;
        var all = UnitAssessmentEngine.Assess(book, Q1, ids, entries);

        return ids.All(id => UnitAssessmentEngine.Assess(book, Q1, [id], [.. entries.Where(e => e.Unit == id)]).Units[0].Equals(all[id]));
    }

    [Property(MaxTest = 100)]
    public bool Ranking_IsOnePlusTheUnitsWithMorePoints(PositiveInt seed, byte units)
    {
        int n = 1 + units % 12;
        var ids = Enumerable.Range(1, n).Select(i => new OrgUnitId(i)).ToArray();
        var result = UnitAssessmentEngine.Assess(UnitAssessmentEngineTest.OrganBook, Q1, ids, Entries(seed.Get, n, 60));

        var rows = UnitAssessmentEngine.Rank(result).Rows;

        return rows.Length == n && rows.All(r => r.Rank == 1 + result.Units.Count(u => u.Total > r.Score) && r.Score == result[r.Unit].Total);
    }
}
