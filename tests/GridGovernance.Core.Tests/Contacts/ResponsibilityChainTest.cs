using FsCheck.Xunit;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Contacts;

public sealed class ResponsibilityChainTest
{
    private static readonly Lazy<ChainFixture> Community = new(() => new ChainFixture(CitySize.Community, 3));

    [Fact]
    public void ContactRoster_PlacesEveryHouseholdAndMember_WithALocation()
    {
        var f = Community.Value;
        Assert.Equal(f.Households.Length, f.Roster.Households.Length + f.Roster.HouseholdsLeftOut.Length);
        Assert.All(f.Roster.Households, h => Assert.Equal(f.City.Schema.GridKind, f.Index.KindOf(h.Grid)));
        Assert.All(f.Roster.Households, h => Assert.True(f.Index.IsAncestorOf(h.Community, h.Grid)));
        Assert.NotEmpty(f.Roster.Members);
    }

    [Fact]
    public void AHouseholdsChain_RunsFromItsContactToTheDistrict()
    {
        var f = Community.Value;
        var chains = ResponsibilityChainIndex.Build(f.Index, f.Members, f.Households, f.Plan);
        var household = f.Plan.Links.First().Household;
        var chain = chains.ChainOf(household);
        Assert.Equal(f.Plan.MemberOf(household), chain.Contact);
        Assert.Equal(UnitKind.District, chain.Levels[^1].Kind);
        Assert.Equal(UnitKind.Street, chain.Levels[^2].Kind);
        Assert.Equal(UnitKind.Community, chain.Levels[^3].Kind);
        Assert.Contains(chain.Levels, l => l.Kind == UnitKind.GridBranch);
        Assert.All(chain.Levels.Where(l => l.Kind != UnitKind.PartyGroup && l.Kind != UnitKind.GridBranch), l => Assert.Equal(RoleKind.Secretary, l.Role));
    }

    [Fact]
    public void WhenTheContactsGroupSitsUnderTheHouseholdsGrid_TheGroupLeaderAnswersFirst()
    {
        var f = Community.Value;
        var chains = ResponsibilityChainIndex.Build(f.Index, f.Members, f.Households, f.Plan);
        var members = f.Members.ToDictionary(m => m.Id);
        var households = f.Households.ToDictionary(h => h.Id);
        var link = f.Plan.Links.First(l =>
            f.Index.KindOf(members[l.Member].BranchId) == UnitKind.PartyGroup
            && f.Index.ParentOf(members[l.Member].BranchId) == (NodeRef)households[l.Household].UnitId);
        var first = chains.ChainOf(link.Household).Levels[0];
        Assert.Equal((members[link.Member].BranchId, UnitKind.PartyGroup, (RoleKind?)RoleKind.GroupLeader), (first.Unit, first.Kind, first.Role));
        // A contact from a group of another grid (a cross-grid link) does not bring their group into the chain.
        var householdRow = f.Roster.Households[0];
        var plan = ContactPlanEngine.Plan([householdRow], f.Roster.Members.Where(m => m.Grid != householdRow.Grid).Take(1));
        var crossChains = ResponsibilityChainIndex.Build(f.Index, f.Members, f.Households, plan);
        Assert.True(plan.LinkOf(householdRow.Id)!.Value.CrossGrid);
        Assert.Equal(householdRow.Grid, crossChains.ChainOf(householdRow.Id).Levels[0].Unit);
    }

    [Fact]
    public void ContactRoster_PutsAnInServiceMemberInTheCommunityTheyRegisteredWith()
    {
        var f = new ChainFixture(CitySize.Street, 4);
        var communities = f.Units.Where(u => u.Kind == UnitKind.Community).Select(u => u.Id).Order().ToArray();
        var member = f.Members.First(m => m.Kind == MemberKind.InService && m.Location is not null);
        var home = f.Roster.Members.Single(m => m.Id == member.Id).Community;
        var elsewhere = communities.First(c => c != home);
        member.RegisterWith(elsewhere, new Validity(f.City.Date));
        var roster = ContactRoster.From(f.Index, f.City.Schema, f.Members, f.Households);
        var row = roster.Members.Single(m => m.Id == member.Id);
        Assert.Equal((elsewhere, elsewhere), (row.Community, row.Grid));
    }

    [Fact]
    public void AnUnknownHousehold_HasNoChain()
    {
        var f = Community.Value;
        var chains = ResponsibilityChainIndex.Build(f.Index, f.Members, f.Households, f.Plan);
        var ex = Assert.Throws<GridGovernanceException>(() => chains.ChainOf(new HouseholdId(int.MaxValue)));
        Assert.Equal(ErrorCodes.ContactsUnknownReference, ex.Code);
        Assert.False(chains.Contains(new HouseholdId(int.MaxValue)));
    }

    [Fact]
    public void SparseHouseholdIds_GiveTheSameChains_AsDenseOnes()
    {
        // Every tenth household: ids spread over ten times their number, so the index searches instead of reading a
        // table by id; both must agree, and the households left out (between and beyond them) have no chain.
        var f = Community.Value;
        var dense = ResponsibilityChainIndex.Build(f.Index, f.Members, f.Households, f.Plan);
        var some = f.Households.Where((_, i) => i % 10 == 0).ToArray();
        var sparse = ResponsibilityChainIndex.Build(f.Index, f.Members, some, f.Plan);
        Assert.Equal(some.Length, sparse.Count);
        Assert.True(some.Max(h => h.Id.Value) - some.Min(h => h.Id.Value) + 1 > (2 * some.Length) + 1024, "the ids should be too sparse for a table");
        foreach (var household in some)
        {
            var (a, b) = (dense.ChainOf(household.Id), sparse.ChainOf(household.Id));
            Assert.Equal((a.Household, a.Contact), (b.Household, b.Contact));
            Assert.Equal(a.Levels.AsEnumerable(), b.Levels.AsEnumerable());
        }
        var left = f.Households.Where((_, i) => i % 10 != 0).Select(h => h.Id).ToArray();
        Assert.All(left, id => Assert.False(sparse.Contains(id)));
        Assert.All(left, id => Assert.True(dense.Contains(id)));
        Assert.False(dense.Contains(new HouseholdId(f.Households.Max(h => h.Id.Value) + 1000)));
        Assert.False(dense.Contains(new HouseholdId(f.Households.Max(h => h.Id.Value) + 1)));
    }

    [Fact]
    public void Health_ListsUnitsWithoutAnswerers_AndHouseholdsWithoutContacts()
    {
        // Every leadership post vacant (the generator fills them all by default).
        var f = new ChainFixture(CitySize.Community with { VacancyRate = 1 }, 5, secretaries: false);
        // Leave half the households without a member: plan with a member pool of one.
        var plan = ContactPlanEngine.Plan(f.Roster.Households, f.Roster.Members.Take(1));
        var chains = ResponsibilityChainIndex.Build(f.Index, f.Members, f.Households, plan);
        var health = chains.Health();
        Assert.False(health.IsHealthy);
        Assert.Contains(health.UnitsWithoutAnswerer, u => u.Kind == UnitKind.District && u.ExpectedRoles.Contains(RoleKind.Secretary));
        Assert.Contains(health.UnitsWithoutAnswerer, u => u.Kind == UnitKind.Community);
        Assert.Equal(f.Roster.Households.Length - plan.CoveredCount, health.HouseholdsWithoutContact.Length);
        Assert.All(health.HouseholdsWithoutContact, h => Assert.Null(plan.MemberOf(h.Household)));
        Assert.All(health.HouseholdsWithoutContact, h => Assert.Equal(UncoveredReason.AllMembersFull, h.Reason));
    }

    [Fact]
    public void Health_OfAFullyStaffedCommunity_ListsOnlyTheGapsTheGeneratorLeft()
    {
        var f = Community.Value;
        var health = ResponsibilityChainIndex.Build(f.Index, f.Members, f.Households, f.Plan).Health();
        Assert.DoesNotContain(health.UnitsWithoutAnswerer, u => u.Kind == UnitKind.Community || u.Kind == UnitKind.Street || u.Kind == UnitKind.District);
        Assert.Equal(f.Plan.Uncovered.Length, health.HouseholdsWithoutContact.Length);
    }

    [Property(MaxTest = 6)]
    public bool EveryChain_IsConsistentWithTheHierarchyAsOfItsDate(int seed)
    {
        var f = new ChainFixture(CitySize.Community, seed);
        var chains = ResponsibilityChainIndex.Build(f.Index, f.Members, f.Households, f.Plan);
        var members = f.Members.ToDictionary(m => m.Id);
        foreach (var household in f.Households)
        {
            var chain = chains.ChainOf(household.Id);
            var unit = household.UnitOn(f.Index.AsOf)!.Value;
            // Levels: strictly ascending in the tree, each an ancestor-or-self of the household's unit or a child group of it.
            for (int i = 0; i < chain.Levels.Length; i++)
            {
                var level = chain.Levels[i];
                bool onPath = f.Index.IsAncestorOrSelf(level.Unit, unit) || (i == 0 && f.Index.ParentOf(level.Unit) == (NodeRef)unit);
                bool ascending = i == 0 || f.Index.IsAncestorOf(level.Unit, chain.Levels[i - 1].Unit);
                bool answererHolds = level.Answerer is not MemberId a || members[a].RolesOn(f.Index.AsOf).Any(r => r.Unit == level.Unit && r.Role == level.Role);
                if (!onPath || !ascending || !answererHolds || level.Kind != f.Index.KindOf(level.Unit))
                {
                    return false;
                }
            }
            if (chain.Contact != f.Plan.MemberOf(household.Id))
            {
                return false;
            }
        }
        return true;
    }

    [Fact]
    public void AChainAsOfAnEarlierDate_UsesTheRolesHeldThen()
    {
        // Vacant posts, so that the grid has no answerer until the newcomer's term starts.
        var f = new ChainFixture(CitySize.Community with { VacancyRate = 1 }, 3);
        var grid = f.Units.First(u => u.Kind == UnitKind.GridBranch);
        var later = f.City.Date.PlusDays(30);
        var newcomer = f.Members.Where(m => m.BranchId != grid.Id).MaxBy(m => m.Id)!;
        newcomer.Assign(new RoleAssignment(RoleKind.Secretary, grid.Id, Employment.PartTime, new Validity(later)));
        var now = ResponsibilityChainIndex.Build(f.Index, f.Members, f.Households, f.Plan);
        var then = ResponsibilityChainIndex.Build(HierarchyIndex.Build(f.Units, f.Members, f.Households, later), f.Members, f.Households, f.Plan);
        var household = f.Households.First(h => h.UnitId == grid.Id).Id;
        Assert.Null(now.ChainOf(household).Levels.First(l => l.Unit == grid.Id).Answerer);
        Assert.Equal(newcomer.Id, then.ChainOf(household).Levels.First(l => l.Unit == grid.Id).Answerer);
    }

    [Fact]
    public void LinkPoints_AreCheckedAndReported()
    {
        var f = Community.Value;
        var district = f.City.District;
        var street = f.Units.First(u => u.Kind == UnitKind.Street).Id;
        var community = f.Units.First(u => u.Kind == UnitKind.Community).Id;
        var grid = f.Units.First(u => u.Kind == UnitKind.GridBranch).Id;
        var leaders = f.Members.Select(m => m.Id).Order().Take(3).ToArray();
        var report = LeaderLinkPoints.Check(f.Index, f.City.Schema,
        [
            new LeaderLinkPoint(leaders[0], district, street, community, grid),
            new LeaderLinkPoint(leaders[1], district, community, street, grid),
            new LeaderLinkPoint(leaders[2], district, street, community, grid),
            new LeaderLinkPoint(leaders[2], district, street, community, grid),
        ]);
        Assert.Equal([leaders[0], leaders[2]], report.Valid.Select(p => p.Leader).ToArray());
        Assert.Equal(3, report.Problems.Length); // two kinds swapped, one duplicate
        Assert.All(report.Problems, p => Assert.Equal(ErrorCodes.ContactsInvalidLinkPoint, p.Rule));
        Assert.Empty(report.StreetsWithoutLeader);
        var none = LeaderLinkPoints.Check(f.Index, f.City.Schema, [new LeaderLinkPoint(leaders[0], district, street, community, street)]);
        Assert.Equal([street], none.StreetsWithoutLeader.ToArray());
    }

    [Fact]
    public void LinkPoints_OfLeadersWhoLinkNoStreet_AreValid_AndLeaveTheStreetUnlinked()
    {
        // 区人大、政协班子成员, 部务会成员, 街道党工委班子成员 link "1个社区和1个网格": no street.
        var f = Community.Value;
        var district = f.City.District;
        var street = f.Units.First(u => u.Kind == UnitKind.Street).Id;
        var community = f.Units.First(u => u.Kind == UnitKind.Community).Id;
        var grid = f.Units.First(u => u.Kind == UnitKind.GridBranch).Id;
        var leaders = f.Members.Select(m => m.Id).Order().Take(3).ToArray();

        var report = LeaderLinkPoints.Check(f.Index, f.City.Schema,
        [
            new LeaderLinkPoint(leaders[0], district, community, grid),
            new LeaderLinkPoint(leaders[1], district, grid, community),           // kinds swapped: refused
            new LeaderLinkPoint(leaders[2], district, null, community, grid),
        ]);

        Assert.Equal([leaders[0], leaders[2]], report.Valid.Select(p => p.Leader).ToArray());
        Assert.All(report.Valid, p => Assert.Null(p.Street));
        Assert.Equal(2, report.Problems.Length);
        Assert.All(report.Problems, p => Assert.Equal(leaders[1].ToString(), p.Key));
        Assert.Contains(street, report.StreetsWithoutLeader);
    }
}
