using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Signals;
using NodaTime;

namespace GridGovernance.Tests.Scoring.Signals;

public sealed class PointsSignalsTest
{
    private static readonly AssessmentPeriod Year = AssessmentPeriod.Year(2024);
    private static readonly OrgUnitId BranchA = new(10);
    private static readonly OrgUnitId BranchB = new(11);
    private static readonly MemberId Alice = new(1), Bob = new(2), Carol = new(3), Dan = new(4);
    private static readonly AssessmentSubject[] Roster =
    [
        new(Alice, MemberKind.InService, BranchA), new(Bob, MemberKind.InService, BranchA),
        new(Carol, MemberKind.InService, BranchB), new(Dan, MemberKind.InService, BranchB),
    ];

    // Items: 0..3 "award" +1 capped at 10, 4 "visit" +0.5 without a cap.
    private static readonly RuleBook Book = RuleBook.Create(new RuleBookDefinition
    {
        Id = "signals",
        Name = "signals",
        Categories = [new("life", "组织生活")],
        Items =
        [
            .. Enumerable.Range(0, 4).Select(i => new RuleItem($"award-{i}", "life", "award",
                [new RuleItemVersion { EffectiveFrom = new LocalDate(2024, 1, 1), Kind = ItemKind.Fixed, Points = Points.From(1), Cap = new PointsCap(Points.From(10)) }])),
            new RuleItem("visit", "life", "visit", [new RuleItemVersion { EffectiveFrom = new LocalDate(2024, 1, 1), Kind = ItemKind.Fixed, Points = Points.From(0.5m) }]),
        ],
    });

    private static SignalEntry E(MemberId member, int item, int dayOfYear, MemberId? reviewer = null, SignalReview review = SignalReview.NotReviewed, ulong evidence = 0) =>
        new(member, item, new LocalDate(2024, 1, 1).PlusDays(dayOfYear), Points.From(item == 4 ? 0.5m : 1))
        {
            Reviewer = reviewer ?? default,
            Review = reviewer is null ? SignalReview.NotReviewed : review,
            EvidenceKey = evidence,
        };

    private static PointsSignalReport Detect(IEnumerable<SignalEntry> entries, PointsSignalOptions? options = null) =>
        PointsSignals.Detect(Book, Year, Roster, entries.ToArray(), options);

    [Fact]
    public void JustUnderCap_ThreeItemsAtNineOfTen_IsSignalled()
    {
        var entries = Enumerable.Range(0, 3).SelectMany(item => Enumerable.Range(0, 9).Select(d => E(Alice, item, d * 10)))
            .Concat(Enumerable.Range(0, 10).Select(d => E(Bob, 0, d))) // at the cap: not "just under"
            .Concat(Enumerable.Range(0, 9).Select(d => E(Bob, 1, d)));

        var signal = Assert.Single(Detect(entries).Of(SignalPattern.JustUnderCap));

        Assert.Equal(Alice, signal.Member);
        Assert.Equal((3, 3, 3.0), (signal.Observed, signal.OutOf, signal.Score));
        Assert.Contains("临界封顶", signal.Explanation);
        Assert.Contains("Just under the cap", signal.Explanation);
    }

    [Fact]
    public void JustUnderCap_RejectedEntriesDoNotCount()
    {
        var entries = Enumerable.Range(0, 3).SelectMany(item => Enumerable.Range(0, 9).Select(d => E(Alice, item, d, Bob, d == 0 ? SignalReview.Rejected : SignalReview.Approved)));

        Assert.Empty(Detect(entries).Of(SignalPattern.JustUnderCap)); // 8 of 10 is outside the 15 % band
    }

    [Fact]
    public void EndOfPeriodBurst_MemberAndBranch()
    {
        var entries = Enumerable.Range(0, 6).Select(d => E(Alice, 4, d * 50))
            .Concat(Enumerable.Range(0, 6).Select(d => E(Alice, 4, 360 - d)))
            .Concat(Enumerable.Range(0, 12).Select(d => E(Carol, 4, d * 30)));

        var report = Detect(entries, new PointsSignalOptions { MinEntriesForBurst = 1 });
        var signals = report.Of(SignalPattern.EndOfPeriodBurst).ToList();

        var alice = Assert.Single(signals, s => s.Member == Alice);
        Assert.Equal((6, 12), (alice.Observed, alice.OutOf));
        Assert.Equal(0.5 / (14.0 / 366), alice.Score, 9);
        Assert.Contains("期末突击", alice.Explanation);
        var branch = Assert.Single(signals, s => s.Member is null); // branch A: 6 of 12 (a branch needs ten times the entries of a member: 10)
        Assert.Equal(BranchA, branch.Branch);
        Assert.DoesNotContain(signals, s => s.Member == Carol);
    }

    [Fact]
    public void OwnBranchApprovals_ApprovesEverythingOfOwnBranchWhileOthersReject()
    {
        // Carol rejects half of what Dan declares; Alice approves all 30 of Bob's.
        var entries = Enumerable.Range(0, 30).Select(d => E(Bob, 4, d, Alice, SignalReview.Approved))
            .Concat(Enumerable.Range(0, 60).Select(d => E(Dan, 4, d, Carol, d % 2 == 0 ? SignalReview.Approved : SignalReview.Rejected)));

        var signal = Assert.Single(Detect(entries).Of(SignalPattern.OwnBranchApprovals));

        Assert.Equal(Alice, signal.Member);
        Assert.Equal((30, 30), (signal.Observed, signal.OutOf));
        double expected = -Math.Log10(Math.Pow(60.0 / 90, 30));
        Assert.Equal(expected, signal.Score, 6);
        Assert.Contains("本支部放水", signal.Explanation);
    }

    [Fact]
    public void ReciprocalApprovals_PairIsSignalledOnce()
    {
        var entries = Enumerable.Range(0, 3).Select(d => E(Alice, 4, d, Carol, SignalReview.Approved))
            .Concat(Enumerable.Range(0, 4).Select(d => E(Carol, 4, d, Alice, SignalReview.Approved)))
            .Concat(Enumerable.Range(0, 5).Select(d => E(Bob, 4, d, Dan, SignalReview.Approved))); // one way only

        var signal = Assert.Single(Detect(entries).Of(SignalPattern.ReciprocalApprovals));

        Assert.Equal((Alice, Carol), (signal.Member, signal.Counterpart));
        Assert.Equal((3.0, 7), (signal.Score, signal.OutOf));
        Assert.Contains("互批互审", signal.Explanation);
        Assert.Equal([Alice, Carol], Detect(entries).FlaggedMembers.ToArray());
    }

    [Fact]
    public void DuplicateEvidence_SameEvidenceTwice()
    {
        ulong photo = SignalEntry.EvidenceKeyOf("IMG_2024_0301.jpg");
        var entries = new[]
        {
            E(Alice, 4, 10, evidence: photo), E(Alice, 4, 40, evidence: SignalEntry.EvidenceKeyOf("  img_2024_0301.JPG ")),
            E(Bob, 4, 10, evidence: SignalEntry.EvidenceKeyOf("IMG_2024_0302.jpg")), E(Carol, 4, 12, evidence: SignalEntry.EvidenceKeyOf("IMG_2024_0302.jpg")),
        };

        var signals = Detect(entries).Of(SignalPattern.DuplicateEvidence).ToList();

        var alice = Assert.Single(signals); // Bob and Carol share one piece each: under the default of two entries
        Assert.Equal((Alice, 2, 2), (alice.Member, alice.Observed, alice.OutOf));
        Assert.Equal(3, Detect(entries, new PointsSignalOptions { MinDuplicateEntries = 1 }).Of(SignalPattern.DuplicateEvidence).Count());
    }

    [Fact]
    public void EvidenceKeyOf_NormalisesSpaceAndCase_AndIsZeroForNoText()
    {
        Assert.Equal(SignalEntry.EvidenceKeyOf("照片 A  001"), SignalEntry.EvidenceKeyOf(" 照片\ta 001 "));
        Assert.NotEqual(SignalEntry.EvidenceKeyOf("照片 A 001"), SignalEntry.EvidenceKeyOf("照片 A 002"));
        Assert.Equal(0UL, SignalEntry.EvidenceKeyOf(null));
        Assert.Equal(0UL, SignalEntry.EvidenceKeyOf("   "));
    }

    [Fact]
    public void EntriesOutsideThePeriodAndOfUnknownMembers_AreCounted()
    {
        var report = Detect([E(Alice, 4, -3), E(new MemberId(99), 4, 3), E(Alice, 4, 3)]);

        Assert.Equal((1, 1), (report.EntriesOutsidePeriod, report.EntriesOfUnknownMembers));
        Assert.Empty(report.Signals);
    }

    [Fact]
    public void Options_OutOfRange_AreAllListed()
    {
        var error = Assert.Throws<GridGovernanceValidationException>(() =>
            Detect([], new PointsSignalOptions { NearCapBand = 0, ClosingWindowDays = 0, MinOwnBranchSurprise = double.NaN }));

        Assert.Equal(["NearCapBand", "ClosingWindowDays", "MinOwnBranchSurprise"], error.Problems.Select(p => p.Field));
        Assert.All(error.Problems, p => Assert.Equal(ErrorCodes.OutOfRange, p.Rule));
    }

    [Fact]
    public void Roster_MemberTwice_IsRefused()
    {
        Assert.Throws<GridGovernanceValidationException>(() => PointsSignals.Detect(Book, Year, [.. Roster, Roster[0]], []));
    }

    [Theory]
    [InlineData(10, 10, 0.5, -3.0103)] // 0.5^10
    [InlineData(10, 0, 0.5, 0)]
    [InlineData(4, 2, 0.5, -0.1627)] // 11/16
    public void BinomialTailLog10_IsTheTailProbability(int n, int k, double p, double expected)
    {
        Assert.Equal(expected, PointsSignals.BinomialTailLog10(n, k, p), 4);
    }
}
