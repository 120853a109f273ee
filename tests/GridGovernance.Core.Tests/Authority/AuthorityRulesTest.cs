using GridGovernance.Authority;
using GridGovernance.Organisation;
using static GridGovernance.Tests.Authority.YibinWorld;

namespace GridGovernance.Tests.Authority;

/// <summary>
/// The default table on the Yibin-like roster of <see cref="YibinWorld"/>: every case is decided twice, from the
/// index of the whole tree and through the registered policy (the store), and both must give the expected answer.
/// </summary>
public sealed class AuthorityRulesTest : IClassFixture<YibinWorld>
{
    private readonly YibinWorld yibin;

    public AuthorityRulesTest(YibinWorld yibin)
    {
        this.yibin = yibin;
    }

    public static TheoryData<string, bool> ReviewCases => new()
    {
        { "secretary of the grid reviews a member of the grid", true },
        { "committee member of the community reviews a member of a grid under it", true },
        { "committee member of the community reviews an organ member dual-registered with it (双报到)", true },
        { "rotating chair of the regional committee reviews a member of a spanned community", true },
        { "rotating chair of the regional committee reviews an organ member dual-registered with a spanned community", true },
        { "district secretary reviews anyone", true },
        { "secretary of grid A reviews a member of grid B", false },
        { "secretary of a grid reviews an organ member registered elsewhere", false },
        { "rotating chair reviews a member of a community the committee does not span", false },
        { "an ordinary member claims the secretary's post", false },
        { "a grid head (wrong role) reviews", false },
        { "the secretary reviews their own declaration", false },
        { "an unknown member claims a post", false },
        { "a member in person reviews", false },
        { "a resident reviews", false },
        { "the system reviews", false },
        { "the chair acts after the term ended", false },
    };

    [Theory]
    [MemberData(nameof(ReviewCases))]
    public async Task Review_FollowsTheTable(string scenario, bool allowed)
    {
        var (actor, declarer, day) = scenario switch
        {
            "secretary of the grid reviews a member of the grid" => (Actor.Post(M(1), RoleKind.Secretary, U(1000)), M(2), Day),
            "committee member of the community reviews a member of a grid under it" => (Actor.Post(M(3), RoleKind.CommitteeMember, U(101)), M(6), Day),
            "committee member of the community reviews an organ member dual-registered with it (双报到)" => (Actor.Post(M(3), RoleKind.CommitteeMember, U(101)), M(7), Day),
            "rotating chair of the regional committee reviews a member of a spanned community" => (Actor.Post(M(6), RoleKind.RotatingChair, U(50)), M(2), Day),
            "rotating chair of the regional committee reviews an organ member dual-registered with a spanned community" => (Actor.Post(M(6), RoleKind.RotatingChair, U(50)), M(7), Day),
            "district secretary reviews anyone" => (Actor.Post(M(90), RoleKind.Secretary, U(1)), M(8), Day),
            "secretary of grid A reviews a member of grid B" => (Actor.Post(M(1), RoleKind.Secretary, U(1000)), M(4), Day),
            "secretary of a grid reviews an organ member registered elsewhere" => (Actor.Post(M(4), RoleKind.Secretary, U(1100)), M(7), Day),
            "rotating chair reviews a member of a community the committee does not span" => (Actor.Post(M(6), RoleKind.RotatingChair, U(50)), M(4), Day),
            "an ordinary member claims the secretary's post" => (Actor.Post(M(2), RoleKind.Secretary, U(1000)), M(5), Day),
            "a grid head (wrong role) reviews" => (Actor.Post(M(5), RoleKind.GridHead, U(1000)), M(2), Day),
            "the secretary reviews their own declaration" => (Actor.Post(M(1), RoleKind.Secretary, U(1000)), M(1), Day),
            "an unknown member claims a post" => (Actor.Post(M(999), RoleKind.Secretary, U(1000)), M(2), Day),
            "a member in person reviews" => (Actor.Member(M(5)), M(2), Day),
            "a resident reviews" => (Actor.Resident("13800001234"), M(2), Day),
            "the system reviews" => (Actor.System("auto-approve"), M(2), Day),
            "the chair acts after the term ended" => (Actor.Post(M(6), RoleKind.RotatingChair, U(50)), M(2), new NodaTime.LocalDate(2024, 7, 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
        var subject = AuthoritySubject.OfMember("ledger-entry:1", declarer);

        await AssertBothAsync(actor, Capabilities.ReviewDeclaration, subject, day, allowed);
    }

    [Fact]
    public async Task Declare_OnlyInPersonForOneself()
    {
        await AssertBothAsync(Actor.Member(M(2)), Capabilities.DeclarePoints, AuthoritySubject.OfMember("declaration", M(2)), Day, true);
        await AssertBothAsync(Actor.Member(M(2)), Capabilities.DeclarePoints, AuthoritySubject.OfMember("declaration", M(5)), Day, false);
        await AssertBothAsync(Actor.Post(M(1), RoleKind.Secretary, U(1000)), Capabilities.DeclarePoints, AuthoritySubject.OfMember("declaration", M(2)), Day, false);
        await AssertBothAsync(Actor.Member(M(999)), Capabilities.DeclarePoints, AuthoritySubject.OfMember("declaration", M(999)), Day, false);
    }

    [Fact]
    public async Task Record_SystemOrAPostInJurisdiction_NeverForOneself()
    {
        await AssertBothAsync(Actor.System("work-orders"), Capabilities.RecordEntry, AuthoritySubject.OfMember("award", M(2)), Day, true);
        await AssertBothAsync(Actor.Post(M(1), RoleKind.Secretary, U(1000)), Capabilities.RecordEntry, AuthoritySubject.OfMember("award", M(2)), Day, true);
        await AssertBothAsync(Actor.Post(M(1), RoleKind.Secretary, U(1000)), Capabilities.RecordEntry, AuthoritySubject.OfMember("award", M(1)), Day, false);
        await AssertBothAsync(Actor.Member(M(2)), Capabilities.RecordEntry, AuthoritySubject.OfMember("award", M(2)), Day, false);
    }

    [Fact]
    public async Task Publish_NeedsATopLevelPost()
    {
        var period = new AuthoritySubject("publication:2024");
        await AssertBothAsync(Actor.Post(M(90), RoleKind.Secretary, U(1)), Capabilities.PublishPeriod, period, Day, true);
        await AssertBothAsync(Actor.Post(M(1), RoleKind.Secretary, U(1000)), Capabilities.PublishPeriod, period, Day, false);
        await AssertBothAsync(Actor.System("scheduler"), Capabilities.PublishPeriod, period, Day, false);
    }

    [Fact]
    public async Task Redeem_HolderInPersonOrACashierInJurisdiction()
    {
        await AssertBothAsync(Actor.Member(M(4)), Capabilities.Redeem, AuthoritySubject.OfMember("account", M(4)), Day, true);
        await AssertBothAsync(Actor.Member(M(2)), Capabilities.Redeem, AuthoritySubject.OfMember("account", M(4)), Day, false);
        await AssertBothAsync(Actor.Post(M(8), RoleKind.Cashier, U(110)), Capabilities.Redeem, AuthoritySubject.OfMember("account", M(4)), Day, true);
        await AssertBothAsync(Actor.Post(M(8), RoleKind.Cashier, U(110)), Capabilities.Redeem, AuthoritySubject.OfMember("account", M(8)), Day, false);
        await AssertBothAsync(Actor.Post(M(8), RoleKind.Cashier, U(110)), Capabilities.Redeem, AuthoritySubject.OfMember("account", M(2)), Day, false);
    }

    [Fact]
    public async Task Rate_TheFilerOnly_NeverAHandler()
    {
        var resident = Actor.Resident("13800001234");
        var filedByResident = new AuthoritySubject("workorder:1") { Node = U(1000), Filer = resident.AuditName, Handlers = [M(5)] };
        await AssertBothAsync(resident, Capabilities.RateOrder, filedByResident, Day, true);
        await AssertBothAsync(Actor.Resident("13900009999"), Capabilities.RateOrder, filedByResident, Day, false);
        await AssertBothAsync(Actor.Member(M(5)), Capabilities.RateOrder, filedByResident, Day, false);

        var filedByWorker = new AuthoritySubject("workorder:2") { Node = U(1000), Filer = Actor.Member(M(5)).AuditName, Handlers = [M(5)] };
        await AssertBothAsync(Actor.Member(M(5)), Capabilities.RateOrder, filedByWorker, Day, false);
        await AssertBothAsync(Actor.Post(M(5), RoleKind.GridHead, U(1000)), Capabilities.RateOrder, filedByWorker, Day, false);
    }

    [Fact]
    public async Task DepartmentReport_OnlyASummonedDepartment()
    {
        var order = new AuthoritySubject("workorder:3") { Node = U(1000), Departments = ["market-regulation", "housing"] };
        await AssertBothAsync(Actor.Officer("housing", "officer-7"), Capabilities.DepartmentReport, order, Day, true);
        await AssertBothAsync(Actor.Officer("city-management", "officer-8"), Capabilities.DepartmentReport, order, Day, false);
        await AssertBothAsync(Actor.Post(M(1), RoleKind.Secretary, U(1000)), Capabilities.DepartmentReport, order, Day, false);
    }

    [Fact]
    public async Task ClaimProject_APostOnTheClaimingUnitItself()
    {
        await AssertBothAsync(Actor.Post(M(9), RoleKind.Secretary, U(30)), Capabilities.ClaimProject, AuthoritySubject.At("claim", U(30)), Day, true);
        await AssertBothAsync(Actor.Post(M(9), RoleKind.Secretary, U(30)), Capabilities.ClaimProject, AuthoritySubject.At("claim", U(1000)), Day, false);
        await AssertBothAsync(Actor.Post(M(90), RoleKind.Secretary, U(1)), Capabilities.ClaimProject, AuthoritySubject.At("claim", U(30)), Day, false);
    }

    [Fact]
    public async Task Table_RolesAreConfigurablePerCity()
    {
        var table = AuthorityTable.Default.WithRoles(Capabilities.ReviewDeclaration, RoleKind.GridHead);
        var actor = Actor.Post(M(5), RoleKind.GridHead, U(1000));
        var subject = AuthoritySubject.OfMember("ledger-entry:1", M(2));
        var index = await yibin.World.BuildIndexAsync(Day);

        Assert.True(AuthorityRules.Decide(table, actor, Capabilities.ReviewDeclaration, subject, index).IsAllowed);
        Assert.False(AuthorityRules.Decide(table, Actor.Post(M(1), RoleKind.Secretary, U(1000)), Capabilities.ReviewDeclaration, subject, index).IsAllowed);
    }

    [Fact]
    public void Table_CoversEveryCapability()
    {
        foreach (var capability in Capabilities.All)
        {
            Assert.True(AuthorityTable.Default.TryGetRule(capability, out _), $"No default rule for {capability}.");
        }
        Assert.Equal(Capabilities.All.Length, AuthorityTable.Default.Rules.Count());
    }

    [Fact]
    public void Actor_ToStringHidesTheResidentKey()
    {
        var resident = Actor.Resident("13800001234");

        Assert.DoesNotContain("13800001234", resident.ToString(), StringComparison.Ordinal);
        Assert.Equal("resident:13800001234", resident.AuditName);
    }

    [Fact]
    public void Forbidden_NamesActorCapabilityAndSubject_WithTheModuleCode()
    {
        var actor = Actor.Resident("13800001234");
        var subject = AuthoritySubject.OfMember("ledger-entry:9", M(2));
        var error = new ForbiddenException(actor, Capabilities.ReviewDeclaration, subject, new AuthorityDecision(false, "Residents may not use 'points.review'."));

        Assert.Equal("points.forbidden", error.Code);
        Assert.Contains("points.review", error.Message, StringComparison.Ordinal);
        Assert.Contains("ledger-entry:9", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("13800001234", error.Message, StringComparison.Ordinal);
    }

    private async Task AssertBothAsync(Actor actor, Capability capability, AuthoritySubject subject, NodaTime.LocalDate day, bool allowed)
    {
        var index = await yibin.World.BuildIndexAsync(day);
        var fromIndex = AuthorityRules.Decide(yibin.World.Table, actor, capability, subject, index);
        var fromStore = await yibin.World.DecideThroughPolicyAsync(actor, capability, subject, day);

        Assert.True(allowed == fromIndex.IsAllowed, $"Index: {actor} {capability} {subject.Label}: expected {(allowed ? "allowed" : "refused")}, got '{fromIndex.Reason}'.");
        Assert.True(allowed == fromStore.IsAllowed, $"Store: {actor} {capability} {subject.Label}: expected {(allowed ? "allowed" : "refused")}, got '{fromStore.Reason}'.");
    }
}
