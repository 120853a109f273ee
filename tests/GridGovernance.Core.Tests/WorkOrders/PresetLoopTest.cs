using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// Every preset schema runs the whole work-order loop (四单: file → triage → claim → resolve → rate → close, and a 大事
/// with a whistle, 吹哨报到) on a small city of its own chain; the levels, the grid and who may whistle come from the
/// schema. A town (镇) blows the whistle like a street, and keeps doing so after it becomes a street (改镇设街).
/// </summary>
public class PresetLoopTest
{
    private static readonly LocalDate D0 = new(2024, 1, 1);
    private static readonly OrgUnitId District = new(1), Upper = new(10), Community = new(100), Grid = new(1000), Inner = new(10000), LoneGroup = new(10001);
    private static readonly Actor Resident = Actor.Resident("wx:openid-9");

    /// <summary>
    /// District 1 → street (or town) 10 → community 100 → grid 1000 (the schema's grid kind) → a unit 10000 under the
    /// grid where the schema allows one (a party group); under Wanshan also a party group 10001 directly under the
    /// community (a grid of its own). M1 sits in the deepest unit, M2 (grid head of 1000), M3 (secretary of 10) and
    /// M5 (secretary of the district) in the grid.
    /// </summary>
    private static RosterBatch City(HierarchySchema schema, UnitKind upper)
    {
        var innerKind = schema.Kinds.Where(k => schema.Allows(k, schema.GridKind) && schema.MemberKinds.Contains(k)).Order().Cast<UnitKind?>().FirstOrDefault();
        List<UnitDraft> units =
        [
            new(District, UnitKind.District, "万山区", null),
            new(Upper, upper, upper == UnitKind.Town ? "三和镇" : "谢桥街道", District),
            new(Community, UnitKind.Community, "弘湖社区", Upper),
            new(Grid, schema.GridKind, "第一网格", Community),
        ];
        if (innerKind is UnitKind inner)
        {
            units.Add(new(Inner, inner, "一号楼党小组", Grid));
        }
        if (schema == HierarchySchemas.Wanshan)
        {
            units.Add(new(LoneGroup, UnitKind.PartyGroup, "第二网格党小组", Community));
        }
        var deepest = innerKind is null ? Grid : Inner;
        return new RosterBatch
        {
            Units = units,
            Members =
            [
                new(new MemberId(1), "张一", MemberKind.LongResident, new LocalDate(2001, 7, 1), deepest),
                new(new MemberId(2), "李二", MemberKind.LongResident, new LocalDate(2002, 7, 1), Grid),
                new(new MemberId(3), "王三", MemberKind.LongResident, new LocalDate(2003, 7, 1), Grid),
                new(new MemberId(5), "赵五", MemberKind.LongResident, new LocalDate(2005, 7, 1), Grid),
            ],
            Households = [new(new HouseholdId(1), Grid, "弘湖社区1号楼")],
            Roles =
            [
                new(new MemberId(2), RoleKind.GridHead, Grid),
                new(new MemberId(3), RoleKind.Secretary, Upper),
                new(new MemberId(5), RoleKind.Secretary, District),
            ],
        };
    }

    private sealed class City_ : IDisposable
    {
        private readonly ServiceProvider provider;

        public City_(HierarchySchema schema, UnitKind upper)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IClock>(Clock);
            services.AddGridGovernance(o => o.Schema = schema);
            provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            Organisation(s => s.ImportAsync(TestActors.System, City(schema, upper), D0)).GetAwaiter().GetResult();
        }

        public FakeClock Clock { get; } = new(Instant.FromUtc(2024, 6, 3, 2, 0)); // Monday 10:00 in Shanghai

        public LocalDate Today => Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;

        public async Task<T> Orders<T>(Func<WorkOrderService, Task<T>> operation)
        {
            using var scope = provider.CreateScope();
            return await operation(scope.ServiceProvider.GetRequiredService<WorkOrderService>());
        }

        public async Task<T> Organisation<T>(Func<OrganisationService, Task<T>> operation)
        {
            using var scope = provider.CreateScope();
            return await operation(scope.ServiceProvider.GetRequiredService<OrganisationService>());
        }

        public async Task<T> Queries<T>(Func<OrganisationQueries, Task<T>> operation)
        {
            using var scope = provider.CreateScope();
            return await operation(scope.ServiceProvider.GetRequiredService<OrganisationQueries>());
        }

        public async Task<string> FingerprintAsync()
        {
            using var scope = provider.CreateScope();
            var lines = (await scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync()).Select(u => $"{u.Id} v{u.Version} {u.Kind}").ToList();
            lines.AddRange((await scope.ServiceProvider.GetRequiredService<IReadRepository<WorkOrder>>().ListAsync()).Select(o => $"{o.Id} v{o.Version}"));
            lines.Sort(StringComparer.Ordinal);
            return string.Join("\n", lines);
        }

        public void Dispose() => provider.Dispose();
    }

    private static readonly Actor GridHead = Actor.Post(new MemberId(2), RoleKind.GridHead, Grid);
    private static readonly Actor UpperSecretary = Actor.Post(new MemberId(3), RoleKind.Secretary, Upper);
    private static readonly Actor DistrictSecretary = Actor.Post(new MemberId(5), RoleKind.Secretary, District);

    private static WorkOrderDraft Draft(OrgUnitId unit, WorkOrderUrgency urgency = WorkOrderUrgency.Routine) => new()
    {
        Category = "parking",
        Description = "小区门口乱停车",
        Unit = unit,
        Channel = WorkOrderChannel.Hotline12345,
        Urgency = urgency,
    };

    public static TheoryData<string, string> Presets()
    {
        var data = new TheoryData<string, string>();
        foreach (var schema in HierarchySchemas.All)
        {
            data.Add(schema.Name, UnitKind.Street.Code);
            data.Add(schema.Name, UnitKind.Town.Code);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public async Task EveryPreset_RunsTheFourOrderLoop_AndAWhistledBigMatter(string preset, string upperKind)
    {
        var schema = HierarchySchemas.All.Single(s => s.Name == preset);
        using var city = new City_(schema, new UnitKind(upperKind));
        var deepest = schema.Kinds.Any(k => schema.Allows(k, schema.GridKind) && schema.MemberKinds.Contains(k)) ? Inner : Grid;

        // 小事不出网格: a matter filed in a unit under the grid goes to the grid, the outermost grid unit of its path.
        var small = await city.Orders(s => s.FileAsync(Resident, Draft(deepest)));
        var triaged = await city.Orders(s => s.TriageAsync(GridHead, small.Id));
        Assert.Equal(Grid, triaged.ResponsibleUnit);
        await city.Orders(s => s.ClaimAsync(GridHead, small.Id));
        await city.Orders(s => s.ResolveAsync(GridHead, small.Id, "photo:after"));
        await city.Orders(s => s.RateAsync(Resident, small.Id, true));
        var closed = await city.Orders(s => s.CloseAsync(GridHead, small.Id));
        Assert.Equal(WorkOrderStatus.Closed, closed.Status);

        // 大事不出街道 (急事 here): the street or town takes it and blows the whistle (镇街吹哨、部门报到).
        var big = await city.Orders(s => s.FileAsync(Resident, Draft(deepest, WorkOrderUrgency.Critical)));
        Assert.Equal(Upper, (await city.Orders(s => s.TriageAsync(GridHead, big.Id))).ResponsibleUnit);
        await city.Orders(s => s.ClaimAsync(UpperSecretary, big.Id));
        // The grid may not whistle under any preset.
        var refused = await Assert.ThrowsAnyAsync<GridGovernanceException>(() => city.Orders(s => s.WhistleAsync(GridHead, big.Id, [new("city-management")])));
        Assert.Contains(refused.Code, new[] { ErrorCodes.WorkOrderOutsideJurisdiction, "workorders.forbidden" });
        var whistled = await city.Orders(s => s.WhistleAsync(UpperSecretary, big.Id, [new("city-management"), new("housing")]));
        Assert.Equal(WorkOrderStatus.Whistled, whistled.Status);
        foreach (var department in new[] { "city-management", "housing" })
        {
            var officer = Actor.Officer(department, "officer-1");
            await city.Orders(s => s.AcknowledgePartAsync(officer, big.Id));
            await city.Orders(s => s.ResolvePartAsync(officer, big.Id, "done"));
        }
        await city.Orders(s => s.ResolveAsync(UpperSecretary, big.Id, "photo:after"));
        await city.Orders(s => s.RateAsync(Resident, big.Id, true));
        Assert.Equal(WorkOrderStatus.Closed, (await city.Orders(s => s.CloseAsync(UpperSecretary, big.Id))).Status);

        // The report counts the schema's levels: the grid, the community and the street or town.
        var third = await city.Orders(s => s.FileAsync(Resident, Draft(deepest)));
        var report = await city.Orders(s => s.ReportAsync());
        Assert.Equal([Upper, Community, Grid], report.ByUnit.Select(c => c.Unit));
        Assert.Equal(new UnitKind(upperKind), report.ByUnit[0].Kind);
        Assert.Equal(schema.GridKind, report.ByUnit[2].Kind);
        Assert.All(report.ByUnit, c => Assert.Equal(1, c.Open));
        Assert.NotEqual(default, third.Id);
    }

    [Fact]
    public async Task Wanshan_AGroupDirectlyUnderTheCommunity_IsItsOwnGrid()
    {
        using var city = new City_(HierarchySchemas.Wanshan, UnitKind.Street);
        var groupLeader = Actor.Post(new MemberId(1), RoleKind.GroupLeader, LoneGroup);
        var order = await city.Orders(s => s.FileAsync(Resident, Draft(LoneGroup)));
        // Nobody holds a post on the lone group, so the street's secretary sorts it; it stays in the group (a grid).
        var triaged = await city.Orders(s => s.TriageAsync(DistrictSecretary, order.Id));
        Assert.Equal(LoneGroup, triaged.ResponsibleUnit);
        await Assert.ThrowsAsync<ForbiddenException>(() => city.Orders(s => s.ClaimAsync(groupLeader, order.Id)));

        var report = await city.Orders(s => s.ReportAsync());
        Assert.Contains(report.ByUnit, c => c.Unit == LoneGroup && c.Kind == UnitKind.PartyGroup);
    }

    [Fact]
    public async Task ATownBecomesAStreet_OnItsDate_WithHistory()
    {
        using var city = new City_(HierarchySchemas.Huainan, UnitKind.Town);
        var change = new LocalDate(2024, 7, 1);

        // A grid head may not restructure; an unknown kind, a kind the parent may not hold and a regional committee are
        // refused; nothing changes.
        var before = await city.FingerprintAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => city.Organisation(s => s.ChangeUnitKindAsync(GridHead, Upper, UnitKind.Street, change)));
        var unknown = await Assert.ThrowsAsync<GridGovernanceException>(() => city.Organisation(s => s.ChangeUnitKindAsync(DistrictSecretary, Upper, new UnitKind("village"), change)));
        Assert.Equal(ErrorCodes.UnknownUnitKind, unknown.Code);
        var parent = await Assert.ThrowsAsync<GridGovernanceException>(() => city.Organisation(s => s.ChangeUnitKindAsync(DistrictSecretary, Community, UnitKind.Street, change)));
        Assert.Equal(ErrorCodes.ParentKindNotAllowed, parent.Code);
        var committee = await Assert.ThrowsAsync<GridGovernanceException>(() => city.Organisation(s => s.ChangeUnitKindAsync(DistrictSecretary, Upper, UnitKind.RegionalCommittee, change)));
        Assert.Equal(ErrorCodes.InvalidRestructure, committee.Code);
        var defaultKind = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => city.Organisation(s => s.ChangeUnitKindAsync(DistrictSecretary, Upper, default, change)));
        Assert.Equal("kind", defaultKind.Problems.Single().Field);
        Assert.Equal(before, await city.FingerprintAsync());

        var changed = await city.Organisation(s => s.ChangeUnitKindAsync(DistrictSecretary, Upper, UnitKind.Street, change));
        Assert.Equal(UnitKind.Street, changed.Kind);
        Assert.Equal(UnitKind.Town, changed.KindOn(change.PlusDays(-1)));
        Assert.Equal(UnitKind.Street, changed.KindOn(change));
        Assert.Equal(2, changed.Kinds.Segments.Length);
        Assert.Null(changed.KindOn(D0.PlusDays(-1)));

        // The tree as of each date shows that date's kind; the change is stored.
        var asBefore = await city.Queries(q => q.BuildIndexAsync(change.PlusDays(-1)));
        Assert.Equal(UnitKind.Town, asBefore.KindOf(Upper));
        var asAfter = await city.Queries(q => q.BuildIndexAsync(change));
        Assert.Equal(UnitKind.Street, asAfter.KindOf(Upper));

        // Again: nothing to change, nothing written.
        var same = await city.FingerprintAsync();
        await city.Organisation(s => s.ChangeUnitKindAsync(DistrictSecretary, Upper, UnitKind.Street, change));
        Assert.Equal(same, await city.FingerprintAsync());
    }

    [Fact]
    public async Task ChangeUnitKind_OfAClosedUnit_IsRefusedAsClosed_AndNothingChanges()
    {
        // A second town 11, empty, closed on 1 April: turning it into a street on 1 July (after its close) or on
        // 1 March (before its close, but it is closed now) is refused with hierarchy.unit-closed, naming the day.
        using var city = new City_(HierarchySchemas.Huainan, UnitKind.Town);
        var closedTown = new OrgUnitId(11);
        var closedOn = new LocalDate(2024, 4, 1);
        await city.Organisation(s => s.AddUnitAsync(DistrictSecretary, new UnitDraft(closedTown, UnitKind.Town, "二和镇", District), D0));
        await city.Organisation(s => s.CloseUnitAsync(DistrictSecretary, closedTown, closedOn));
        var before = await city.FingerprintAsync();

        foreach (var day in new[] { new LocalDate(2024, 7, 1), new LocalDate(2024, 3, 1) })
        {
            var refused = await Assert.ThrowsAsync<GridGovernanceException>(() => city.Organisation(s => s.ChangeUnitKindAsync(DistrictSecretary, closedTown, UnitKind.Street, day)));
            Assert.Equal(ErrorCodes.UnitClosed, refused.Code);
            Assert.Contains("closed on 2024-04-01", refused.Message);
        }
        Assert.Equal(before, await city.FingerprintAsync());
        var stored = await city.Queries(q => q.BuildIndexAsync(closedOn.PlusDays(-1)));
        Assert.Equal(UnitKind.Town, stored.KindOf(closedTown));
    }

    [Fact]
    public async Task ChangeUnitKind_BeforeTheUnitOpened_IsRefused_AndNothingChanges()
    {
        // Town 12 opens on 1 March; a change dated 1 February would give it a kind on days it did not exist.
        using var city = new City_(HierarchySchemas.Huainan, UnitKind.Town);
        var lateTown = new OrgUnitId(12);
        var opened = new LocalDate(2024, 3, 1);
        await city.Organisation(s => s.AddUnitAsync(DistrictSecretary, new UnitDraft(lateTown, UnitKind.Town, "三河镇", District), opened));
        var before = await city.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<GridGovernanceException>(() => city.Organisation(s => s.ChangeUnitKindAsync(DistrictSecretary, lateTown, UnitKind.Street, opened.PlusDays(-29))));

        Assert.Equal(ErrorCodes.UnitClosed, refused.Code);
        Assert.Contains("opens only on 2024-03-01", refused.Message);
        Assert.Equal(before, await city.FingerprintAsync());
        var unit = await city.Organisation(s => s.ChangeUnitKindAsync(DistrictSecretary, lateTown, UnitKind.Street, opened)); // on its first day: fine
        Assert.Equal([opened], unit.Kinds.Segments.Select(k => k.From));
        Assert.Equal(UnitKind.Street, unit.KindOn(opened));
    }

    [Fact]
    public async Task WhoMayWhistle_FollowsTheKindOnTheDay()
    {
        // A city whose schema lets only streets whistle: the town may not, until it becomes a street.
        var streetsOnly = HierarchySchema.CreateBuilder("Streets only")
            .Root(UnitKind.District)
            .Under(UnitKind.Street, UnitKind.District)
            .Under(UnitKind.Town, UnitKind.District)
            .Under(UnitKind.Community, UnitKind.Street, UnitKind.Town)
            .Under(UnitKind.GridBranch, UnitKind.Community)
            .MembersIn(UnitKind.GridBranch)
            .HouseholdsIn(UnitKind.GridBranch)
            .Grid(UnitKind.GridBranch)
            .Whistles(UnitKind.Street)
            .Build();
        using var city = new City_(streetsOnly, UnitKind.Town);
        var big = await city.Orders(s => s.FileAsync(Resident, Draft(Grid, WorkOrderUrgency.Critical)));
        await city.Orders(s => s.TriageAsync(GridHead, big.Id));
        await city.Orders(s => s.ClaimAsync(UpperSecretary, big.Id));
        var before = await city.FingerprintAsync();
        var refused = await Assert.ThrowsAsync<GridGovernanceException>(() => city.Orders(s => s.WhistleAsync(UpperSecretary, big.Id, [new("housing")])));
        Assert.Equal(ErrorCodes.WorkOrderOutsideJurisdiction, refused.Code);
        Assert.Contains("town", refused.Message);
        Assert.Equal(before, await city.FingerprintAsync());

        await city.Organisation(s => s.ChangeUnitKindAsync(DistrictSecretary, Upper, UnitKind.Street, city.Today));
        var whistled = await city.Orders(s => s.WhistleAsync(UpperSecretary, big.Id, [new("housing")]));
        Assert.Equal(WorkOrderStatus.Whistled, whistled.Status);
    }
}
