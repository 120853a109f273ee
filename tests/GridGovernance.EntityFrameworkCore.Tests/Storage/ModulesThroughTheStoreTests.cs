using GridGovernance.Authority;
using GridGovernance.Contacts;
using GridGovernance.EntityFrameworkCore.Documents;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rewards;
using GridGovernance.Specifications;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// The same workflows (roster import, points declared and approved, redemption, contact logs, a work-order loop with whistles,
/// escalation and overdue scans) run once on the in-memory store and once on the EF Core store; every aggregate
/// must end up the same, field for field, and with the same version, and the work-order reports must agree.
/// </summary>
public abstract class ModulesThroughTheStoreTests(TestDatabase database) : IDisposable
{
    [Fact]
    public async Task EveryModule_LeavesTheSameAggregates_AsTheInMemoryStore()
    {
        var expected = await RunAsync(null);
        var actual = await RunAsync(database.AddStore);

        Assert.Equal(expected.Report, actual.Report);
        Assert.Equal(expected.Documents.Keys.Order(), actual.Documents.Keys.Order());
        foreach (var (type, documents) in expected.Documents)
        {
            Assert.True(documents.Count > 0, $"The scenario wrote no {type}.");
            Assert.Equal(documents, actual.Documents[type]);
        }
    }

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task<Outcome> RunAsync(Action<IServiceCollection>? store)
    {
        var community = WithWorkOrderPosts(CityGenerator.Generate(CitySize.Community, seed: 7));
        var clock = new FakeClock(community.Date.At(new LocalTime(9, 0)).InUtc().ToInstant() + Duration.FromDays(157));
        var collection = new ServiceCollection().AddSingleton<IClock>(clock);
        store?.Invoke(collection);
        await using var provider = collection.AddGridGovernance(o => o.Schema = community.Schema).BuildServiceProvider();
        if (store is not null)
        {
            await GridGovernanceDatabase.MigrateAsync(provider);
        }
        async Task<T> Run<T>(Func<IServiceProvider, Task<T>> step)
        {
            await using var scope = provider.CreateAsyncScope();
            return await step(scope.ServiceProvider);
        }

        // The first member is the district's secretary (书记): the post that reviews declarations and keeps the catalogue.
        var members = community.Roster.Members;
        var districtSecretary = Actor.Post(members[0].Id, RoleKind.Secretary, community.District);
        var roster = community.Roster with { Roles = [.. community.Roster.Roles, new RoleDraft(members[0].Id, RoleKind.Secretary, community.District)] };
        await Run(s => s.GetRequiredService<OrganisationService>().ImportAsync(GeneratedCity.Importer, roster, community.Date));

        // Points: declarations approved by the district's secretary; a redemption against a credited balance.
        var ruleBook = ScoringGenerator.Laiwu();
        foreach (var (member, day) in members.Skip(1).Take(4).Select((m, i) => (m, i)))
        {
            var declared = await Run(s => s.GetRequiredService<PointsLedgerService>().DeclareAsync(Actor.Member(member.Id), ruleBook, new LedgerEntryRequest
            {
                Member = member.Id,
                ItemCode = "volunteer-award",
                OccurredOn = new LocalDate(2024, 3, 1 + day),
                IdempotencyKey = $"volunteer-{member.Id.Value}",
                Evidence = "sign-in sheet",
            }));
            await Run(s => s.GetRequiredService<PointsLedgerService>().ApproveAsync(districtSecretary, ruleBook, declared.Id));
        }
        await Run(s => s.GetRequiredService<RedemptionService>().AddRewardItemAsync(districtSecretary, new RewardItemId(1), "umbrella", Points.From(10), stock: 5));
        await Run(s => s.GetRequiredService<RedemptionService>().CreditAsync(Actor.System("annual-grant"), members[1].Id, Points.From(25), "credit-1"));
        await Run(s => s.GetRequiredService<RedemptionService>().RedeemAsync(Actor.Member(members[1].Id), members[1].Id, new RewardItemId(1), 2, "redeem-1"));
        // A replayed credit key is found through the years' child rows.
        await Run(s => s.GetRequiredService<RedemptionService>().CreditAsync(Actor.System("annual-grant"), members[1].Id, Points.From(25), "credit-1"));

        // Contacts: two contacts in one member's log of a year.
        var today = clock.GetCurrentInstant().InUtc().Date;
        foreach (var household in community.Roster.Households.Take(2))
        {
            await Run(s => s.GetRequiredService<ContactLogService>().RecordAsync(Actor.Member(members[1].Id), new ContactRecordRequest(members[1].Id, household.Id, today, ContactKind.Visit, "走访")));
        }

        // Work orders: the quickstart's loop.
        var units = community.Roster.Units.ToDictionary(u => u.Id);
        OrgUnitId Above(OrgUnitId from, UnitKind kind)
        {
            for (OrgUnitId? id = from; id is OrgUnitId u; id = units[u].ParentId)
            {
                if (units[u].Kind == kind)
                {
                    return u;
                }
            }
            throw new InvalidOperationException($"No {kind} above {from}.");
        }
        var actor = members[0];
        var grid = Above(actor.BranchId, UnitKind.GridBranch);
        // The posts WithWorkOrderPosts gave member 0: grid head (网格长) of its grid, secretary of the community and of the street.
        var gridOfficial = Actor.Post(actor.Id, RoleKind.GridHead, grid);
        var secretary = Actor.Post(actor.Id, RoleKind.Secretary, Above(grid, UnitKind.Community));
        var streetCadre = Actor.Post(actor.Id, RoleKind.Secretary, Above(grid, UnitKind.Street));
        var resident = Actor.Resident("caller-1");
        Task<WorkOrder> Orders(Func<WorkOrderService, Task<WorkOrder>> step) => Run(s => step(s.GetRequiredService<WorkOrderService>()));
        WorkOrderDraft Draft(string category, WorkOrderChannel channel) => new()
        {
            Category = category, Description = category + " 王小明 13812341234", Unit = grid, Channel = channel,
            FilerName = "王小明", FilerPhone = "13812341234", Address = "3号楼1单元",
        };
        var leak = await Orders(s => s.FileAsync(resident, Draft("leak", WorkOrderChannel.Hotline12345)));
        var parking = await Orders(s => s.FileAsync(resident, Draft("parking", WorkOrderChannel.App)));
        var light = await Orders(s => s.FileAsync(resident, Draft("streetlight", WorkOrderChannel.GridWorkerReport)));
        foreach (var order in new[] { leak, parking, light })
        {
            await Orders(s => s.TriageAsync(secretary, order.Id));
        }
        await Orders(s => s.ClaimAsync(secretary, leak.Id));
        await Orders(s => s.ClaimAsync(gridOfficial, parking.Id));
        await Orders(s => s.ClaimAsync(gridOfficial, light.Id));
        await Orders(s => s.EscalateAsync(secretary, leak.Id, "店主不愿维修"));
        await Orders(s => s.WhistleAsync(streetCadre, leak.Id, [new DepartmentSummons("market-regulation"), new DepartmentSummons("housing")]));
        foreach (var d in new[] { "market-regulation", "housing" })
        {
            await Orders(s => s.AcknowledgePartAsync(Actor.Officer(d, "officer-1"), leak.Id));
            await Orders(s => s.ResolvePartAsync(Actor.Officer(d, "officer-1"), leak.Id, "联合执法队处置"));
        }
        clock.Advance(Duration.FromHours(26));
        await Orders(s => s.ResolveAsync(streetCadre, leak.Id, "photo:after"));
        await Orders(s => s.RateAsync(resident, leak.Id, satisfied: true));
        await Orders(s => s.CloseAsync(streetCadre, leak.Id));
        await Orders(s => s.ResolveAsync(gridOfficial, light.Id, "photo:lamp"));
        await Orders(s => s.RateAsync(resident, light.Id, satisfied: false, "第二天又不亮了"));
        clock.Advance(Duration.FromDays(7));
        var escalated = await Run(s => s.GetRequiredService<WorkOrderService>().EscalateOverdueAsync(Actor.System("work-order-scan")));
        var report = await Run(s => s.GetRequiredService<WorkOrderService>().ReportAsync());
        // Nulls order before values (after, descending) in every store.
        var byClosing = await Run(s => s.GetRequiredService<IReadRepository<WorkOrder>>().ListAsync(
            Specification.Create<WorkOrder>(q => q.OrderBy(o => o.ClosedAt).ThenByDescending(o => o.Id.Value))));
        var byClosingDescending = await Run(s => s.GetRequiredService<IReadRepository<WorkOrder>>().ListAsync(
            Specification.Create<WorkOrder>(q => q.OrderByDescending(o => o.ClosedAt).ThenBy(o => o.Id.Value))));

        var documents = new Dictionary<string, IReadOnlyList<string>>
        {
            [nameof(OrgUnit)] = await DocumentsAsync<OrgUnit>(provider),
            [nameof(Member)] = await DocumentsAsync<Member>(provider),
            [nameof(Household)] = await DocumentsAsync<Household>(provider),
            [nameof(StationedUnit)] = await DocumentsAsync<StationedUnit>(provider),
            [nameof(LedgerEntry)] = await DocumentsAsync<LedgerEntry>(provider),
            [nameof(RewardItem)] = await DocumentsAsync<RewardItem>(provider),
            [nameof(PointsAccount)] = await DocumentsAsync<PointsAccount>(provider),
            [nameof(PointsAccountYear)] = await DocumentsAsync<PointsAccountYear>(provider),
            [nameof(ContactLog)] = await DocumentsAsync<ContactLog>(provider),
            [nameof(WorkOrder)] = await DocumentsAsync<WorkOrder>(provider),
        };
        return new Outcome($"{report} escalated: {string.Join(",", escalated.Select(o => o.Id))} by closing: {string.Join(",", byClosing.Select(o => o.Id))}"
                           + $" descending: {string.Join(",", byClosingDescending.Select(o => o.Id))}", documents);
    }

    /// <summary>The city with the posts its work-order loop acts in: member 0 grid head of its grid, secretary (书记) of the community and street above.</summary>
    private static GeneratedCity WithWorkOrderPosts(GeneratedCity city)
    {
        var units = city.Roster.Units.ToDictionary(u => u.Id);
        var member = city.Roster.Members[0];
        var posts = new List<RoleDraft>();
        for (OrgUnitId? id = member.BranchId; id is OrgUnitId u; id = units[u].ParentId)
        {
            var kind = units[u].Kind;
            if (kind == UnitKind.GridBranch)
            {
                posts.Add(new RoleDraft(member.Id, RoleKind.GridHead, u));
            }
            else if (kind == UnitKind.Community || kind == UnitKind.Street)
            {
                posts.Add(new RoleDraft(member.Id, RoleKind.Secretary, u));
            }
        }
        var missing = posts.Where(p => !city.Roster.Roles.Any(r => r.MemberId == p.MemberId && r.Role == p.Role && r.UnitId == p.UnitId));
        return city with { Roster = city.Roster with { Roles = [.. city.Roster.Roles, .. missing] } };
    }

    private static async Task<IReadOnlyList<string>> DocumentsAsync<T>(IServiceProvider provider)
        where T : class, IAggregateRoot
    {
        await using var scope = provider.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<IReadRepository<T>>().ListAsync();
        return [.. all.Select(a => $"v{a.Version} {AggregateDocument.Serialize(a)}").Order(StringComparer.Ordinal)];
    }

    private sealed record Outcome(string Report, Dictionary<string, IReadOnlyList<string>> Documents);
}

public sealed class SqliteModulesThroughTheStoreTests() : ModulesThroughTheStoreTests(TestDatabase.Sqlite());

[RequiresPostgres]
public sealed class PostgresModulesThroughTheStoreTests() : ModulesThroughTheStoreTests(TestDatabase.Postgres());
