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

    [Theory]
    [InlineData(8)]            // dense ids: the posts are found by the member's id in a table
    [InlineData(900_000_000)]  // sparse ids: the posts are found through a dictionary
    public void Index_FindsEveryPostOfAMember_WhateverTheirIdsSpread(int secretaryId)
    {
        var day = new LocalDate(2024, 3, 1);
        var units = new[]
        {
            OrgUnit.Create(new UnitDraft(new OrgUnitId(1), UnitKind.Street, "街道", null), day),
            OrgUnit.Create(new UnitDraft(new OrgUnitId(2), UnitKind.Community, "社区", new OrgUnitId(1)), day),
            OrgUnit.Create(new UnitDraft(new OrgUnitId(3), UnitKind.GridBranch, "网格一", new OrgUnitId(2)), day),
            OrgUnit.Create(new UnitDraft(new OrgUnitId(4), UnitKind.GridBranch, "网格二", new OrgUnitId(2)), day),
        };
        var secretary = Member.Create(new MemberDraft(new MemberId(secretaryId), "张书记", MemberKind.LongResident, new LocalDate(2001, 7, 1), new OrgUnitId(3)), day);
        var worker = Member.Create(new MemberDraft(new MemberId(7), "李网格员", MemberKind.LongResident, new LocalDate(2001, 7, 1), new OrgUnitId(4)), day);
        // Two posts, assigned in an order the index does not keep: the community's secretary and grid one's head.
        secretary.Assign(new RoleAssignment(RoleKind.GridHead, new OrgUnitId(3), Employment.FullTime, new Validity(day)));
        secretary.Assign(new RoleAssignment(RoleKind.Secretary, new OrgUnitId(2), Employment.FullTime, new Validity(day)));
        worker.Assign(new RoleAssignment(RoleKind.GridWorker, new OrgUnitId(4), Employment.PartTime, new Validity(day)));
        var members = new[] { worker, secretary };
        var index = AuthorityIndex.Build(HierarchyIndex.Build(units, members, [], day), members, units);
        var id = new MemberId(secretaryId);

        Assert.True(index.HoldsPost(id, RoleKind.Secretary, new OrgUnitId(2)));
        Assert.True(index.HoldsPost(id, RoleKind.GridHead, new OrgUnitId(3)));
        Assert.False(index.HoldsPost(id, RoleKind.GridHead, new OrgUnitId(4)));
        Assert.False(index.HoldsPost(id, RoleKind.Secretary, new OrgUnitId(3)));
        Assert.True(index.HoldsPost(new MemberId(7), RoleKind.GridWorker, new OrgUnitId(4)));
        Assert.False(index.HoldsPost(new MemberId(6), RoleKind.GridWorker, new OrgUnitId(4)));
        Assert.False(index.HoldsPost(new MemberId(secretaryId + 1), RoleKind.Secretary, new OrgUnitId(2)));

        // The secretary of the community covers both grids; the head of grid one covers only their own.
        var atGridTwo = AuthoritySubject.At("workorder:1", new OrgUnitId(4));
        var table = AuthorityTable.Default;
        Assert.True(AuthorityRules.Decide(table, Actor.Post(id, RoleKind.Secretary, new OrgUnitId(2)), Capabilities.TriageOrder, atGridTwo, index).IsAllowed);
        var outside = AuthorityRules.Decide(table, Actor.Post(id, RoleKind.GridHead, new OrgUnitId(3)), Capabilities.TriageOrder, atGridTwo, index);
        Assert.False(outside.IsAllowed);
        Assert.Contains("outside the jurisdiction", outside.Reason, StringComparison.Ordinal);
        Assert.True(AuthorityRules.Decide(table, Actor.Post(id, RoleKind.GridHead, new OrgUnitId(3)), Capabilities.TriageOrder,
            AuthoritySubject.At("workorder:2", new OrgUnitId(3)), index).IsAllowed);
        Assert.True(index.Covers(new OrgUnitId(2), new NodeRef(NodeKind.Member, 7), includeDualRegistrations: false));
        Assert.False(index.Covers(new OrgUnitId(3), new NodeRef(NodeKind.Member, 7), includeDualRegistrations: false));
    }

    [Fact]
    public void Role_ReadFromText_IsTheWellKnownRole_AndACityRoleIsFoundByItsCharacters()
    {
        // A code read from a store or a file is another string with the same characters.
        var read = new RoleKind(new string("secretary".AsSpan()));
        Assert.Equal(RoleKind.Secretary, read);
        Assert.Same(RoleKind.Secretary.Code, read.Code);
        Assert.Same(RoleKind.GridHead.Code, RoleKind.Parse(new string("grid-head".AsSpan()), null).Code);

        // A city's own role, written in the rule and in the post as two different strings, is still the same role.
        var day = new LocalDate(2024, 3, 1);
        var units = new[]
        {
            OrgUnit.Create(new UnitDraft(new OrgUnitId(1), UnitKind.Community, "社区", null), day),
            OrgUnit.Create(new UnitDraft(new OrgUnitId(2), UnitKind.GridBranch, "网格", new OrgUnitId(1)), day),
        };
        var inspector = Member.Create(new MemberDraft(new MemberId(3), "王督查", MemberKind.LongResident, new LocalDate(2001, 7, 1), new OrgUnitId(2)), day);
        var inRule = new RoleKind(string.Concat("city-", "inspector"));
        var inPost = new RoleKind(new string("city-inspector".AsSpan()));
        Assert.NotSame(inRule.Code, inPost.Code);
        inspector.Assign(new RoleAssignment(inPost, new OrgUnitId(1), Employment.FullTime, new Validity(day)));
        var index = AuthorityIndex.Build(HierarchyIndex.Build(units, [inspector], [], day), [inspector], units);
        var table = AuthorityTable.Default.WithRoles(Capabilities.SuperviseOrder, RoleKind.Secretary, inRule);
        var subject = AuthoritySubject.At("workorder:1", new OrgUnitId(2));

        Assert.True(AuthorityRules.Decide(table, Actor.Post(new MemberId(3), inPost, new OrgUnitId(1)), Capabilities.SuperviseOrder, subject, index).IsAllowed);
        Assert.False(AuthorityRules.Decide(AuthorityTable.Default, Actor.Post(new MemberId(3), inPost, new OrgUnitId(1)), Capabilities.SuperviseOrder, subject, index).IsAllowed);
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
