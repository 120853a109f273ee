using GridGovernance.Contacts;
using GridGovernance.Organisation;

namespace GridGovernance.Tests.Contacts;

public sealed class ContactPlanEngineTest
{
    private static readonly OrgUnitId CommunityA = new(1);
    private static readonly OrgUnitId CommunityB = new(2);
    private static readonly OrgUnitId Grid1 = new(11);
    private static readonly OrgUnitId Grid2 = new(12);
    private static readonly OrgUnitId Grid3 = new(21);

    /// <summary>A point <paramref name="east"/> and <paramref name="north"/> metres from a fixed origin in Laiwu.</summary>
    internal static GeoPoint At(double east, double north) =>
        new(36.2 + (north / 111_195.0), 117.67 + (east / (111_195.0 * Math.Cos(36.2 * Math.PI / 180))));

    private static ContactHousehold House(int id, OrgUnitId community, OrgUnitId grid, double east, double north = 0) => new(new HouseholdId(id), community, grid, At(east, north));

    private static ContactMember Member(int id, OrgUnitId community, OrgUnitId grid, double east, MemberKind kind = MemberKind.LongResident) => new(new MemberId(id), community, grid, kind, At(east, 0));

    [Fact]
    public void EachHousehold_GoesToTheNearestMember_WhileThereIsRoom()
    {
        var plan = ContactPlanEngine.Plan(
            [House(1, CommunityA, Grid1, 0), House(2, CommunityA, Grid1, 1000)],
            [Member(1, CommunityA, Grid1, 50), Member(2, CommunityA, Grid1, 950)]);
        Assert.Equal(new MemberId(1), plan.MemberOf(new HouseholdId(1)));
        Assert.Equal(new MemberId(2), plan.MemberOf(new HouseholdId(2)));
        Assert.Equal(100, plan.TotalDistanceMetres, 1.0);
        Assert.Equal(50, plan.LinkOf(new HouseholdId(1))!.Value.DistanceMetres, 1.0);
    }

    [Fact]
    public void Capacity_SendsTheHouseholdsThatLoseLeastToTheFartherMember()
    {
        var options = ContactPlanOptions.Default with { Capacities = ContactPlanOptions.Default.Capacities.SetItem(MemberKind.LongResident, 1) };
        // Both households are nearest member 1; the one at 400 loses least by going to member 2 at 600.
        var plan = ContactPlanEngine.Plan(
            [House(1, CommunityA, Grid1, 0), House(2, CommunityA, Grid1, 400)],
            [Member(1, CommunityA, Grid1, 100), Member(2, CommunityA, Grid1, 600)],
            options);
        Assert.Equal(new MemberId(1), plan.MemberOf(new HouseholdId(1)));
        Assert.Equal(new MemberId(2), plan.MemberOf(new HouseholdId(2)));
        Assert.Equal(300, plan.TotalCostMetres, 1.0);
    }

    [Fact]
    public void Links_NeverCrossCommunities_AndACommunityWithoutMembers_IsListedWithItsReason()
    {
        var plan = ContactPlanEngine.Plan(
            [House(1, CommunityA, Grid1, 0), House(2, CommunityB, Grid3, 10)],
            [Member(1, CommunityA, Grid1, 20)]);
        Assert.Equal(1, plan.CoveredCount);
        var uncovered = Assert.Single(plan.Uncovered);
        Assert.Equal(new UncoveredHousehold(new HouseholdId(2), CommunityB, Grid3, UncoveredReason.NoMemberAvailable), uncovered);
    }

    [Fact]
    public void WhenAllMembersAreFull_TheHouseholdsCheapestToLeaveOut_AreListed()
    {
        var options = ContactPlanOptions.Default with { Capacities = ContactPlanOptions.Default.Capacities.SetItem(MemberKind.LongResident, 2) };
        var plan = ContactPlanEngine.Plan(
            [House(1, CommunityA, Grid1, 0), House(2, CommunityA, Grid1, 10), House(3, CommunityA, Grid1, 900)],
            [Member(1, CommunityA, Grid1, 0)],
            options);
        Assert.Equal(2, plan.CoveredCount);
        Assert.Equal(new HouseholdId(3), Assert.Single(plan.Uncovered).Household);
        Assert.Equal(UncoveredReason.AllMembersFull, plan.Uncovered[0].Reason);
    }

    [Fact]
    public void CrossGridPenalty_PrefersTheSameGrid_UnlessTheOtherIsThatMuchNearer()
    {
        var options = ContactPlanOptions.Default with { CrossGridPenaltyMetres = 300 };
        var plan = ContactPlanEngine.Plan(
            [House(1, CommunityA, Grid1, 0), House(2, CommunityA, Grid1, 1000)],
            [Member(1, CommunityA, Grid1, 250), Member(2, CommunityA, Grid2, -10), Member(3, CommunityA, Grid1, 1400), Member(4, CommunityA, Grid2, 1010)],
            options);
        Assert.Equal(new MemberId(1), plan.MemberOf(new HouseholdId(1))); // 250 same grid < 10 + 300
        Assert.Equal(new MemberId(4), plan.MemberOf(new HouseholdId(2))); // 10 + 300 < 400 same grid
        Assert.True(plan.LinkOf(new HouseholdId(2))!.Value.CrossGrid);
        Assert.Equal(250 + 10 + 300, plan.TotalCostMetres, 1.0);
    }

    [Fact]
    public void ForbiddenCrossGrid_LeavesAGridWithoutMembersUncovered()
    {
        var plan = ContactPlanEngine.Plan(
            [House(1, CommunityA, Grid1, 0), House(2, CommunityA, Grid2, 10)],
            [Member(1, CommunityA, Grid1, 20)],
            ContactPlanOptions.Default with { AllowCrossGrid = false });
        Assert.Equal(new MemberId(1), plan.MemberOf(new HouseholdId(1)));
        Assert.Equal(UncoveredReason.NoMemberAvailable, Assert.Single(plan.Uncovered).Reason);
    }

    [Fact]
    public void InServiceMembers_TakeFewerHouseholds()
    {
        var households = Enumerable.Range(1, 10).Select(i => House(i, CommunityA, Grid1, i)).ToArray();
        var plan = ContactPlanEngine.Plan(households, [Member(1, CommunityA, Grid1, 0, MemberKind.InService)]);
        Assert.Equal(ContactPlanOptions.Default.CapacityOf(MemberKind.InService), plan.LoadOf(new MemberId(1)));
        Assert.Equal(plan.HouseholdsOf(new MemberId(1)).Count, plan.LoadOf(new MemberId(1)));
    }

    [Fact]
    public void CoverageByGrid_CountsHouseholdsAndLinks()
    {
        var plan = ContactPlanEngine.Plan(
            [House(1, CommunityA, Grid1, 0), House(2, CommunityA, Grid2, 10), House(3, CommunityB, Grid3, 0)],
            [Member(1, CommunityA, Grid1, 20)]);
        var rows = plan.CoverageByGrid();
        Assert.Equal([new(Grid1, CommunityA, 1, 1), new(Grid2, CommunityA, 1, 1), new GridContactCoverage(Grid3, CommunityB, 1, 0)], rows.ToArray());
        Assert.Equal(0, rows[2].Rate);
    }

    [Fact]
    public void DuplicateAndUnsetIds_AreAllReported_AndNothingIsPlanned()
    {
        var ex = Assert.Throws<GridGovernanceValidationException>(() => ContactPlanEngine.Plan(
            [House(1, CommunityA, Grid1, 0), House(1, CommunityA, Grid1, 5), new ContactHousehold(new HouseholdId(3), default, Grid1, At(0, 0))],
            [Member(1, CommunityA, Grid1, 0), Member(1, CommunityA, Grid1, 0)]));
        Assert.Equal(
            [ErrorCodes.ContactsDuplicateId, ErrorCodes.ContactsMissingReference, ErrorCodes.ContactsDuplicateId],
            ex.Problems.Select(p => p.Rule).ToArray());
    }

    [Fact]
    public void BadOptions_AreAllReported()
    {
        var options = ContactPlanOptions.Default with { CandidatesPerHousehold = 0, CrossGridPenaltyMetres = -1, KeepBonusMetres = 0, Capacities = ContactPlanOptions.Default.Capacities.SetItem(MemberKind.Mobile, -2) };
        var ex = Assert.Throws<GridGovernanceValidationException>(() => ContactPlanEngine.Plan([], [], options));
        Assert.Equal(4, ex.Problems.Count);
        Assert.All(ex.Problems, p => Assert.Equal(ErrorCodes.ContactsInvalidOptions, p.Rule));
    }

    [Fact]
    public void Progress_ReachesEveryPool_AndCancellationStopsTheRun()
    {
        var s = GridGovernance.Testing.ContactGenerator.Generate(2_000, 200, 7, householdsPerCommunity: 100);
        var reports = new List<ContactPlanProgress>();
        ContactPlanEngine.Plan(s.Households, s.Members, progress: new SyncProgress(reports));
        Assert.Equal(new ContactPlanProgress(20, 20), reports.MaxBy(r => r.PoolsDone));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ContactPlanEngine.Plan(s.Households, s.Members, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Rebalancing_AfterAMemberLeaves_MovesOnlyTheirHouseholds()
    {
        var households = Enumerable.Range(1, 20).Select(i => House(i, CommunityA, Grid1, i * 50)).ToArray();
        ContactMember[] members = [Member(1, CommunityA, Grid1, 0), Member(2, CommunityA, Grid1, 500), Member(3, CommunityA, Grid1, 1000)];
        var plan = ContactPlanEngine.Plan(households, members);
        var theirs = plan.HouseholdsOf(new MemberId(2));
        var result = ContactPlanEngine.Rebalance(plan, households, members.Where(m => m.Id != new MemberId(2)).ToArray());
        Assert.Equal(theirs.Order(), result.Diff.Removed.Select(l => l.Household).Order());
        Assert.Equal(theirs.Order(), result.Diff.Added.Select(l => l.Household).Order());
        Assert.Equal(20, result.Plan.CoveredCount);
    }

    [Fact]
    public void Rebalancing_KeepsALink_UnlessTheGainPassesTheThreshold()
    {
        ContactHousehold[] households = [House(1, CommunityA, Grid1, 0)];
        var plan = ContactPlanEngine.Plan(households, [Member(1, CommunityA, Grid1, 300)]);
        // A new member 150 m nearer: below the 200 m keep bonus, the link stays.
        var small = ContactPlanEngine.Rebalance(plan, households, [Member(1, CommunityA, Grid1, 300), Member(2, CommunityA, Grid1, 150)]);
        Assert.True(small.Diff.IsEmpty);
        // A new member 290 m nearer: the household moves.
        var large = ContactPlanEngine.Rebalance(plan, households, [Member(1, CommunityA, Grid1, 300), Member(2, CommunityA, Grid1, 10)]);
        Assert.Equal(new MemberId(2), Assert.Single(large.Diff.Added).Member);
        Assert.Equal(new MemberId(1), Assert.Single(large.Diff.Removed).Member);
    }

    [Fact]
    public void RebalancingOneCommunity_RefusesRowsOfAnotherCommunity_AndIdsAnotherCommunityUses()
    {
        var plan = ContactPlanEngine.Plan([House(1, CommunityA, Grid1, 0), House(2, CommunityB, Grid3, 0)], [Member(1, CommunityA, Grid1, 0)]);
        var ex = Assert.Throws<GridGovernanceValidationException>(() =>
            ContactPlanEngine.RebalanceCommunity(plan, CommunityA, [House(1, CommunityA, Grid1, 0), House(2, CommunityA, Grid1, 0), House(3, CommunityB, Grid3, 0)], []));
        Assert.Equal([ErrorCodes.ContactsMissingReference, ErrorCodes.ContactsDuplicateId], ex.Problems.Select(p => p.Rule).ToArray());
    }

    private sealed class SyncProgress(List<ContactPlanProgress> reports) : IProgress<ContactPlanProgress>
    {
        public void Report(ContactPlanProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
