using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rewards;
using GridGovernance.Tests.Scoring.Ledger;
using NodaTime;
using static GridGovernance.Tests.Authority.YibinWorld;

namespace GridGovernance.Tests.Authority;

/// <summary>
/// Every command of the points module (the ledger, publication and rewards) × the actors of the authority matrix,
/// run through the public services on the roster of <see cref="YibinWorld"/>: allowed where
/// <see cref="AuthorityTable.Default"/> says so; otherwise <see cref="ForbiddenException"/> with the module's
/// <c>*.forbidden</c> code and every stored aggregate exactly as it was (<see cref="AuthorityWorld.Versions"/>).
/// </summary>
/// <remarks>
/// The matter is member 2's (grid 1000, community 100) unless a scenario says otherwise. Two allowed commands cannot
/// complete on the world's fixed day and are counted as allowed when they pass the policy and stop at the next
/// check: an adjustment (no period is frozen yet: <see cref="ErrorCodes.LedgerNotInFrozenPeriod"/>) and a freeze
/// (the window published that day is open: <see cref="ErrorCodes.PublicationWindowOpen"/>).
/// </remarks>
public sealed class PointsAuthorityMatrixTest
{
    private static readonly RuleBook Book = LedgerFixture.CreateBook("matrix-book");
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);
    private static readonly RewardItemId Rice = new(1);

    private static readonly Actor DistrictSecretary = Actor.Post(M(90), RoleKind.Secretary, U(1));
    private static readonly Actor GridSecretary = Actor.Post(M(1), RoleKind.Secretary, U(1000));
    private static readonly Actor Cashier110 = Actor.Post(M(8), RoleKind.Cashier, U(110));
    private static readonly Actor Resident = Actor.Resident("13800001234");
    private static readonly Actor Department = Actor.Officer("housing", "officer-1");
    private static readonly Actor System = Actor.System("scheduler");

    private enum Expect
    {
        Allowed,
        Refused,
    }

    /// <summary>One row: who acts, on whose matter, and whether the default table lets them.</summary>
    private sealed record Row(Actor Actor, MemberId Subject, Expect Expect);

    /// <summary>A command of the module: its capability, what it needs stored first, and the call.</summary>
    private sealed record Command(Capability Capability, Func<AuthorityWorld, MemberId, Task<object?>> Setup, Func<AuthorityWorld, Actor, MemberId, object?, Task> Run,
        string? PassesPolicyWithCode = null);

    private static readonly Dictionary<string, Command> Commands = new()
    {
        ["declare"] = new(Capabilities.DeclarePoints, NothingAsync,
            (w, a, m, _) => w.RunAsync<PointsLedgerService, LedgerEntry>(s => s.DeclareAsync(a, Book, Request(m, "declared")))),
        ["record"] = new(Capabilities.RecordEntry, NothingAsync,
            (w, a, m, _) => w.RunAsync<PointsLedgerService, LedgerEntry>(s => s.RecordAsync(a, Book, LedgerSource.Adjustment, Request(m, "recorded")))),
        ["record-adjustment"] = new(Capabilities.RecordEntry, NothingAsync,
            (w, a, m, _) => w.RunAsync<PointsLedgerService, LedgerEntry>(s => s.RecordAdjustmentAsync(a, Book, LedgerSource.Adjustment, Request(m, "adjusted"), Day)),
            ErrorCodes.LedgerNotInFrozenPeriod),
        ["approve"] = new(Capabilities.ReviewDeclaration, DeclaredAsync,
            (w, a, _, e) => w.RunAsync<PointsLedgerService, LedgerEntry>(s => s.ApproveAsync(a, Book, ((LedgerEntry)e!).Id))),
        ["reject"] = new(Capabilities.ReviewDeclaration, DeclaredAsync,
            (w, a, _, e) => w.RunAsync<PointsLedgerService, LedgerEntry>(s => s.RejectAsync(a, ((LedgerEntry)e!).Id, "no sign-in sheet"))),
        ["reverse"] = new(Capabilities.ReverseEntry, RecordedAsync,
            (w, a, _, e) => w.RunAsync<PointsLedgerService, LedgerEntry>(s => s.ReverseAsync(a, ((LedgerEntry)e!).Id, "recorded twice"))),
        ["publish"] = new(Capabilities.PublishPeriod, NothingAsync,
            (w, a, _, _) => w.RunAsync<PeriodPublicationService, PeriodPublication>(s => s.PublishAsync(a, Q1Result(), 5, WorkingDayCalendar.WeekendsOnly))),
        ["revise"] = new(Capabilities.PublishPeriod, PublishedAsync,
            (w, a, _, _) => w.RunAsync<PeriodPublicationService, PeriodPublication>(s => s.ReviseAsync(a, Q1Result()))),
        ["freeze"] = new(Capabilities.PublishPeriod, PublishedAsync,
            (w, a, _, p) => w.RunAsync<PeriodPublicationService, PeriodPublication>(s => s.FreezeAsync(a, ((PeriodPublication)p!).Id)),
            ErrorCodes.PublicationWindowOpen),
        ["object"] = new(Capabilities.RaiseObjection, PublishedAsync,
            (w, a, m, p) => w.RunAsync<PeriodPublicationService, PublicationObjection>(s => s.RaiseObjectionAsync(a, ((PeriodPublication)p!).Id, "my volunteering is missing", m))),
        ["resolve-objection"] = new(Capabilities.ResolveObjection, ObjectedAsync,
            (w, a, _, p) => w.RunAsync<PeriodPublicationService, PublicationObjection>(s => s.ResolveObjectionAsync(a, ((PeriodPublication)p!).Id, 1, ObjectionStatus.Dismissed, "checked"))),
        ["add-rule-book"] = new(Capabilities.ManageRuleBooks, NothingAsync,
            (w, a, _, _) => w.RunAsync<RuleBookCatalogue, StoredRuleBook>(s => s.AddAsync(a, Book, U(1)))),
        ["credit"] = new(Capabilities.CreditAccount, NothingAsync,
            (w, a, m, _) => w.RunAsync<RedemptionService, PointsCredit>(s => s.CreditAsync(a, m, Points.From(5), "q1"))),
        ["redeem"] = new(Capabilities.Redeem, CreditedAsync,
            (w, a, m, _) => w.RunAsync<RedemptionService, Redemption>(s => s.RedeemAsync(a, m, Rice, 1, "order-1"))),
        ["add-reward-item"] = new(Capabilities.ManageRewards, NothingAsync,
            (w, a, _, _) => w.RunAsync<RedemptionService, RewardItem>(s => s.AddRewardItemAsync(a, new RewardItemId(2), "umbrella", Points.From(3), 4))),
        ["add-stock"] = new(Capabilities.ManageRewards, CatalogueAsync,
            (w, a, _, _) => w.RunAsync<RedemptionService, RewardItem>(s => s.AddStockAsync(a, Rice, 3))),
        ["deactivate-reward-item"] = new(Capabilities.ManageRewards, CatalogueAsync,
            (w, a, _, _) => w.RunAsync<RedemptionService, RewardItem>(s => s.DeactivateRewardItemAsync(a, Rice))),
    };

    /// <summary>The scenarios of each capability: every capability has the nine of the matrix, some a few more.</summary>
    private static Dictionary<string, Row> ScenariosOf(Capability capability) => capability.Code switch
    {
        "points.declare" or "points.object" => new()
        {
            ["holder"] = new(Actor.Member(M(2)), M(2), Expect.Allowed),
            ["outside jurisdiction"] = new(Actor.Post(M(4), RoleKind.Secretary, U(1100)), M(2), Expect.Refused),
            ["no role"] = new(Actor.Post(M(2), RoleKind.Secretary, U(1000)), M(2), Expect.Refused),
            ["wrong role"] = new(GridSecretary, M(2), Expect.Refused),
            ["self"] = new(Actor.Member(M(5)), M(2), Expect.Refused), // in person, but someone else's matter
            ["unknown member"] = new(Actor.Member(M(999)), M(999), Expect.Refused),
            ["resident"] = new(Resident, M(2), Expect.Refused),
            ["department not summoned"] = new(Department, M(2), Expect.Refused),
            ["system"] = new(System, M(2), Expect.Refused),
        },
        "points.record" or "points.reverse" or "points.review" => new()
        {
            ["holder"] = new(GridSecretary, M(2), Expect.Allowed),
            ["holder: committee member over a 双报到 organ member"] = new(Actor.Post(M(3), RoleKind.CommitteeMember, U(101)), M(7),
                capability == Capabilities.ReverseEntry ? Expect.Refused : Expect.Allowed), // reversals are the secretary's only
            ["holder: secretary of the organ member's own branch"] = new(Actor.Post(M(9), RoleKind.Secretary, U(30)), M(7), Expect.Allowed),
            ["holder: rotating chair of the regional committee"] = new(Actor.Post(M(6), RoleKind.RotatingChair, U(50)), M(2),
                capability == Capabilities.ReviewDeclaration ? Expect.Allowed : Expect.Refused),
            ["outside jurisdiction"] = new(Actor.Post(M(4), RoleKind.Secretary, U(1100)), M(2), Expect.Refused),
            ["outside jurisdiction: organ member registered elsewhere"] = new(Actor.Post(M(4), RoleKind.Secretary, U(1100)), M(7), Expect.Refused),
            ["no role"] = new(Actor.Post(M(5), RoleKind.Secretary, U(1000)), M(2), Expect.Refused),
            ["wrong role"] = new(Actor.Post(M(5), RoleKind.GridHead, U(1000)), M(2), Expect.Refused),
            ["self"] = new(GridSecretary, M(1), Expect.Refused),
            ["unknown member"] = new(Actor.Post(M(999), RoleKind.Secretary, U(1000)), M(2), Expect.Refused),
            ["resident"] = new(Resident, M(2), Expect.Refused),
            ["department not summoned"] = new(Department, M(2), Expect.Refused),
            ["system"] = new(System, M(2), capability == Capabilities.ReviewDeclaration ? Expect.Refused : Expect.Allowed),
        },
        "points.publish" or "rewards.manage" => new()
        {
            ["holder"] = new(DistrictSecretary, M(2), Expect.Allowed),
            ["outside jurisdiction"] = new(capability == Capabilities.ManageRewards ? Cashier110 : GridSecretary, M(2), Expect.Refused), // not top level
            ["no role"] = new(Actor.Post(M(2), RoleKind.Secretary, U(1)), M(2), Expect.Refused),
            ["wrong role"] = new(Actor.Post(M(5), RoleKind.GridHead, U(1000)), M(2), Expect.Refused),
            ["self"] = new(Actor.Member(M(90)), M(90), Expect.Refused), // no matter of one's own to act on: in person is refused
            ["unknown member"] = new(Actor.Post(M(999), RoleKind.Secretary, U(1)), M(2), Expect.Refused),
            ["resident"] = new(Resident, M(2), Expect.Refused),
            ["department not summoned"] = new(Department, M(2), Expect.Refused),
            ["system"] = new(System, M(2), Expect.Refused),
        },
        "points.rule-book" => new()
        {
            ["holder"] = new(DistrictSecretary, M(2), Expect.Allowed), // the district owns the book
            ["outside jurisdiction"] = new(GridSecretary, M(2), Expect.Refused), // a grid's secretary does not cover the district
            ["no role"] = new(Actor.Post(M(2), RoleKind.Secretary, U(1)), M(2), Expect.Refused),
            ["wrong role"] = new(Actor.Post(M(5), RoleKind.GridHead, U(1000)), M(2), Expect.Refused),
            ["self"] = new(Actor.Member(M(90)), M(90), Expect.Refused), // in person is refused
            ["unknown member"] = new(Actor.Post(M(999), RoleKind.Secretary, U(1)), M(2), Expect.Refused),
            ["resident"] = new(Resident, M(2), Expect.Refused),
            ["department not summoned"] = new(Department, M(2), Expect.Refused),
            ["system"] = new(System, M(2), Expect.Allowed), // an integrator's set-up
        },
        "points.resolve-objection" => new()
        {
            ["holder"] = new(DistrictSecretary, M(2), Expect.Allowed),
            ["outside jurisdiction"] = new(GridSecretary, M(2), Expect.Refused), // not top level
            ["no role"] = new(Actor.Post(M(2), RoleKind.Secretary, U(1)), M(2), Expect.Refused),
            ["wrong role"] = new(Actor.Post(M(5), RoleKind.GridHead, U(1000)), M(2), Expect.Refused),
            ["self"] = new(DistrictSecretary, M(90), Expect.Refused), // the objection the district secretary raised on their own result
            ["unknown member"] = new(Actor.Post(M(999), RoleKind.Secretary, U(1)), M(2), Expect.Refused),
            ["resident"] = new(Resident, M(2), Expect.Refused),
            ["department not summoned"] = new(Department, M(2), Expect.Refused),
            ["system"] = new(System, M(2), Expect.Refused),
        },
        "rewards.credit" or "rewards.redeem" => new()
        {
            ["holder"] = new(Cashier110, M(4), Expect.Allowed),
            ["holder: secretary"] = new(Actor.Post(M(4), RoleKind.Secretary, U(1100)), M(8), capability == Capabilities.CreditAccount ? Expect.Allowed : Expect.Refused),
            ["holder in person"] = new(Actor.Member(M(4)), M(4), capability == Capabilities.Redeem ? Expect.Allowed : Expect.Refused),
            ["outside jurisdiction"] = new(Cashier110, M(2), Expect.Refused),
            ["no role"] = new(Actor.Post(M(4), RoleKind.Cashier, U(110)), M(2), Expect.Refused),
            ["wrong role"] = new(Actor.Post(M(5), RoleKind.GridHead, U(1000)), M(2), Expect.Refused),
            ["self"] = new(Cashier110, M(8), Expect.Refused),
            ["unknown member"] = new(Actor.Post(M(999), RoleKind.Cashier, U(110)), M(4), Expect.Refused),
            ["resident"] = new(Resident, M(4), Expect.Refused),
            ["department not summoned"] = new(Department, M(4), Expect.Refused),
            ["system"] = new(System, M(4), capability == Capabilities.CreditAccount ? Expect.Allowed : Expect.Refused),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(capability), capability.Code, "No scenarios for this capability."),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, command) in Commands)
        {
            foreach (var scenario in ScenariosOf(command.Capability).Keys)
            {
                data.Add(name, scenario);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Command_FollowsTheDefaultTable(string command, string scenario)
    {
        var (capability, setup, run, passesWith) = Commands[command];
        var row = ScenariosOf(capability)[scenario];
        using var yibin = new YibinWorld();
        await yibin.InitializeAsync();
        var world = yibin.World;
        var state = await setup(world, row.Subject);
        var before = world.Versions();

        var attempt = run(world, row.Actor, row.Subject, state);

        if (row.Expect == Expect.Allowed && passesWith is null)
        {
            await attempt;
            Assert.NotEqual(before, world.Versions());
        }
        else if (row.Expect == Expect.Allowed)
        {
            var stopped = await Assert.ThrowsAnyAsync<GridGovernanceException>(() => attempt);
            Assert.IsNotType<ForbiddenException>(stopped);
            Assert.Equal(passesWith, stopped.Code);
        }
        else
        {
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => attempt);
            Assert.Equal(capability.ForbiddenCode, refused.Code);
            Assert.Equal(capability, refused.Capability);
            Assert.Equal(row.Actor, refused.Actor);
            Assert.Equal(before, world.Versions());
        }
    }

    [Fact]
    public void Scenarios_AgreeWithTheDefaultTable()
    {
        foreach (var command in Commands.Values)
        {
            Assert.True(AuthorityTable.Default.TryGetRule(command.Capability, out var rule));
            var rows = ScenariosOf(command.Capability);
            Assert.Equal(rule.System, rows["system"].Expect == Expect.Allowed);
            Assert.Equal(rule.Residents, rows["resident"].Expect == Expect.Allowed);
            Assert.Equal(rule.SummonedDepartments, rows["department not summoned"].Expect == Expect.Allowed);
            Assert.Equal(rule.Roles.Contains(rows["holder"].Actor.Role) || rule.InPerson != PersonAccess.None, rows["holder"].Expect == Expect.Allowed);
            foreach (var row in rows.Values.Where(r => r.Actor.Kind == ActorKind.Post && r.Expect == Expect.Allowed))
            {
                Assert.Contains(row.Actor.Role, rule.Roles);
            }
        }
        Assert.Equal(
            // A unit's declaration (points.unit-declare) has a unit, not a member, as its matter: UnitPointsServiceTest runs
            // its matrix (every post of the roster on every unit) as a property.
            Capabilities.All.Where(c => c.Module is "points" or "rewards" && c != Capabilities.DeclareUnitPoints).Select(c => c.Code).Order(StringComparer.Ordinal),
            Commands.Values.Select(c => c.Capability.Code).Distinct().Order(StringComparer.Ordinal));
    }

    private static LedgerEntryRequest Request(MemberId member, string key) => new()
    {
        Member = member,
        ItemCode = "themed-party-day",
        OccurredOn = new LocalDate(2024, 5, 10),
        IdempotencyKey = key,
    };

    private static AssessmentResult Q1Result() =>
        AssessmentEngine.Assess(Book, Q1, [new AssessmentSubject(M(2), MemberKind.LongResident, U(1000)), new AssessmentSubject(M(90), MemberKind.LongResident, U(20))], []);

    private static Task<object?> NothingAsync(AuthorityWorld world, MemberId subject) => Task.FromResult<object?>(null);

    private static async Task<object?> DeclaredAsync(AuthorityWorld world, MemberId subject) =>
        await world.RunAsync<PointsLedgerService, LedgerEntry>(s => s.DeclareAsync(Actor.Member(subject), Book, Request(subject, "declared")));

    private static async Task<object?> RecordedAsync(AuthorityWorld world, MemberId subject) =>
        await world.RunAsync<PointsLedgerService, LedgerEntry>(s => s.RecordAsync(Actor.System("work-orders"), Book, LedgerSource.WorkOrder, Request(subject, "recorded")));

    private static async Task<object?> PublishedAsync(AuthorityWorld world, MemberId subject) =>
        await world.RunAsync<PeriodPublicationService, PeriodPublication>(s => s.PublishAsync(DistrictSecretary, Q1Result(), 5, WorkingDayCalendar.WeekendsOnly));

    /// <summary>Published, with objection 1 raised by the subject member in person on their own result.</summary>
    private static async Task<object?> ObjectedAsync(AuthorityWorld world, MemberId subject)
    {
        var published = (PeriodPublication)(await PublishedAsync(world, subject))!;
        await world.RunAsync<PeriodPublicationService, PublicationObjection>(s => s.RaiseObjectionAsync(Actor.Member(subject), published.Id, "my result is wrong"));
        return published;
    }

    private static async Task<object?> CatalogueAsync(AuthorityWorld world, MemberId subject) =>
        await world.RunAsync<RedemptionService, RewardItem>(s => s.AddRewardItemAsync(DistrictSecretary, Rice, "rice", Points.From(2), 10));

    private static async Task<object?> CreditedAsync(AuthorityWorld world, MemberId subject)
    {
        await CatalogueAsync(world, subject);
        await world.RunAsync<RedemptionService, PointsCredit>(s => s.CreditAsync(Actor.System("annual-grant"), subject, Points.From(10), "grant"));
        return null;
    }
}
