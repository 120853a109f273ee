using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.Contacts;

/// <summary>
/// Contact plans and chains across a restructure (issue 13): a merge that moves a household and its contact together is
/// no gap; a split that parts them is reported (<see cref="UncoveredReason.ContactLeft"/>) until the plan is rebalanced;
/// leaders' link points follow successors.
/// </summary>
public sealed class ContactRestructureTest
{
    private static readonly CitySize TwoCommunities = new("two communities", 1, 2, new(2, 2), new(1, 2), new(4, 6), new(8, 12), new(0, 0));

    private sealed class City : IDisposable
    {
        private readonly ServiceProvider provider;

        public City(int seed)
        {
            Generated = CityGenerator.Generate(TwoCommunities, seed);
            var clock = new FakeClock(Generated.Date.PlusDays(3).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());
            provider = Generated.CreateServicesAsync(s => s.AddSingleton<IClock>(clock)).GetAwaiter().GetResult();
            var (units, members, households) = Load();
            var index = HierarchyIndex.Build(units, members, households, Generated.Date);
            var roster = ContactRoster.From(index, Generated.Schema, members, households);
            Plan = ContactPlanEngine.Plan(roster.Households, roster.Members);
        }

        public GeneratedCity Generated { get; }

        public ContactPlan Plan { get; }

        public LocalDate Day => Generated.Date.PlusDays(2);

        public (OrgUnit[] Units, Member[] Members, Household[] Households) Load()
        {
            using var scope = provider.CreateScope();
            T[] All<T>()
                where T : class, IAggregateRoot => [.. scope.ServiceProvider.GetRequiredService<IReadRepository<T>>().ListAsync().GetAwaiter().GetResult()];
            return (All<OrgUnit>(), All<Member>(), All<Household>());
        }

        public async Task<T> OrganisationAsync<T>(Func<OrganisationService, Task<T>> operation)
        {
            using var scope = provider.CreateScope();
            return await operation(scope.ServiceProvider.GetRequiredService<OrganisationService>());
        }

        /// <summary>The chains, the roster and the plan's uncovered households of the day.</summary>
        public (ResponsibilityChainIndex Chains, ImmutableUncovered Uncovered) On(LocalDate day)
        {
            var (units, members, households) = Load();
            var index = HierarchyIndex.Build(units, members, households, day);
            var roster = ContactRoster.From(index, Generated.Schema, members, households);
            return (ResponsibilityChainIndex.Build(index, members, households, Plan), new ImmutableUncovered(Plan.UncoveredOn(roster)));
        }

        public void Dispose() => provider.Dispose();
    }

    private sealed record ImmutableUncovered(System.Collections.Immutable.ImmutableArray<UncoveredHousehold> Households);

    private static OrgUnitId[] Communities(OrgUnit[] units) => [.. units.Where(u => u.Kind == UnitKind.Community).Select(u => u.Id).Order()];

    [Fact]
    public async Task AMergeOfCommunities_MovesHouseholdsAndTheirContactsTogether_AndIsNoGap()
    {
        using var city = new City(5);
        var (units, _, _) = city.Load();
        var communities = Communities(units);
        Assert.NotEmpty(city.Plan.Links);

        await city.OrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, [communities[1]], communities[0], city.Day));

        var (chains, uncovered) = city.On(city.Day);
        Assert.DoesNotContain(chains.Health().HouseholdsWithoutContact, h => h.Reason == UncoveredReason.ContactLeft);
        Assert.DoesNotContain(uncovered.Households, u => u.Reason == UncoveredReason.ContactLeft);
        Assert.All(city.Plan.Links, l => Assert.Equal(l.Member, chains.ChainOf(l.Household).Contact));
    }

    [Fact]
    public async Task ASplitThatPartsAHouseholdFromItsContact_IsReportedAsContactLeft_AndOneThatKeepsThemTogetherIsNot()
    {
        for (int seed = 1; seed <= 6; seed++)
        {
            using var city = new City(seed);
            var (units, members, households) = city.Load();
            var community = Communities(units)[0];
            var grids = units.Where(u => u.IsOpenOn(city.Day) && u.ParentId == community).Select(u => u.Id).Order().ToArray();
            var partA = new List<NodeRef> { grids[0] };
            partA.AddRange(members.Where(m => m.IsActive && m.BranchId == community).Select(m => (NodeRef)m.Id));
            partA.AddRange(households.Where(h => h.IsActive && h.UnitId == community).Select(h => (NodeRef)h.Id));
            var partB = grids.Skip(1).Select(g => (NodeRef)g).ToList();
            var before = HierarchyIndex.Build(units, members, households, city.Day.PlusDays(-1));
            OrgUnitId a = new(9_000_001), b = new(9_000_002);

            await city.OrganisationAsync(s => s.SplitUnitAsync(TestActors.System, community,
            [
                new SplitPart(new UnitDraft(a, UnitKind.Community, "甲", before.ParentOf(community)!.Value.AsUnit()), partA),
                new SplitPart(new UnitDraft(b, UnitKind.Community, "乙", before.ParentOf(community)!.Value.AsUnit()), partB),
            ], city.Day));

            var (chains, uncovered) = city.On(city.Day);
            var (_, afterMembers, afterHouseholds) = city.Load();
            var after = HierarchyIndex.Build(city.Load().Units, afterMembers, afterHouseholds, city.Day);
            OrgUnitId? PartOf(NodeRef node) => after.Contains(a) && after.IsAncestorOrSelf(a, node) ? a : after.Contains(b) && after.IsAncestorOrSelf(b, node) ? b : null;
            var left = uncovered.Households.Where(u => u.Reason == UncoveredReason.ContactLeft).Select(u => u.Household).ToHashSet();
            foreach (var link in city.Plan.Links)
            {
                var member = afterMembers.Single(m => m.Id == link.Member);
                var householdPart = PartOf(link.Household);
                if (householdPart is null)
                {
                    continue; // in the other community
                }
                bool together = member.BranchOn(city.Day) is OrgUnitId branch && PartOf(branch) == householdPart;
                Assert.Equal(together ? link.Member : null, chains.ChainOf(link.Household).Contact);
                Assert.Equal(!together, left.Contains(link.Household));
            }
        }
    }

    [Fact]
    public async Task LinkPoints_FollowTheSuccessorsOfUnitsAMergeClosed_AndCheckAsValid()
    {
        using var city = new City(5);
        var (units, members, households) = city.Load();
        var communities = Communities(units);
        var grid = units.Where(u => u.ParentId == communities[1] && u.Kind == city.Generated.Schema.GridKind).Select(u => u.Id).Order().First();
        var leader = new LeaderLinkPoint(members[0].Id, city.Generated.District, communities[1], grid);
        var otherCommunity = communities[0];

        await city.OrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, [communities[1]], communities[0], city.Day));

        (units, members, households) = city.Load();
        var index = HierarchyIndex.Build(units, members, households, city.Day);
        Assert.Single(LeaderLinkPoints.Check(index, city.Generated.Schema, [leader]).Problems); // the community closed
        var followed = Assert.Single(LeaderLinkPoints.FollowSuccessors([leader], units, city.Day));
        Assert.Equal(leader with { Community = otherCommunity }, followed); // the grid did not close: it moved along
        Assert.Empty(LeaderLinkPoints.Check(index, city.Generated.Schema, [followed]).Problems);
        Assert.Equal(leader, Assert.Single(LeaderLinkPoints.FollowSuccessors([leader], units, city.Day.PlusDays(-1)))); // before the merge
    }
}
