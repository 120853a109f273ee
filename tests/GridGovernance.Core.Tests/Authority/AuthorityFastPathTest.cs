using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Tests.Authority;

/// <summary>
/// The shortcuts that keep a decision cheap give the same answers as the slow paths: a well-known capability found by
/// position equals one built from its code, posts found by position equal the roster, and the subject an order keeps
/// is rebuilt whenever what it says changes.
/// </summary>
public sealed class AuthorityFastPathTest
{
    [Fact]
    public void Capability_BuiltFromItsCode_EqualsTheWellKnownOne()
    {
        var built = new Capability("workorders.claim");

        Assert.Equal(Capabilities.ClaimOrder, built);
        Assert.True(built == Capabilities.ClaimOrder);
        Assert.Equal(Capabilities.ClaimOrder.GetHashCode(), built.GetHashCode());
        Assert.NotEqual(Capabilities.CloseOrder, built);
        Assert.NotEqual(Capabilities.ClaimOrder, Capabilities.ClaimProject);
        Assert.Equal(new Capability("city.custom"), new Capability("city.custom"));
    }

    [Fact]
    public void Table_FindsTheSameRule_ForTheWellKnownCapabilityAndOneBuiltFromItsCode()
    {
        var table = AuthorityTable.Default.With(new AuthorityRule(new Capability("workorders.claim")) { Roles = [RoleKind.GridHead] });

        Assert.True(table.TryGetRule(Capabilities.ClaimOrder, out var byPosition));
        Assert.True(table.TryGetRule(new Capability("workorders.claim"), out var byCode));
        Assert.Same(byPosition, byCode);
        Assert.Equal(new[] { RoleKind.GridHead }, byPosition!.Roles.ToArray());
        Assert.True(AuthorityTable.Default.TryGetRule(Capabilities.ClaimOrder, out var untouched));
        Assert.NotEqual(new[] { RoleKind.GridHead }, untouched!.Roles.ToArray());
    }

    [Fact]
    public void Table_FindsACityCapability_AndRefusesAnUnknownOne()
    {
        var custom = new Capability("city.inspect");
        var table = AuthorityTable.Default.With(new AuthorityRule(custom) { System = true });

        Assert.True(table.TryGetRule(custom, out var rule));
        Assert.Equal(custom, rule!.Capability);
        Assert.False(AuthorityTable.Default.TryGetRule(custom, out _));
        Assert.False(AuthorityTable.Default.TryGetRule(default, out _));
        Assert.True(AuthorityRules.Decide(table, Actor.System("inspector"), custom, new AuthoritySubject("x:1"), Index(out _, out _)).IsAllowed);
    }

    [Fact]
    public void Index_RefusesAChairWhoIsNoLongerOnTheRoster_AsTheStoreDoes()
    {
        var index = Index(out var chair, out var unit, chairOnRoster: false);
        var onRoster = Index(out var chair2, out var unit2, chairOnRoster: true);

        Assert.False(index.HoldsPost(chair, RoleKind.RotatingChair, unit));
        Assert.True(onRoster.HoldsPost(chair2, RoleKind.RotatingChair, unit2));
        Assert.False(onRoster.HoldsPost(chair2, RoleKind.Secretary, unit2));
        Assert.False(onRoster.HoldsPost(new MemberId(int.MaxValue), RoleKind.RotatingChair, unit2));
    }

    [Fact]
    public void OrderSubject_IsTheOrder_AndFollowsTheResponsibleUnitAndTheDepartments()
    {
        var limits = new WorkOrderTimeLimits(WorkingDayCalendar.WeekendsOnly, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        var at = Instant.FromUtc(2024, 5, 6, 2, 0);
        var cadre = WorkOrderActor.ForMember(new MemberId(1));
        var order = WorkOrder.File(new WorkOrderId(7), new WorkOrderDraft { Category = "leak", Description = "漏水", Unit = new OrgUnitId(10), Channel = WorkOrderChannel.Hotline12345 },
            WorkOrderActor.ForResident("r-1"), new OrgUnitId(10), at);
        var filed = WorkOrderService.SubjectOf(order, Capabilities.TriageOrder);

        // Every step but the rating (and a triage after the units parted) decides on the order itself: nothing is built.
        Assert.Same(order, filed);
        Assert.Same(order, WorkOrderService.SubjectOf(order, Capabilities.ClaimOrder));
        Assert.Equal("workorder:7", filed.Label);
        Assert.Equal(new NodeRef(NodeKind.Unit, 10), filed.Node);
        Assert.Null(filed.Owner);
        order.Triage(WorkOrderPolicy.Default.Triage.Classify("leak", WorkOrderUrgency.Routine), new OrgUnitId(20), limits, 1, cadre, at);
        var triaged = WorkOrderService.SubjectOf(order, Capabilities.ClaimOrder);
        Assert.Equal(new NodeRef(NodeKind.Unit, 20), triaged.Node);
        Assert.Equal(new NodeRef(NodeKind.Unit, 10), WorkOrderService.SubjectOf(order, Capabilities.TriageOrder).Node);
        Assert.Equal(new NodeRef(NodeKind.Unit, 20), WorkOrderService.SubjectOf(order, Capabilities.ResolveOrder).Node);

        order.Claim(new MemberId(1), cadre, at);
        var whistled = WorkOrderService.SubjectOf(order, Capabilities.DepartmentReport);
        Assert.False(whistled.HasSummoned("housing"));
        order.Whistle([new DepartmentSummons("housing"), new DepartmentSummons("market-regulation")], limits, cadre, null, at);
        Assert.True(whistled.HasSummoned("housing"));
        Assert.True(whistled.HasSummoned("market-regulation"));
        Assert.False(whistled.HasSummoned("Housing"));
        Assert.False(whistled.HasSummoned("city-management"));

        var rating = WorkOrderService.SubjectOf(order, Capabilities.RateOrder);
        Assert.True(rating.HasHandled(new MemberId(1)));
        Assert.False(rating.HasHandled(new MemberId(2)));
        Assert.True(rating.HasSummoned("housing"));
        Assert.Equal(new NodeRef(NodeKind.Unit, 20), rating.Node);
        Assert.Equal("workorder:7", rating.Label);
        // The claimant may go on to close in their post: only the rating names handlers.
        Assert.False(WorkOrderService.SubjectOf(order, Capabilities.CloseOrder).HasHandled(new MemberId(1)));
        Assert.Equal("resident:r-1", rating.Filer);
        Assert.Equal("resident:r-1", filed.Filer);
    }

    [Fact]
    public void RatingSubject_NamesWhoClaimedOrResolved_NotWhoWhistledOrSupervised()
    {
        var limits = new WorkOrderTimeLimits(WorkingDayCalendar.WeekendsOnly, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        var at = Instant.FromUtc(2024, 5, 6, 2, 0);
        var order = WorkOrder.File(new WorkOrderId(8), new WorkOrderDraft { Category = "leak", Description = "漏水", Unit = new OrgUnitId(10), Channel = WorkOrderChannel.Hotline12345 },
            WorkOrderActor.ForMember(new MemberId(5)), new OrgUnitId(10), at);
        order.Triage(WorkOrderPolicy.Default.Triage.Classify("leak", WorkOrderUrgency.Routine), new OrgUnitId(10), limits, 1, WorkOrderActor.ForMember(new MemberId(4)), at);
        order.Claim(new MemberId(2), WorkOrderActor.ForMember(new MemberId(2)), at);
        order.Resolve("photo", WorkOrderActor.ForMember(new MemberId(3)), at);

        var rating = WorkOrderService.SubjectOf(order, Capabilities.RateOrder);
        Assert.True(rating.HasHandled(new MemberId(2)));
        Assert.True(rating.HasHandled(new MemberId(3)));
        Assert.False(rating.HasHandled(new MemberId(4)));   // triaged only
        Assert.False(rating.HasHandled(new MemberId(5)));   // filed only
        Assert.Equal("member:5", rating.Filer);
    }

    private static AuthorityIndex Index(out MemberId chair, out OrgUnitId unit, bool chairOnRoster = true)
    {
        var city = CityGenerator.Generate(CitySize.Community, seed: 3);
        var day = city.Date;
        var units = city.Roster.Units.Select(u => OrgUnit.Create(u, day)).ToArray();
        var members = city.Roster.Members.Select(m => Member.Create(m, day)).ToList();
        var households = city.Roster.Households.Select(h => Household.Create(h, day)).ToArray();
        chair = members[^1].Id;
        unit = units[0].Id;
        units[0].AddChairTerm(new ChairTerm(chair, unit, new Validity(day)));
        if (!chairOnRoster)
        {
            members.RemoveAt(members.Count - 1);
        }
        return AuthorityIndex.Build(HierarchyIndex.Build(units, members, households, day), members, units);
    }
}
