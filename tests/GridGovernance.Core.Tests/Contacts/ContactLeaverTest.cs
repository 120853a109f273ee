using FsCheck.Xunit;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Testing;
using NodaTime;

namespace GridGovernance.Tests.Contacts;

/// <summary>Leavers are followed the same day: chains, health reports and contact plans stop naming them.</summary>
public sealed class ContactLeaverTest
{
    /// <summary>A street of two communities of two grids: small, and a move to the other community is possible.</summary>
    private static readonly CitySize TwoCommunities = new("two communities", 1, 2, new(2, 2), new(1, 2), new(4, 6), new(8, 12), new(0, 0));

    private static (ChainFixture Fixture, MemberId Contact, HouseholdId[] Households) WithAContact(int seed = 5)
    {
        var f = new ChainFixture(TwoCommunities, seed);
        var contact = f.Plan.Links.First().Member;
        return (f, contact, [.. f.Plan.HouseholdsOf(contact)]);
    }

    private static Member MemberOf(ChainFixture f, MemberId id) => f.Members.Single(m => m.Id == id);

    private static ResponsibilityChainIndex ChainsOn(ChainFixture f, LocalDate day, ContactPlan? plan = null) =>
        ResponsibilityChainIndex.Build(HierarchyIndex.Build(f.Units, f.Members, f.Households, day), f.Members, f.Households, plan ?? f.Plan);

    [Fact]
    public void AContactWhoLeft_IsNamedTheDayBefore_AndNotFromTheDayTheyLeave_TheGapReportedAsContactLeft()
    {
        var (f, contact, households) = WithAContact();
        var leaves = f.City.Date.PlusDays(10);
        MemberOf(f, contact).Leave(leaves);

        var before = ChainsOn(f, leaves.PlusDays(-1));
        var on = ChainsOn(f, leaves);
        var after = ChainsOn(f, leaves.PlusDays(1));

        Assert.All(households, h => Assert.Equal(contact, before.ChainOf(h).Contact));
        Assert.DoesNotContain(before.Health().HouseholdsWithoutContact, h => h.Reason == UncoveredReason.ContactLeft);
        foreach (var chains in new[] { on, after })
        {
            Assert.All(households, h => Assert.Null(chains.ChainOf(h).Contact));
            var reported = chains.Health().HouseholdsWithoutContact.Where(h => h.Reason == UncoveredReason.ContactLeft).ToArray();
            Assert.Equal(households, reported.Select(h => h.Household));
            Assert.All(reported, h => Assert.Equal(contact, h.FormerContact));
            Assert.False(chains.Health().IsHealthy);
        }
    }

    [Fact]
    public void AContactWhoMovedToABranchInAnotherCommunity_IsReported_AndOneWhoMovedWithinTheCommunity_IsNot()
    {
        var (f, contact, households) = WithAContact();
        var day = f.City.Date.PlusDays(3);
        var planned = f.Plan.Members.Single(m => m.Id == contact);
        var grids = f.Units.Where(u => u.Kind == f.City.Schema.GridKind).ToArray();
        var index = f.Index;
        var sameCommunity = grids.First(g => index.IsAncestorOf(planned.Community, g.Id) && g.Id != MemberOf(f, contact).BranchOn(f.City.Date));
        var otherCommunity = grids.First(g => !index.IsAncestorOf(planned.Community, g.Id));

        MemberOf(f, contact).TransferTo(sameCommunity.Id, day);
        Assert.All(households, h => Assert.Equal(contact, ChainsOn(f, day).ChainOf(h).Contact));

        MemberOf(f, contact).TransferTo(otherCommunity.Id, day.PlusDays(1));
        var moved = ChainsOn(f, day.PlusDays(1));
        Assert.All(households, h => Assert.Null(moved.ChainOf(h).Contact));
        Assert.Equal(households, moved.Health().HouseholdsWithoutContact.Where(h => h.Reason == UncoveredReason.ContactLeft).Select(h => h.Household));
    }

    [Fact]
    public void ThePlansUncoveredOnTheDay_NameTheLeaversHouseholds_UntilThePlanIsRebalanced()
    {
        var (f, contact, households) = WithAContact();
        var day = f.City.Date.PlusDays(7);
        Assert.Equal(f.Plan.Uncovered, f.Plan.UncoveredOn(f.Roster));
        MemberOf(f, contact).Leave(day);
        var index = HierarchyIndex.Build(f.Units, f.Members, f.Households, day);
        var roster = ContactRoster.From(index, f.City.Schema, f.Members, f.Households);

        var uncovered = f.Plan.UncoveredOn(roster);

        Assert.Equal(households, uncovered.Where(u => u.Reason == UncoveredReason.ContactLeft).Select(u => u.Household));
        Assert.Equal(f.Plan.Uncovered.Length + households.Length, uncovered.Length);
        Assert.Equal(uncovered.Select(u => u.Household).Order(), uncovered.Select(u => u.Household));

        var rebalanced = ContactPlanEngine.Rebalance(f.Plan, roster.Households, roster.Members).Plan;
        Assert.DoesNotContain(rebalanced.UncoveredOn(roster), u => u.Reason == UncoveredReason.ContactLeft);
        Assert.DoesNotContain(ChainsOn(f, day, rebalanced).Health().HouseholdsWithoutContact, h => h.Reason == UncoveredReason.ContactLeft);
        Assert.All(households, h => Assert.NotEqual(contact, ChainsOn(f, day, rebalanced).ChainOf(h).Contact));
    }

    [Fact]
    public void AnAnswererWhoLeft_AnswersNowhere_TheUnitIsReportedWithoutAnswerer()
    {
        var f = new ChainFixture(TwoCommunities, 5);
        var community = f.Units.First(u => u.Kind == UnitKind.Community).Id;
        var secretary = f.Members.Single(m => m.RolesOn(f.City.Date).Any(r => r.Role == RoleKind.Secretary && r.Unit == community));
        var day = f.City.Date.PlusDays(2);
        secretary.Leave(day);

        var health = ChainsOn(f, day).Health();

        Assert.Contains(health.UnitsWithoutAnswerer, u => u.Unit == community);
        Assert.DoesNotContain(ChainsOn(f, day.PlusDays(-1)).Health().UnitsWithoutAnswerer, u => u.Unit == community);
    }

    [Fact]
    public void AnAnswererWhoLostTheRole_AnswersNoMoreFromTheDayItEnded_AndStillTheDayBefore()
    {
        var f = new ChainFixture(TwoCommunities, 5);
        var community = f.Units.First(u => u.Kind == UnitKind.Community).Id;
        var secretary = f.Members.Single(m => m.RolesOn(f.City.Date).Any(r => r.Role == RoleKind.Secretary && r.Unit == community));
        var day = f.City.Date.PlusDays(4);
        secretary.EndRole(RoleKind.Secretary, community, day); // 免职: still a member, on the roster

        var on = ChainsOn(f, day);
        var before = ChainsOn(f, day.PlusDays(-1));
        var household = f.Households.First(h => f.Index.IsAncestorOf(community, h.Id)).Id;

        Assert.Contains(on.Health().UnitsWithoutAnswerer, u => u.Unit == community);
        Assert.Null(on.ChainOf(household).Levels.Single(l => l.Unit == community).Answerer);
        Assert.Equal(secretary.Id, before.ChainOf(household).Levels.Single(l => l.Unit == community).Answerer);
        Assert.DoesNotContain(on.Health().HouseholdsWithoutContact, h => h.Reason == UncoveredReason.ContactLeft && h.FormerContact == secretary.Id);
    }

    [Fact]
    public void AnInServiceContactWhoseDualRegistrationEnded_IsReported_FromTheDayItEnded()
    {
        var f = new ChainFixture(TwoCommunities, 5);
        var communities = f.Units.Where(u => u.Kind == UnitKind.Community).Select(u => u.Id).Order().ToArray();
        // An in-service member of the second community registers with the first (双报到) and is planned there.
        var member = f.Members.First(m => f.Index.IsAncestorOf(communities[1], m.Id));
        member.ChangeKind(MemberKind.InService);
        var from = f.City.Date;
        member.RegisterWith(communities[0], new Validity(from));
        var roster = ContactRoster.From(HierarchyIndex.Build(f.Units, f.Members, f.Households, from), f.City.Schema, f.Members, f.Households);
        // Only they serve the first community, so the plan gives them its households.
        var plan = ContactPlanEngine.Plan(roster.Households, roster.Members.Where(m => m.Community != communities[0] || m.Id == member.Id));
        var households = plan.HouseholdsOf(member.Id);
        Assert.NotEmpty(households);
        Assert.All(households, h => Assert.True(f.Index.IsAncestorOf(communities[0], h)));

        var ends = from.PlusDays(6);
        member.DetachFrom(communities[0], ends);

        Assert.All(households, h => Assert.Equal(member.Id, ChainsOn(f, ends.PlusDays(-1), plan).ChainOf(h).Contact));
        var on = ChainsOn(f, ends, plan);
        Assert.All(households, h => Assert.Null(on.ChainOf(h).Contact));
        Assert.Equal(households, on.Health().HouseholdsWithoutContact.Where(h => h.Reason == UncoveredReason.ContactLeft).Select(h => h.Household));
        var rosterOn = ContactRoster.From(HierarchyIndex.Build(f.Units, f.Members, f.Households, ends), f.City.Schema, f.Members, f.Households);
        Assert.Equal(households, plan.UncoveredOn(rosterOn).Where(u => u.Reason == UncoveredReason.ContactLeft).Select(u => u.Household));
    }

    /// <summary>
    /// Over generated cities, after random members leave or move on random days, no chain names a contact or an answerer
    /// who is not on the roster that day, and every household whose planned contact is gone is reported with
    /// <see cref="UncoveredReason.ContactLeft"/> by the chains' health report and by the plan's uncovered households.
    /// </summary>
    [Property(Arbitrary = [typeof(SeededArbitraries)], MaxTest = 25)]
    public bool NoChainOrPlanNamesALeaver_WithoutReportingTheGap(Choices random)
    {
        var f = new ChainFixture(TwoCommunities, random.Next(1000));
        var grids = f.Units.Where(u => u.Kind == f.City.Schema.GridKind).Select(u => u.Id).ToArray();
        var day = f.City.Date.PlusDays(10);
        foreach (var member in f.Members.Where(_ => random.Next(4) == 0))
        {
            var effective = f.City.Date.PlusDays(random.Next(1, 15));
            if (random.Next(2) == 0)
            {
                member.Leave(effective);
            }
            else
            {
                member.TransferTo(grids[random.Next(grids.Length)], effective);
            }
        }
        var index = HierarchyIndex.Build(f.Units, f.Members, f.Households, day);
        var roster = ContactRoster.From(index, f.City.Schema, f.Members, f.Households);
        var chains = ResponsibilityChainIndex.Build(index, f.Members, f.Households, f.Plan);
        var onRoster = f.Members.Where(m => m.BranchOn(day) is not null).Select(m => m.Id).ToHashSet();
        var serving = roster.Members.ToDictionary(m => m.Id, m => m.Community);
        var health = chains.Health().HouseholdsWithoutContact.ToDictionary(h => h.Household);
        var uncovered = f.Plan.UncoveredOn(roster).ToDictionary(u => u.Household);
        foreach (var household in f.Plan.Households)
        {
            var chain = chains.ChainOf(household.Id);
            if (chain.Contact is MemberId contact && (!onRoster.Contains(contact) || !serving.TryGetValue(contact, out var serves) || serves != household.Community))
            {
                return false;
            }
            if (chain.Levels.Any(l => l.Answerer is MemberId a && !onRoster.Contains(a)))
            {
                return false;
            }
            if (f.Plan.MemberOf(household.Id) is MemberId planned && (!serving.TryGetValue(planned, out var community) || community != household.Community))
            {
                bool reported = health.TryGetValue(household.Id, out var gap) && gap.Reason == UncoveredReason.ContactLeft && gap.FormerContact == planned
                    && uncovered.TryGetValue(household.Id, out var open) && open.Reason == UncoveredReason.ContactLeft;
                if (!reported || chain.Contact is not null)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
