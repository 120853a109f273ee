using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Stars;
using static GridGovernance.Tests.Scoring.Stars.StarsRankingsBook;

namespace GridGovernance.Tests.Scoring.Stars;

public sealed class ExcellentMemberSelectionTest
{
    private static MemberStars Stars(int member, int branch, int total, int score = 0, bool vetoed = false) =>
        new(new MemberId(member), new OrgUnitId(branch), Points.From(score), vetoed, total, [], 0);

    [Fact]
    public void Select_BestByStarsThenScoreThenId()
    {
        MemberStars[] members =
        [
            Stars(1, 1000, 3, score: 10),
            Stars(2, 1000, 5, score: 1),
            Stars(3, 1000, 3, score: 12),
            Stars(4, 1000, 3, score: 12),
            Stars(5, 1000, 1, score: 50),
        ];

        var selected = ExcellentMemberSelection.Select(members, ExcellentQuota.PerBranch(3));

        Assert.Equal([2, 3, 4], selected.Select(s => s.Member.Value));
    }

    [Fact]
    public void Select_TieAtTheQuotaEdge_LowerIdTaken()
    {
        MemberStars[] members = [Stars(9, 1000, 3, 10), Stars(4, 1000, 3, 10), Stars(6, 1000, 3, 10)];

        Assert.Equal([4], ExcellentMemberSelection.Select(members, ExcellentQuota.PerBranch(1)).Select(s => s.Member.Value));
        Assert.Equal([4, 6], ExcellentMemberSelection.Select(members.Reverse(), ExcellentQuota.PerBranch(2)).Select(s => s.Member.Value));
    }

    [Fact]
    public void Select_VetoedNeverSelected()
    {
        MemberStars[] members = [Stars(1, 1000, 9, vetoed: true), Stars(2, 1000, 1)];

        var selected = ExcellentMemberSelection.Select(members, ExcellentQuota.PerBranch(2));

        Assert.Equal([2], selected.Select(s => s.Member.Value));
    }

    [Fact]
    public void Select_QuotaPerBranch_BranchesInIdOrder()
    {
        MemberStars[] members =
        [
            Stars(1, 2000, 1), Stars(2, 2000, 2), Stars(3, 2000, 3),
            Stars(4, 1000, 1), Stars(5, 1000, 5),
        ];

        var selected = ExcellentMemberSelection.Select(members, ExcellentQuota.PerBranch(2));

        Assert.Equal([5, 4, 3, 2], selected.Select(s => s.Member.Value));
    }

    [Fact]
    public void Select_ShareCountsVetoedMembersInTheBranchSize()
    {
        // Ten members, two vetoed: 20 % of ten is two.
        var members = Enumerable.Range(1, 10).Select(i => Stars(i, 1000, i, vetoed: i >= 9)).ToList();

        var selected = ExcellentMemberSelection.Select(members, ExcellentQuota.ShareOfBranch(0.2m));

        Assert.Equal([8, 7], selected.Select(s => s.Member.Value));
    }

    [Fact]
    public void Select_MinimumStars()
    {
        MemberStars[] members = [Stars(1, 1000, 4), Stars(2, 1000, 2), Stars(3, 1000, 3)];

        var selected = ExcellentMemberSelection.Select(members, ExcellentQuota.PerBranch(3), minimumStars: 3);

        Assert.Equal([1, 3], selected.Select(s => s.Member.Value));
    }

    [Fact]
    public void Select_FromAssessmentResult()
    {
        var roster = new[] { Subject(1), Subject(2), Subject(3), Subject(4, 1001) };
        var entries = Times(1, PartyDay, 3)
            .Concat(Times(2, PartyDay, 6))
            .Concat(Times(3, PartyDay, 9)).Concat(Times(3, SeriousViolation, 1))
            .Concat(Times(4, ProblemSolved, 1));
        var result = Assess(roster, entries);

        var selected = ExcellentMemberSelection.Select(result, ExcellentQuota.PerBranch(1));

        Assert.Equal([2, 4], selected.Select(s => s.Member.Value));
    }

    [Fact]
    public void Select_BadInput_Throws()
    {
        Refused.With("members", ErrorCodes.DuplicateInput, () => ExcellentMemberSelection.Select([Stars(1, 1000, 1), Stars(1, 1001, 1)], ExcellentQuota.PerBranch(1)));
        Assert.Throws<GridGovernanceValidationException>(() => ExcellentMemberSelection.Select([null!], ExcellentQuota.PerBranch(1)));
        Refused.With("minimumStars", ErrorCodes.OutOfRange, () => ExcellentMemberSelection.Select([], ExcellentQuota.PerBranch(1), -1));
        Assert.Throws<ArgumentNullException>(() => ExcellentMemberSelection.Select([], null!));
    }

    [Property(Arbitrary = new[] { typeof(SelectionArbitraries) }, MaxTest = 200)]
    public bool Select_NeverExceedsTheQuotaAndNeverSelectsAVetoedMember(SelectionScenario scenario)
    {
        var result = Assess(scenario.Roster, scenario.Entries);
        var all = StarCalculator.For(result);
        var quota = scenario.Quota;

        var selected = ExcellentMemberSelection.Select(all, quota);

        var sizes = all.GroupBy(s => s.Branch).ToDictionary(g => g.Key, g => g.Count());
        bool withinQuota = selected.GroupBy(s => s.Branch).All(g => g.Count() <= quota.For(sizes[g.Key]));
        bool noVeto = selected.All(s => !s.Vetoed);
        // Nobody left out of a branch that has room beats someone selected in it.
        bool best = selected.GroupBy(s => s.Branch).All(g =>
        {
            var worstSelected = g.Last();
            return all.Where(s => s.Branch == g.Key && !s.Vetoed && !g.Contains(s)).All(s => ExcellentMemberSelection.Compare(worstSelected, s) < 0);
        });
        bool filled = sizes.All(kv => selected.Count(s => s.Branch == kv.Key) == Math.Min(quota.For(kv.Value), all.Count(s => s.Branch == kv.Key && !s.Vetoed)));
        return withinQuota && noVeto && best && filled;
    }

    public sealed record SelectionScenario(AssessmentSubject[] Roster, AssessmentEntry[] Entries, ExcellentQuota Quota)
    {
        public override string ToString() =>
            $"{Roster.Length} members, {Entries.Length} entries, quota {Quota}: " + string.Join(", ", Entries.Select(e => $"{e.Member.Value}/{e.ItemIndex}/{e.Value}"));
    }

    public static class SelectionArbitraries
    {
        public static Arbitrary<SelectionScenario> Scenarios() =>
            (from count in Gen.Choose(0, 25)
            from branches in Gen.ArrayOf(Gen.Choose(1, 4), count)
            from entries in Gen.ListOf(Entry(count))
            from quota in Gen.OneOf(Gen.Choose(0, 4).Select(ExcellentQuota.PerBranch), Gen.Choose(0, 100).Select(p => ExcellentQuota.ShareOfBranch(p / 100m)))
            select new SelectionScenario(
                branches.Select((b, i) => Subject(i + 1, 1000 + b)).ToArray(),
                [.. entries.Where(e => e.Member.Value <= count)],
                quota)).ToArbitrary();

        private static Gen<AssessmentEntry> Entry(int count) =>
            from member in Gen.Choose(1, Math.Max(1, count))
            from item in Gen.Frequency((5, Gen.Constant(PartyDay)), (3, Gen.Constant(ProblemSolved)), (3, Gen.Constant(Volunteer)), (1, Gen.Constant(Violation)), (1, Gen.Constant(SeriousViolation)))
            from day in Gen.Choose(0, 360)
            from value in Gen.Choose(1, 5)
            select new AssessmentEntry(new MemberId(member), item, From.PlusDays(day), day) { Value = Points.From(value) };
    }
}
