using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.WhatIf;
using static GridGovernance.Tests.Scoring.Engine.EngineSamples;

namespace GridGovernance.Tests.Scoring.WhatIf;

public sealed class RuleBookComparisonTest
{
    private static readonly MemberId Carol = new(3);
    private static readonly AssessmentSubject CarolSubject = new(Carol, MemberKind.LongResident, new OrgUnitId(11));
    private static readonly AssessmentSubject[] Roster = [AliceSubject, BobSubject, CarolSubject];

    // Items: 0 party day +1 (cap 10), 1 visit +0.5, 2 lapse −1, 3 petition tiered (low −1, high −3).
    private static RuleBook Book(decimal partyDay = 1, decimal lapse = -1, decimal high = -3, int bandAt = 5, bool dropVisit = false, bool reorder = false)
    {
        var items = new List<RuleItem>
        {
            new("party-day", "life", "主题党日", [V(ItemKind.Fixed, partyDay) with { Cap = new PointsCap(Points.From(10)) }]),
            new("visit", "contacts", "走访", [V(ItemKind.Fixed, 0.5m)]),
            new("lapse", "discipline", "逾期", [V(ItemKind.Deduction, lapse)]),
            new("petition", "discipline", "越级上访", [V(ItemKind.Tiered) with { Tiers = [new("low", Points.From(-1)), new("high", Points.From(high))] }]),
        };
        if (dropVisit)
        {
            items.RemoveAt(1);
        }
        if (reorder)
        {
            items.Reverse();
            items[0] = items[0] with { Versions = [items[0].Versions[0] with { Tiers = [.. items[0].Versions[0].Tiers.Reverse()] }] };
        }
        return RuleBook.Create(new RuleBookDefinition
        {
            Id = "book",
            Name = "book",
            Categories = [new("life", "组织生活"), new("contacts", "联户"), new("discipline", "纪律")],
            Items = items,
            Stars = new StarRules { Bands = [new(1, Points.From(bandAt))] },
        });
    }

    // Alice: 6 party days, 2 visits (7). Bob: 4 party days, one lapse, a high petition (0). Carol: 3 party days, 4 visits (5).
    private static readonly AssessmentEntry[] Entries =
    [
        .. Enumerable.Range(0, 6).Select(d => E(Alice, 0, d, d)), E(Alice, 1, 10, 6), E(Alice, 1, 11, 7),
        .. Enumerable.Range(0, 4).Select(d => E(Bob, 0, d, 10 + d)), E(Bob, 2, 20, 20), E(Bob, 3, 21, 21) with { Tier = 1 },
        .. Enumerable.Range(0, 3).Select(d => E(Carol, 0, d, 30 + d)), .. Enumerable.Range(0, 4).Select(d => E(Carol, 1, 40 + d, 40 + d)),
    ];

    private static readonly BottomLineRules FloorOfOne = new() { Floor = Points.From(1) };

    [Fact]
    public void Compare_HeavierDeductions_PushBobBelowTheFloorAndCostHisRank()
    {
        var comparison = RuleBookComparison.Compare(Book(), Book(lapse: -2, high: -5), Year, Roster, Entries, FloorOfOne);

        var bob = comparison[Bob];
        Assert.Equal(Points.From(0), bob.ScoreBefore);
        Assert.Equal(Points.From(-3), bob.ScoreAfter);
        Assert.Equal(Points.From(-3), bob.ScoreDelta);
        Assert.Equal(BottomLineFlags.BelowFloor, bob.FlagsBefore); // 0 is already below a floor of 1
        Assert.Equal(BottomLineCrossing.None, bob.Crossing);
        Assert.Equal([Bob], comparison.Changes.Select(c => c.Member));
        Assert.Equal(1, comparison.MembersDown);
        Assert.Equal(2, comparison.MembersUnchanged);
        Assert.Equal(0, comparison.RankUp + comparison.RankDown);
    }

    [Fact]
    public void Compare_ReportsRankMovesStarsAndCrossings()
    {
        // Party days worth 0.5: Alice 3 + 1 = 4, Bob 2 − 4 = −2, Carol 1.5 + 2 = 3.5. Visits become worth more than party days.
        var comparison = RuleBookComparison.Compare(Book(), Book(partyDay: 0.5m, bandAt: 4), Year, Roster, Entries, new BottomLineRules { Floor = Points.From(-1) });

        var alice = comparison[Alice];
        Assert.Equal((Points.From(7), Points.From(4)), (alice.ScoreBefore, alice.ScoreAfter));
        Assert.Equal((1, 1, 0), (alice.RankBefore, alice.RankAfter, alice.RankMove));
        Assert.Equal((1, 1), (alice.StarsBefore, alice.StarsAfter));
        var carol = comparison[Carol];
        Assert.Equal((2, 2), (carol.RankBefore, carol.RankAfter));
        Assert.Equal((1, 0, -1), (carol.StarsBefore, carol.StarsAfter, carol.StarDelta)); // 3.5 is under the new band at 4
        var bob = comparison[Bob];
        Assert.Equal(BottomLineCrossing.Into, bob.Crossing); // 0 → −2, under the floor of −1
        Assert.Equal((1, 0), (comparison.CrossingsInto, comparison.CrossingsOutOf));
        Assert.Equal((0, 3), (comparison.MembersUp, comparison.MembersDown));
        Assert.Equal((2L, 1L), (comparison.StarsBefore, comparison.StarsAfter));
        Assert.Equal([new StarCountShift(0, 1, 2), new StarCountShift(1, 2, 1)], comparison.StarDistribution.ToArray());
    }

    [Fact]
    public void Compare_GivesEachCategorysShareOfTheAbsolutePoints()
    {
        var comparison = RuleBookComparison.Compare(Book(), Book(partyDay: 0.5m), Year, Roster, Entries);

        // Before: life 13, contacts 3, discipline −4 → |.| sums to 20. After: life 6.5, contacts 3, discipline −4 → 13.5.
        var life = comparison.Categories.Single(c => c.Code == "life");
        Assert.Equal((Points.From(13), Points.From(6.5m)), (life.TotalBefore, life.TotalAfter));
        Assert.Equal(13m / 20m, life.ShareBefore);
        Assert.Equal(6.5m / 13.5m, life.ShareAfter);
        Assert.Equal(6.5m / 13.5m - 13m / 20m, life.ShareShift);
        Assert.Equal(1m, comparison.Categories.Sum(c => c.ShareAfter), 20);
    }

    [Fact]
    public void Compare_DroppedItem_CountsOnlyUnderTheCurrentBook()
    {
        var comparison = RuleBookComparison.Compare(Book(), Book(dropVisit: true), Year, Roster, Entries);

        Assert.Equal(6, comparison.EntriesOfDroppedItems);
        Assert.Equal(Points.From(-2), comparison[Carol].ScoreDelta);
        Assert.Equal(Points.From(0), comparison.Categories.Single(c => c.Code == "contacts").TotalAfter);
    }

    [Fact]
    public void Compare_ReorderedItemsAndTiers_AreCarriedOverByCode()
    {
        var comparison = RuleBookComparison.Compare(Book(), Book(reorder: true), Year, Roster, Entries, FloorOfOne);

        Assert.Empty(comparison.Changes);
        Assert.Equal(0, comparison.EntriesOfDroppedItems);
        Assert.Equal(Points.From(0), comparison[Bob].ScoreAfter); // the high petition is still −3 after its tier moved
    }

    [Fact]
    public void Compare_ReorderedItems_OnTheLedger_GivesWhatTheEntriesGive()
    {
        var entries = RuleBookComparison.Compare(Book(), Book(reorder: true, high: -4), Year, Roster, Entries, FloorOfOne);
        var ledger = RuleBookComparison.Compare(Book(), Book(reorder: true, high: -4), Year, Roster, AssessmentEntryColumns.From(Entries), FloorOfOne);

        Assert.Equal(entries.Members.ToArray(), ledger.Members.ToArray());
        Assert.Equal(Points.From(-1), ledger[Bob].ScoreDelta);
    }

    [Fact]
    public void Compare_NegativeListItemOnlyInOneBook_FlagsUnderThatBookOnly()
    {
        var comparison = RuleBookComparison.Compare(Book(), Book(dropVisit: true), Year, Roster, Entries, new BottomLineRules { NegativeListItems = ["visit"] });

        Assert.Equal(BottomLineCrossing.OutOf, comparison[Alice].Crossing);
        Assert.Equal(BottomLineCrossing.OutOf, comparison[Carol].Crossing);
        Assert.Equal(2, comparison.CrossingsOutOf);
    }

    [Fact]
    public void Compare_Results_OfDifferentRosters_IsRefused()
    {
        var before = AssessmentEngine.Assess(Book(), Year, Roster, Entries);
        var after = AssessmentEngine.Assess(Book(), Year, [AliceSubject, BobSubject], Entries);

        var error = Assert.Throws<GridGovernanceValidationException>(() => RuleBookComparison.Compare(before, after));

        Assert.Equal("same-roster", Assert.Single(error.Problems).Rule);
    }

    [Fact]
    public void Compare_Results_OfDifferentPeriods_IsRefused()
    {
        var before = AssessmentEngine.Assess(Book(), Year, Roster, Entries);
        var after = AssessmentEngine.Assess(Book(), AssessmentPeriod.Year(2025), Roster, Entries);

        var error = Assert.Throws<GridGovernanceValidationException>(() => RuleBookComparison.Compare(before, after));

        Assert.Equal("same-period", Assert.Single(error.Problems).Rule);
    }

    [Fact]
    public void Indexer_MemberNotOnTheRoster_Throws()
    {
        var comparison = RuleBookComparison.Compare(Book(), Book(), Year, Roster, Entries);

        Assert.Throws<KeyNotFoundException>(() => comparison[new MemberId(99)]);
        Assert.False(comparison.TryFind(new MemberId(99), out _));
    }
}
