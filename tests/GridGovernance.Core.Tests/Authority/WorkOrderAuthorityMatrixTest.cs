using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.WorkOrders;
using static GridGovernance.Tests.Authority.YibinWorld;

namespace GridGovernance.Tests.Authority;

/// <summary>
/// Every work-order capability × every kind of actor, through <see cref="WorkOrderService"/> on the roster of
/// <see cref="YibinWorld"/>. Each case gets a fresh order in a state where the command is legal and breaks no other
/// rule, at grid 1000 (a 小事 stays at its grid), so authority alone decides. The expected answer is read from the row
/// of <see cref="AuthorityTable.Default"/>; an allowed command must change the store, a refused one must throw
/// <see cref="ForbiddenException"/> with <c>workorders.forbidden</c> and leave every stored version as it was.
/// </summary>
public sealed class WorkOrderAuthorityMatrixTest(YibinWorld yibin) : IClassFixture<YibinWorld>
{
    private const string FilerKey = "filer-1";

    private static readonly OrgUnitId Grid = U(1000);
    private static readonly Actor GridSecretary = Actor.Post(M(1), RoleKind.Secretary, Grid);          // 书记 of grid 1000
    private static readonly Actor GridHead = Actor.Post(M(5), RoleKind.GridHead, Grid);                // 网格长 of grid 1000
    private static readonly Actor DistrictSecretary = Actor.Post(M(90), RoleKind.Secretary, U(1));     // 书记 of the district
    private static readonly Actor Housing = Actor.Officer("housing", "h-1");

    /// <summary>The capabilities, by name: what state the order needs, who holds the capability, and the command.</summary>
    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["file"] = new(Capabilities.FileOrder, Stage.None, GridSecretary, (s, a, _) => s.FileAsync(a, Draft())),
        ["triage"] = new(Capabilities.TriageOrder, Stage.Filed, GridSecretary, (s, a, o) => s.TriageAsync(a, o)),
        ["claim"] = new(Capabilities.ClaimOrder, Stage.Triaged, GridSecretary, (s, a, o) => s.ClaimAsync(a, o)),
        ["transfer"] = new(Capabilities.TransferOrder, Stage.Claimed, GridSecretary, (s, a, o) => s.TransferAsync(a, o, Grid, "退回重新领单")),
        ["supervise"] = new(Capabilities.SuperviseOrder, Stage.Triaged, GridSecretary, (s, a, o) => s.SuperviseAsync(a, o, "督办")),
        ["escalate"] = new(Capabilities.EscalateOrder, Stage.Triaged, GridSecretary, (s, a, o) => s.EscalateAsync(a, o, "本级无法解决")),
        ["whistle"] = new(Capabilities.WhistleOrder, Stage.Triaged, DistrictSecretary, (s, a, o) => s.WhistleAsync(a, o, [new DepartmentSummons("city-management")])),
        ["acknowledge-part"] = new(Capabilities.DepartmentReport, Stage.Whistled, Housing, (s, a, o) => s.AcknowledgePartAsync(a, o)),
        ["resolve-part"] = new(Capabilities.DepartmentReport, Stage.Acknowledged, Housing, (s, a, o) => s.ResolvePartAsync(a, o, "更换排水管")),
        ["resolve"] = new(Capabilities.ResolveOrder, Stage.Claimed, GridSecretary, (s, a, o) => s.ResolveAsync(a, o, "photo:after")),
        ["rate"] = new(Capabilities.RateOrder, Stage.Resolved, Actor.Resident(FilerKey), (s, a, o) => s.RateAsync(a, o, satisfied: true)),
        ["close"] = new(Capabilities.CloseOrder, Stage.Resolved, GridSecretary, (s, a, o) => s.CloseAsync(a, o)),
        ["deliberation"] = new(Capabilities.CloseOrder, Stage.Triaged, GridSecretary,
            (s, a, o) => s.RecordDeliberationAsync(a, o, new DeliberationRecord(Day, 12, "居民议定由物业清理"))),
    };

    /// <summary>
    /// The actors tried on every capability, with the answer the table's row gives them. Member 2 is an ordinary
    /// member of grid 1000 who filed nothing; member 4 is secretary of grid 1100 (another street); member 6 holds the
    /// rotating chair (轮值主席) of regional committee 50, which spans community 100 (a post no work-order row names).
    /// </summary>
    private static readonly (string Name, Func<Row, Actor> Actor, Func<AuthorityRule, bool> Allowed)[] Cases =
    [
        ("holder of the right post on the right unit", r => r.Holder, _ => true),
        ("right role, unit outside jurisdiction", _ => Actor.Post(M(4), RoleKind.Secretary, U(1100)),
            rule => rule.Roles.Contains(RoleKind.Secretary) && rule.Scope != PostScope.Jurisdiction),
        ("a post the member does not hold", _ => Actor.Post(M(2), RoleKind.Secretary, Grid), _ => false),
        ("a post no row of work orders names (rotating chair)", _ => Actor.Post(M(6), RoleKind.RotatingChair, U(50)), rule => rule.Roles.Contains(RoleKind.RotatingChair)),
        ("grid head of the order's grid", _ => GridHead, rule => rule.Roles.Contains(RoleKind.GridHead)),
        ("unknown member in a post", _ => Actor.Post(M(999), RoleKind.Secretary, Grid), _ => false),
        ("unknown member in person", _ => Actor.Member(M(999)), _ => false),
        ("member in person, not the filer", _ => Actor.Member(M(2)), rule => rule.InPerson == PersonAccess.Anyone),
        ("resident who did not file it", _ => Actor.Resident("stranger"), rule => rule.Residents && rule.InPerson == PersonAccess.Anyone),
        ("officer of a department not summoned", _ => Actor.Officer("education", "e-1"), _ => false),
        ("the system", _ => Actor.System("matrix"), rule => rule.System),
    ];

    private enum Stage
    {
        None,
        Filed,
        Triaged,
        Claimed,
        Whistled,
        Acknowledged,
        Resolved,
    }

    public static TheoryData<string, int> Matrix()
    {
        var data = new TheoryData<string, int>();
        foreach (var row in Rows.Keys)
        {
            for (int c = 0; c < Cases.Length; c++)
            {
                data.Add(row, c);
            }
        }
        return data;
    }

    [Fact]
    public void TheMatrix_CoversEveryWorkOrderCapabilityOfTheTable()
    {
        var covered = Rows.Values.Select(r => r.Capability).ToHashSet();
        var table = AuthorityTable.Default.Rules.Select(r => r.Capability).Where(c => c.Code.StartsWith("workorders.", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(table.OrderBy(c => c.Code), covered.OrderBy(c => c.Code));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EveryCapability_ForEveryActor_IsDecidedAsTheTableSays(string rowName, int caseIndex)
    {
        var row = Rows[rowName];
        var (name, actorOf, allowedBy) = Cases[caseIndex];
        var rule = AuthorityTable.Default[row.Capability];
        var actor = actorOf(row);
        bool expected = allowedBy(rule);
        var order = await PrepareAsync(row.Stage, Actor.Resident(FilerKey), GridHead);
        await ExpectAsync(row, actor, order, expected, $"{rowName} by {name} ({actor})");
    }

    [Fact]
    public async Task Rate_ByAHandlerWhoFiledIt_IsRefused_ByAFilerWhoDidNotHandleIt_IsAllowed()
    {
        var row = Rows["rate"];
        Assert.True(AuthorityTable.Default[Capabilities.RateOrder].RefusesSelfDealing);
        // Member 5, grid head, reports an order in person (网格员上报), then claims and resolves it in the post.
        var own = await PrepareAsync(Stage.Resolved, Actor.Member(M(5)), GridHead);
        await ExpectAsync(row, Actor.Member(M(5)), own, allowed: false, "rate by the handler who filed it");
        // Member 2 files in person and member 5 handles: member 2 rates their own order.
        var other = await PrepareAsync(Stage.Resolved, Actor.Member(M(2)), GridHead);
        await ExpectAsync(row, Actor.Member(M(2)), other, allowed: true, "rate by a member who filed it");
        // Acting in a post does not make anyone the filer.
        var filed = await PrepareAsync(Stage.Resolved, Actor.Member(M(1)), GridHead);
        await ExpectAsync(row, GridSecretary, filed, allowed: false, "rate by the filer acting in a post");
    }

    [Fact]
    public async Task Transfer_ToAUnitOutsideTheActorsJurisdiction_IsRefused()
    {
        var order = await PrepareAsync(Stage.Claimed, Actor.Resident(FilerKey), GridHead);
        var row = Rows["transfer"] with { Command = (s, a, o) => s.TransferAsync(a, o, U(1100)) };
        await ExpectAsync(row, GridSecretary, order, allowed: false, "transfer by grid 1000's secretary to grid 1100");
        await ExpectAsync(row, DistrictSecretary, order, allowed: true, "transfer by the district's secretary to grid 1100");
    }

    [Fact]
    public async Task Scans_ActAsTheSystem_AndRefuseAnyoneTheTableRefuses()
    {
        var versions = yibin.World.Versions();
        var resident = await Assert.ThrowsAsync<ForbiddenException>(() =>
            yibin.World.RunAsync<WorkOrderService, int>(async s => (await s.SendRemindersAsync(Actor.Resident(FilerKey))).Length));
        Assert.Equal("workorders.forbidden", resident.Code);
        Assert.Equal(versions, yibin.World.Versions());
        // Nothing is due on the day, so the system's scans find nothing — and are allowed.
        await PrepareAsync(Stage.Triaged, Actor.Resident(FilerKey), GridHead);
        Assert.Equal(0, await yibin.World.RunAsync<WorkOrderService, int>(async s => (await s.SendRemindersAsync(Actor.System("work-order-scan"))).Length));
        Assert.Equal(0, await yibin.World.RunAsync<WorkOrderService, int>(async s => (await s.EscalateOverdueAsync(Actor.System("work-order-scan"))).Length));
    }

    private async Task ExpectAsync(Row row, Actor actor, WorkOrderId? order, bool allowed, string what)
    {
        var before = yibin.World.Versions();
        if (allowed)
        {
            await yibin.World.RunAsync<WorkOrderService, bool>(async s =>
            {
                await row.Command(s, actor, order ?? default);
                return true;
            });
            Assert.True(!before.SequenceEqual(yibin.World.Versions()), $"{what}: allowed, but the store did not change.");
            return;
        }
        var refused = await Record.ExceptionAsync(() => yibin.World.RunAsync<WorkOrderService, bool>(async s =>
        {
            await row.Command(s, actor, order ?? default);
            return true;
        }));
        var forbidden = Assert.IsType<ForbiddenException>(refused);
        Assert.True(forbidden.Code == "workorders.forbidden", $"{what}: code {forbidden.Code}.");
        Assert.Equal(row.Capability, forbidden.Capability);
        Assert.Equal(before, yibin.World.Versions());
    }

    /// <summary>A fresh order at grid 1000, filed by <paramref name="filer"/>, driven to <paramref name="stage"/> by posts that may.</summary>
    private async Task<WorkOrderId?> PrepareAsync(Stage stage, Actor filer, Actor handler)
    {
        if (stage == Stage.None)
        {
            return null;
        }
        return await yibin.World.RunAsync<WorkOrderService, WorkOrderId>(async s =>
        {
            var id = (await s.FileAsync(filer, Draft())).Id;
            if (stage >= Stage.Triaged)
            {
                await s.TriageAsync(GridSecretary, id);
            }
            if (stage is Stage.Claimed or Stage.Resolved)
            {
                await s.ClaimAsync(handler, id);
            }
            if (stage is Stage.Whistled or Stage.Acknowledged)
            {
                await s.WhistleAsync(DistrictSecretary, id, [new DepartmentSummons("housing")]);
            }
            if (stage == Stage.Acknowledged)
            {
                await s.AcknowledgePartAsync(Housing, id);
            }
            if (stage == Stage.Resolved)
            {
                await s.ResolveAsync(handler, id, "photo:after");
            }
            var order = await s.GetAsync(id);
            Assert.Equal(Grid, order.ResponsibleUnit);
            return id;
        });
    }

    private static WorkOrderDraft Draft() => new()
    {
        Category = "parking", // 小事: stays at the grid
        Description = "小区免费停车时间太短",
        Unit = Grid,
        Channel = WorkOrderChannel.App,
    };

    private sealed record Row(Capability Capability, Stage Stage, Actor Holder, Func<WorkOrderService, Actor, WorkOrderId, Task<WorkOrder>> Command);
}
