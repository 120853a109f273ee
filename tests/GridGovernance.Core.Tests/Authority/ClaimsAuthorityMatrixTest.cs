using GridGovernance.Authority;
using GridGovernance.Claims;
using GridGovernance.Organisation;
using GridGovernance.Tests.Claims;
using NodaTime;
using static GridGovernance.Tests.Authority.YibinWorld;

namespace GridGovernance.Tests.Authority;

/// <summary>
/// Every claims command (项目认领, 微心愿) × every kind of actor, run through the public services on the
/// <see cref="YibinWorld"/> roster. The matter sits at grid 1000 (its projects, needs, wishes); the claimant is organ
/// branch 30, listed, whose secretary is member 9. Each case states what happens; the test checks the service does
/// it, that <see cref="AuthorityTable.Default"/> allows exactly the cases that were not refused, and that every
/// refusal threw <see cref="ForbiddenException"/> (<c>claims.forbidden</c>) with every stored version unchanged.
/// </summary>
public sealed class ClaimsAuthorityMatrixTest
{
    private const string Ok = "ok";
    private const string Forbidden = "forbidden";
    private static readonly ProjectId P1 = new(1);
    private static readonly WishId W1 = new(1);
    private static readonly OrgUnitId Grid = U(1000), Organ = U(30);
    private static readonly Actor District = Actor.Post(M(90), RoleKind.Secretary, U(1));
    private static readonly Actor OrganSecretary = Actor.Post(M(9), RoleKind.Secretary, Organ);

    /// <summary>The actors every command is tried with; "holder" is the command's own (see <see cref="Holder"/>).</summary>
    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["chair"] = Actor.Post(M(6), RoleKind.RotatingChair, U(50)),           // 轮值主席 of regional committee 50, spanning community 100
        ["post-elsewhere"] = Actor.Post(M(4), RoleKind.Secretary, U(1100)),    // a real secretary, of a grid outside community 100
        ["post-not-held"] = Actor.Post(M(2), RoleKind.Secretary, Grid),        // member 2 holds no post
        ["wrong-role"] = Actor.Post(M(5), RoleKind.GridHead, Grid),            // 网格长 of grid 1000, really held
        ["unknown-post"] = Actor.Post(M(999), RoleKind.Secretary, Grid),
        ["unknown-member"] = Actor.Member(M(999)),
        ["in-person"] = Actor.Member(M(4)),
        ["resident"] = Actor.Resident("13800000001"),
        ["department"] = Actor.Officer("civil-affairs", "officer-1"),
        ["system"] = Actor.System("claims-job"),
    };

    /// <summary>
    /// What each command does with each actor: <c>ok</c>, <c>forbidden</c>, or the domain refusal of an actor the
    /// table lets through. Cases not named are forbidden.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Expected = new()
    {
        // claims.propose: secretary, committee member, rotating chair in jurisdiction.
        ["raise-need"] = new() { ["holder"] = Ok, ["chair"] = Ok },
        ["list-resource"] = new() { ["holder"] = Ok, ["chair"] = Ok },
        ["propose"] = new() { ["holder"] = Ok, ["chair"] = Ok },
        ["open"] = new() { ["holder"] = Ok, ["chair"] = Ok },
        ["add-wish"] = new() { ["holder"] = Ok, ["chair"] = Ok },
        // claims.claim: the secretary of the claiming unit, which is the post's own unit. Grid 1100's secretary is
        // one too: grid 1100 is listed, so it may claim; it may not sign for a claim of organ 30's nor send its member.
        ["claim"] = new() { ["holder"] = Ok, ["post-elsewhere"] = Ok },
        ["sign"] = new() { ["holder"] = Ok, ["post-elsewhere"] = ErrorCodes.ClaimsPersonOutsideJurisdiction },
        // claims.match: secretary, rotating chair. A post outside is allowed to match, and sees no project.
        ["match"] = new() { ["holder"] = "ok:1", ["chair"] = "ok:1", ["post-elsewhere"] = "ok:0" },
        ["apply-matching"] = new() { ["holder"] = Ok, ["chair"] = Ok },
        // claims.complete: secretary, committee member, rotating chair in jurisdiction, and the system.
        ["start-delivery"] = new() { ["holder"] = Ok, ["chair"] = Ok, ["system"] = Ok },
        ["complete"] = new() { ["holder"] = Ok, ["chair"] = Ok, ["system"] = Ok },
        ["fail"] = new() { ["holder"] = Ok, ["chair"] = Ok, ["system"] = Ok },
        // The sweep of lapsed wish claims: the whole pool, at no node, so the system only.
        ["expire-wishes"] = new() { ["system"] = Ok },
        // claims.wish: anyone in person on the roster; only the claimant fulfils.
        ["claim-wish"] = new() { ["holder"] = Ok, ["in-person"] = Ok },
        ["fulfil-wish"] = new() { ["holder"] = Ok, ["in-person"] = ErrorCodes.ClaimsNotClaimant },
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in Expected.Keys)
        {
            foreach (var actor in Actors.Keys.Prepend("holder"))
            {
                data.Add(command, actor);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryCommand_AllowsExactlyWhomTheTableAllows_AndARefusalChangesNothing(string command, string actorCase)
    {
        using var yibin = new YibinWorld();
        await yibin.InitializeAsync();
        var world = yibin.World;
        var actor = actorCase == "holder" ? Holder(command) : Actors[actorCase];
        var expected = Expected[command].GetValueOrDefault(actorCase, Forbidden);
        var (capability, subject) = await SetUpAsync(world, command, actor);
        var before = world.Versions();

        string outcome;
        try
        {
            outcome = await RunAsync(world, command, actor);
        }
        catch (ForbiddenException e)
        {
            Assert.Equal(("claims.forbidden", capability), (e.Code, e.Capability));
            outcome = Forbidden;
        }
        catch (GridGovernanceException e)
        {
            outcome = e.Code;
        }

        Assert.Equal(expected, outcome);
        if (outcome != Ok)
        {
            Assert.Equal(before, world.Versions());
        }
        else
        {
            Assert.NotEqual(before, world.Versions());
        }
        var index = await world.BuildIndexAsync(Day);
        var decision = AuthorityRules.Decide(AuthorityTable.Default, actor, capability, subject(actor), index);
        Assert.True(decision.IsAllowed == (outcome != Forbidden), $"The table says {decision.IsAllowed} ({decision.Reason}); the service did {outcome}.");
    }

    /// <summary>The actor the case reports name for the command: the post whose work it is.</summary>
    private static Actor Holder(string command) => command switch
    {
        "claim" or "sign" => OrganSecretary,
        "claim-wish" or "fulfil-wish" => Actor.Member(M(2)),
        "expire-wishes" => Actor.Post(M(1), RoleKind.Secretary, Grid),   // the grid's secretary: still not the sweep's
        _ => Actor.Post(M(1), RoleKind.Secretary, Grid),                   // 书记 of grid 1000
    };

    /// <summary>Brings the store to where the command applies; returns the capability asked and the subject the service builds.</summary>
    private static async Task<(Capability, Func<Actor, AuthoritySubject>)> SetUpAsync(AuthorityWorld world, string command, Actor actor)
    {
        AuthoritySubject AtGrid(string label) => AuthoritySubject.At(label, Grid);
        AuthoritySubject ClaimantOf(Actor a) => new("project:1") { Node = a.Kind == ActorKind.Post ? a.Unit : null };
        await Claims(world, s => s.ListResourceAsync(OrganSecretary, Listing(Organ)));
        if (command == "claim")
        {
            await Claims(world, s => s.ListResourceAsync(Actor.Post(M(4), RoleKind.Secretary, U(1100)), Listing(U(1100))));
        }
        if (command is "raise-need" or "list-resource" or "propose" or "add-wish")
        {
            return command switch
            {
                "raise-need" => (Capabilities.ProposeProject, _ => AtGrid("need:5")),
                "list-resource" => (Capabilities.ProposeProject, _ => AtGrid("listing:1000")),
                "propose" => (Capabilities.ProposeProject, _ => AtGrid("project:2")),
                _ => (Capabilities.ProposeProject, _ => AtGrid("wish:1")),
            };
        }
        if (command is "add-wish" or "claim-wish" or "fulfil-wish" or "expire-wishes")
        {
            await Wishes(world, s => s.AddAsync(District, Wish()));
            if (command == "claim-wish")
            {
                return (Capabilities.ClaimWish, _ => AtGrid("wish:1"));
            }
            await Wishes(world, s => s.ClaimAsync(Actor.Member(M(2)), W1, Day.PlusDays(command == "expire-wishes" ? -10 : 0)));
            return command == "fulfil-wish"
                ? (Capabilities.ClaimWish, _ => AtGrid("wish:1"))
                : (Capabilities.CompleteProject, _ => new AuthoritySubject("micro-wishes"));
        }
        await Claims(world, s => s.ProposeAsync(District, Project(1)));
        if (command == "open")
        {
            return (Capabilities.ProposeProject, _ => AtGrid("project:1"));
        }
        await Claims(world, s => s.OpenAsync(District, P1));
        switch (command)
        {
            case "claim":
                return (Capabilities.ClaimProject, ClaimantOf);
            case "match":
                return (Capabilities.MatchProjects, a => new AuthoritySubject("matching") { Node = a.Kind == ActorKind.Post ? a.Unit : null });
            case "apply-matching":
                return (Capabilities.MatchProjects, _ => AtGrid("project:1"));
        }
        await Claims(world, s => s.ClaimAsync(OrganSecretary, P1));
        if (command == "sign")
        {
            return (Capabilities.ClaimProject, ClaimantOf);
        }
        await Claims(world, s => s.SignAgreementAsync(OrganSecretary, P1, [M(9)], 0m, ["上门服务"], Deadline));
        if (command != "start-delivery")
        {
            await Claims(world, s => s.StartDeliveryAsync(District, P1));
        }
        return (Capabilities.CompleteProject, _ => AtGrid("project:1"));
    }

    private static async Task<string> RunAsync(AuthorityWorld world, string command, Actor actor)
    {
        switch (command)
        {
            case "raise-need":
                await Claims(world, s => s.RaiseNeedAsync(actor, new Need(new NeedId(5), Grid, "elderly-care", "独居老人助餐", ClaimMatcherTest.North(0), NeedUrgency.Urgent, "1号楼", Day)));
                break;
            case "list-resource":
                await Claims(world, s => s.ListResourceAsync(actor, Listing(Grid)));
                break;
            case "propose":
                await Claims(world, s => s.ProposeAsync(actor, Project(2)));
                break;
            case "open":
                await Claims(world, s => s.OpenAsync(actor, P1));
                break;
            case "add-wish":
                await Wishes(world, s => s.AddAsync(actor, Wish()));
                break;
            case "claim":
                await Claims(world, s => s.ClaimAsync(actor, P1));
                break;
            case "sign":
                await Claims(world, s => s.SignAgreementAsync(actor, P1, [M(9)], 0m, ["上门服务"], Deadline));
                break;
            case "match":
                var matching = await Claims(world, s => s.MatchOpenProjectsAsync(actor));
                return "ok:" + matching.Projects.Count(p => p.Assignments.Length > 0);
            case "apply-matching":
                var made = await Claims(world, s => s.MatchOpenProjectsAsync(District));
                Assert.Equal(1, made.FilledPlaces);
                Assert.Equal(1, await Claims(world, s => s.ApplyMatchingAsync(actor, made)));
                break;
            case "start-delivery":
                await Claims(world, s => s.StartDeliveryAsync(actor, P1));
                break;
            case "complete":
                await Claims(world, s => s.CompleteAsync(actor, P1, [M(9)], Day));
                break;
            case "fail":
                await Claims(world, s => s.FailAsync(actor, P1, "资金未落实"));
                break;
            case "expire-wishes":
                Assert.Equal([W1], await Wishes(world, s => s.ExpireClaimsAsync(actor, Day, expiryDays: 3)));
                break;
            case "claim-wish":
                await Wishes(world, s => s.ClaimAsync(actor, W1, Day));
                break;
            case "fulfil-wish":
                await Wishes(world, s => s.FulfilAsync(actor, W1, Day));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, null);
        }
        return Ok;
    }

    private static readonly LocalDate Deadline = new(2024, 9, 30);

    private static ServiceProject Project(int id) =>
        new(new ProjectId(id), $"项目{id}", "elderly-care", new AreaId(1), Grid, ClaimMatcherTest.North(100), 1, Deadline, []);

    private static ResourceListing Listing(OrgUnitId unit) =>
        new(unit, ["elderly-care"], 1, ClaimMatcherTest.North(300), [], new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)), []);

    private static MicroWish Wish() => new(W1, Grid, "一台助听器", "张*", Day);

    private static Task<T> Claims<T>(AuthorityWorld world, Func<ClaimService, Task<T>> action) => world.RunAsync(action);

    private static Task<T> Wishes<T>(AuthorityWorld world, Func<MicroWishService, Task<T>> action) => world.RunAsync(action);
}
