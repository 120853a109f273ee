using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.Testing;

public sealed class LedgerArbitrariesTest
{
    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 200)]
    public bool EveryEntry_NamesAnItemOfTheBook_AMemberOfTheRoster_AndADayOfThePeriod(ScoringScenario s)
    {
        var members = s.Roster.ToDictionary(m => m.Member);
        foreach (var e in s.Entries)
        {
            if (!members.TryGetValue(e.Member, out var member) || e.ItemIndex < 0 || e.ItemIndex >= s.RuleBook.Items.Length || !s.Period.Contains(e.OccurredOn))
            {
                return false;
            }
            var v = s.RuleBook.VersionOn(e.ItemIndex, e.OccurredOn);
            if (v is null || v.Kind is ItemKind.AutomaticGrant or ItemKind.Threshold || (v.EligibleKinds.Count > 0 && !v.EligibleKinds.Contains(member.Kind)))
            {
                return false;
            }
            if (v.Kind == ItemKind.Discretionary && (e.Value < v.Minimum!.Value || e.Value > v.Maximum!.Value))
            {
                return false;
            }
            if (v.Kind == ItemKind.Tiered && (e.Tier < 0 || e.Tier >= v.Tiers.Count))
            {
                return false;
            }
        }
        return s.Entries.Select(e => e.Sequence).Distinct().Count() == s.Entries.Length;
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 200)]
    public bool TheEngine_CountsEveryGeneratedEntry(ScoringScenario s)
    {
        var result = AssessmentEngine.Assess(s.RuleBook, s.Period, s.Roster, s.Entries);
        return result.EntriesOutsidePeriod == 0 && result.EntriesOfUnknownMembers == 0 && result.Members.All(m => m.IgnoredEntries == 0);
    }

    [Property(Arbitrary = [typeof(LedgerArbitraries)], MaxTest = 100)]
    public bool EveryShrink_IsSmaller_AndStillValid(ScoringScenario s)
    {
        foreach (var smaller in LedgerArbitraries.ShrinkScenario(s))
        {
            var members = smaller.Roster.Select(m => m.Member).ToHashSet();
            if (smaller.Entries.Length + smaller.Roster.Count >= s.Entries.Length + s.Roster.Count || smaller.Entries.Any(e => !members.Contains(e.Member)))
            {
                return false;
            }
        }
        return true;
    }

    [Property(MaxTest = 50)]
    public Property Ledger_ForAFixedBookAndRoster_UsesOnlyThem()
    {
        var book = ScoringGenerator.Laiwu();
        var roster = ScoringGenerator.Roster(5);
        return Prop.ForAll(LedgerArbitraries.Ledger(book, AssessmentPeriod.Quarter(2024, 2), roster), entries =>
            entries.All(e => e.Member.Value is >= 1 and <= 5 && AssessmentPeriod.Quarter(2024, 2).Contains(e.OccurredOn)));
    }

    [Property(MaxTest = 50)]
    public Property Ledger_OfSomeItems_DrawsOnlyThem()
    {
        var book = ScoringGenerator.Laiwu();
        string[] codes = ["study-award", "study-merit"];
        var positions = codes.Select(book.IndexOfItem).ToHashSet();
        var gen = LedgerArbitraries.LedgerGen(book, AssessmentPeriod.Year(2024), ScoringGenerator.Roster(2), codes);
        return Prop.ForAll(gen.ToArbitrary(), entries => entries.All(e => positions.Contains(e.ItemIndex)));
    }

    [Fact]
    public void Ledger_OfAnUnknownItem_IsRefused() =>
        Assert.Throws<GridGovernanceValidationException>(() => LedgerArbitraries.LedgerGen(ScoringGenerator.Laiwu(), AssessmentPeriod.Year(2024), ScoringGenerator.Roster(2), ["no-such-item"]));

    [Property(MaxTest = 15)]
    public Property TheLedgerService_RecordsEveryGeneratedEntry_AndExportsTheSameScores()
    {
        var generated = from city in HierarchyArbitraries.CityGen().Where(c => c.Roster.Members.Count > 0)
                        from book in RuleBookArbitraries.RuleBookGen()
                        from entries in LedgerArbitraries.LedgerGen(book, RuleBookArbitraries.Period, RosterArbitraries.SubjectsOf(city))
                        select (city, book, entries);
        return Prop.ForAll(generated.ToArbitrary(), input =>
        {
            var (city, book, entries) = input;
            var clock = new FakeClock(Instant.FromUtc(RuleBookArbitraries.Year + 1, 1, 2, 0, 0));
            using var services = city.CreateServicesAsync(s => s.AddSingleton<IClock>(clock)).GetAwaiter().GetResult();
            using var scope = services.CreateScope();
            var ledger = scope.ServiceProvider.GetRequiredService<PointsLedgerService>();
            foreach (var entry in entries)
            {
                var request = LedgerArbitraries.ToRequest(book, entry);
                ledger.RecordAsync(GridGovernance.Authority.Actor.System("test"), book, LedgerSource.ContactVisit, request).GetAwaiter().GetResult();
            }
            var exported = scope.ServiceProvider.GetRequiredService<LedgerExportService>().ExportForAssessmentAsync(book, RuleBookArbitraries.Period).GetAwaiter().GetResult();
            var roster = RosterArbitraries.SubjectsOf(city);
            var expected = AssessmentEngine.Assess(book, RuleBookArbitraries.Period, roster, entries);
            var actual = AssessmentEngine.Assess(book, RuleBookArbitraries.Period, roster, exported);
            return exported.Length == entries.Length
                   && expected.Members.Select(m => (m.Score, m.Vetoed)).SequenceEqual(actual.Members.Select(m => (m.Score, m.Vetoed)));
        });
    }

    [Fact]
    public void ToRequest_CarriesTheItemCode_TheTierCode_AndTheValue()
    {
        var scenarios = Samples.Draw(LedgerArbitraries.Scenario().Generator, 100, seed: 2);
        var entries = scenarios.SelectMany(s => s.Entries.Select(e => (s.RuleBook, Entry: e))).ToList();
        var tiered = entries.First(p => p.RuleBook.VersionOn(p.Entry.ItemIndex, p.Entry.OccurredOn)!.Kind == ItemKind.Tiered);
        var request = LedgerArbitraries.ToRequest(tiered.RuleBook, tiered.Entry, "k:");
        Assert.Equal(tiered.RuleBook.Items[tiered.Entry.ItemIndex].Code, request.ItemCode);
        Assert.Equal($"t{tiered.Entry.Tier}", request.Tier);
        Assert.Null(request.Value);
        Assert.Equal($"k:{tiered.Entry.Sequence}", request.IdempotencyKey);
        var discretionary = entries.First(p => p.RuleBook.VersionOn(p.Entry.ItemIndex, p.Entry.OccurredOn)!.Kind == ItemKind.Discretionary);
        Assert.Equal(discretionary.Entry.Value, LedgerArbitraries.ToRequest(discretionary.RuleBook, discretionary.Entry).Value);
    }
}
