using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Testing;

public sealed class RuleBookChecksTest
{
    private static readonly RuleBook Laiwu = ScoringGenerator.Laiwu();

    [Property(MaxTest = 100)]
    public Property ACappedCategory_NeverExceedsItsCap() =>
        // themed-party-day is capped at 40 in the Laiwu-style book.
        RuleBookChecks.CategoryNeverExceeds(Laiwu, "themed-party-day", Points.From(40));

    [Fact]
    public void AnUncappedCategory_FailsALowLimit()
    {
        // study is not capped: some generated ledger takes it above 1 point, and the check says so, listing the
        // shrunk ledger entry by entry.
        var property = RuleBookChecks.CategoryNeverExceeds(Laiwu, "study", Points.From(1));
        var failure = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property));
        Assert.Contains("category 'study' never above 1", failure.Message);
        Assert.Matches(@"member \d+ study-(award|merit) on 2024-", failure.Message);
    }

    [Fact]
    public void HalfAPointBelowTheLaiwuCap_Fails()
    {
        // Reaching 40 in one category takes a member many entries of it: the category checks draw such ledgers.
        var property = RuleBookChecks.CategoryNeverExceeds(Laiwu, "themed-party-day", Points.From(39.5m));
        Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property));
    }

    [Property(MaxTest = 100)]
    public Property AClippedCap_HoldsAtTheCap() => RuleBookChecks.CategoryNeverExceeds(OnlyAwards(new PointsCap(Points.From(5))), "c0", Points.From(5));

    [Fact]
    public void ALimitHalfAPointBelowTheCap_Fails()
    {
        // Six visits reach the cap of 5; the check finds a ledger that does.
        var property = RuleBookChecks.CategoryNeverExceeds(OnlyAwards(new PointsCap(Points.From(5))), "c0", Points.From(4.5m));
        Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property));
    }

    [Property(Arbitrary = [typeof(RuleBookArbitraries)], MaxTest = 20)]
    public bool EveryGeneratedCategoryCap_Holds(RuleBook book)
    {
        foreach (var category in book.Categories.Where(c => c.Cap is not null))
        {
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), RuleBookChecks.CategoryNeverExceeds(book, category.Code, category.Cap!.Limit));
        }
        return true;
    }

    [Property(MaxTest = 100)]
    public Property ABookWithoutDeductions_NeverGoesBelowZero() =>
        RuleBookChecks.CategoryNeverBelow(OnlyAwards(), "c0", Points.Zero);

    [Fact]
    public void ABookWithDeductions_FailsAFloorOfZero()
    {
        var property = RuleBookChecks.CategoryNeverBelow(Laiwu, "discipline", Points.Zero);
        Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property));
    }

    [Fact]
    public void ScoreNeverExceeds_FailsBelowTheBaseGrant_AndForAllLedgers_SeesEveryMember()
    {
        // Every member gets the +20 base grant, so a score limit of 10 fails for every roster.
        Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(5), RuleBookChecks.ScoreNeverExceeds(Laiwu, Points.From(10))));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(50), RuleBookChecks.ForAllLedgers(Laiwu, r => r.Members.Length >= 1 && r.Period.Label == "2024"));
    }

    [Fact]
    public void AnUnknownCategory_IsRefusedAtOnce() =>
        Assert.Throws<GridGovernanceValidationException>(() => RuleBookChecks.CategoryNeverExceeds(Laiwu, "no-such-category", Points.From(1)));

    private static RuleBook OnlyAwards(PointsCap? cap = null) => RuleBook.Create(new RuleBookDefinition
    {
        Id = "awards",
        Name = "awards only",
        Categories = [new ScoreCategory("c0", "service", cap)],
        Items =
        [
            new RuleItem("visit", "c0", "入户走访", [new RuleItemVersion { EffectiveFrom = new NodaTime.LocalDate(2024, 1, 1), Kind = ItemKind.Fixed, Points = Points.From(1) }]),
            new RuleItem("merit", "c0", "酌情加分", [new RuleItemVersion { EffectiveFrom = new NodaTime.LocalDate(2024, 1, 1), Kind = ItemKind.Discretionary, Minimum = Points.From(0), Maximum = Points.From(3) }]),
        ],
    });
}
