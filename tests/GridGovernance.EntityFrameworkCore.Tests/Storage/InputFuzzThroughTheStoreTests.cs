using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Authority;
using GridGovernance.Claims;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// The fuzzing properties of work-order filing, the claim lists and the contact records (issue 14), run through the
/// database store as <see cref="FuzzThroughTheStoreTests"/> runs the roster batch and the ledger request: every call
/// either succeeds with a valid result read back as written, or is refused with the library's exception naming a field,
/// and then nothing was written; no database error (a NUL PostgreSQL refuses, a lone surrogate) reaches the caller.
/// Thirty cases each, every third an ordinary one so that the success path goes through the database too.
/// </summary>
public abstract class InputFuzzThroughTheStoreTests(TestDatabase database) : IDisposable
{
    private const int Cases = 30;
    private static readonly LocalDate Imported = new(2024, 1, 1);
    private static readonly LocalDate Today = new(2024, 6, 3);
    private static readonly OrgUnitId Community = new(100), Grid = new(1000);
    private static readonly Actor Secretary = Actor.Post(new MemberId(1), RoleKind.Secretary, new OrgUnitId(100));

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>District 1, street 10, community 100, grids 1000 and 1001; members 1–3 (member 1 the community's secretary); households 1–3 in grid 1000.</summary>
    private static RosterBatch City() => new()
    {
        Units =
        [
            new UnitDraft(new OrgUnitId(1), UnitKind.District, "莱芜区", null),
            new UnitDraft(new OrgUnitId(10), UnitKind.Street, "凤城街道", new OrgUnitId(1)),
            new UnitDraft(Community, UnitKind.Community, "西关社区", new OrgUnitId(10)),
            new UnitDraft(Grid, UnitKind.GridBranch, "一网格", Community),
            new UnitDraft(new OrgUnitId(1001), UnitKind.GridBranch, "二网格", Community),
        ],
        Members = [.. Enumerable.Range(1, 3).Select(m => new MemberDraft(new MemberId(m), $"党员{m}", MemberKind.LongResident, new LocalDate(2001, 7, 1), Grid))],
        Households = [.. Enumerable.Range(1, 3).Select(h => new HouseholdDraft(new HouseholdId(h), Grid, $"花园小区{h}号楼"))],
        Roles = [new RoleDraft(new MemberId(1), RoleKind.Secretary, Community)],
    };

    private async Task<ServiceProvider> CreateAsync()
    {
        var clock = new FakeClock(Today.At(new LocalTime(10, 0)).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());
        var collection = new ServiceCollection().AddSingleton<IClock>(clock);
        database.AddStore(collection);
        var provider = collection.AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu).BuildServiceProvider();
        await GridGovernanceDatabase.MigrateAsync(provider);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(Actor.System("import"), City(), Imported);
        return provider;
    }

    private static async Task<T> Run<T>(IServiceProvider provider, Func<IServiceProvider, Task<T>> step)
    {
        await using var scope = provider.CreateAsyncScope();
        return await step(scope.ServiceProvider);
    }

    private static async Task<string> FingerprintAsync<T>(IServiceProvider provider)
        where T : class, IAggregateRoot =>
        string.Join(",", (await Run(provider, s => s.GetRequiredService<IReadRepository<T>>().ListAsync())).Select(a => $"{a.Id} v{a.Version}").Order(StringComparer.Ordinal));

    /// <summary>What a refusal must be: the library's exception naming its fields (a database error is never one), and nothing written.</summary>
    private static string? Judge(Exception e, string before, string after) =>
        !HostileInputs.IsLibraryRefusal(e) ? $"{e.GetType().Name}: {e.Message}"
        : before != after ? "refused but wrote: " + e.Message
        : null;

    private static bool Passes(string? text, int maxLength, bool required = true, bool freeText = false) =>
        InputPolicy.CheckText(text, "text", null, maxLength, required, freeText) is null;

    private static Gen<WorkOrderDraft> DraftGen() =>
        from category in Gen.Frequency((1, HostileInputs.Strings()), (2, Gen.Elements("leak", "parking", "noise")))
        from description in HostileInputs.Strings()
        from address in HostileInputs.NullableStrings()
        from name in HostileInputs.NullableStrings()
        from phone in Gen.Elements<string?>(null, "13812341234", "138-1234-1234", "12", "x", "138\u200B1234", "138\u00001234")
        from channel in HostileInputs.EnumValues<WorkOrderChannel>()
        from urgency in HostileInputs.EnumValues<WorkOrderUrgency>()
        from location in Gen.Frequency((1, HostileInputs.Locations().Select(l => (GeoPoint?)l)), (1, Gen.Constant((GeoPoint?)null)))
        from household in Gen.Elements<HouseholdId?>(null, null, new HouseholdId(2), new HouseholdId(4242), default(HouseholdId))
        select new WorkOrderDraft
        {
            Category = category,
            Description = description,
            Address = address,
            FilerName = name,
            FilerPhone = phone,
            Channel = channel,
            Urgency = urgency,
            Location = location,
            Household = household,
            Unit = household is null ? Grid : null,
        };

    private static readonly WorkOrderDraft Ordinary = new()
    {
        Category = "leak",
        Description = "西湖春天小区3号楼卫生间漏水，联系人王小明 13812341234",
        Unit = Grid,
        Channel = WorkOrderChannel.Hotline12345,
        FilerName = "王小明",
        FilerPhone = "138-1234-1234",
        Address = "西湖春天小区3号楼1单元",
    };

    [Fact]
    public async Task WorkOrderFiling_HostileDrafts_FileAValidOrderOrAreRefusedWithAField_WritingNothing()
    {
        await using var provider = await CreateAsync();
        var problems = new List<string>();
        int filed = 0, refused = 0;
        foreach (var draft in DraftGen().Sample(Cases).Select((d, i) => i % 3 == 0 ? Ordinary : d))
        {
            string before = await FingerprintAsync<WorkOrder>(provider);
            WorkOrder? order = null;
            var e = await Record.ExceptionAsync(async () => order = await Run(provider, s => s.GetRequiredService<WorkOrderService>().FileAsync(Actor.Resident("wx:openid-17"), draft)));
            string after = await FingerprintAsync<WorkOrder>(provider);
            if (e is not null)
            {
                refused++;
                if (Judge(e, before, after) is string problem)
                {
                    problems.Add(problem);
                }
                continue;
            }
            filed++;
            var stored = await Run(provider, s => s.GetRequiredService<IReadRepository<WorkOrder>>().GetByIdAsync(order!.Id));
            bool valid = stored is not null && before != after
                         && stored.Category == order!.Category && stored.Description == order.Description
                         && Passes(stored.Category, InputPolicy.MaxKeyLength) && Passes(stored.Description, InputPolicy.MaxFreeTextLength, freeText: true)
                         && Enum.IsDefined(stored.Channel) && Enum.IsDefined(stored.Urgency)
                         && (stored.Location is not GeoPoint l || l.IsKnown);
            if (!valid)
            {
                problems.Add($"an invalid order, or not read back as written: {order}");
            }
        }
        Assert.Empty(problems);
        Assert.True(filed > 0 && refused > 0, $"{filed} filed, {refused} refused: the generator should make both.");
    }

    private static Gen<(string[] Categories, int Capacity, GeoPoint Location, string Name, string Category, int Claimants)> ListsGen() =>
        from categories in Gen.Choose(0, 2).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), _ =>
            Gen.Frequency((1, HostileInputs.Strings()), (2, Gen.Constant("elderly-care")))))
        from capacity in HostileInputs.Ints()
        from location in HostileInputs.Locations()
        from name in Gen.Frequency((1, HostileInputs.Strings()), (1, Gen.Constant("助老服务")))
        from category in Gen.Frequency((1, HostileInputs.Strings()), (2, Gen.Constant("elderly-care")))
        from claimants in HostileInputs.Ints()
        select (categories, capacity, location, name, category, claimants);

    [Fact]
    public async Task ClaimLists_HostileListingsAndProjects_AreStoredValidOrRefusedWithAField_WritingNothing_AndMatch()
    {
        await using var provider = await CreateAsync();
        var problems = new List<string>();
        int stored = 0, refused = 0, next = 1;
        var ordinary = (new[] { "elderly-care" }, 2, new GeoPoint(36.2, 117.6), "助老服务", "elderly-care", 1);
        async Task Attempt<T>(string what, Func<T> build, Func<IServiceProvider, T, Task<T>> call, Func<T, T?, bool> valid)
            where T : class, IAggregateRoot
        {
            string before = await FingerprintAsync<T>(provider);
            T? value = null;
            var e = await Record.ExceptionAsync(async () =>
            {
                var built = build();   // the constructors refuse too: that is the library's refusal, before any store
                value = await Run(provider, s => call(s, built));
            });
            string after = await FingerprintAsync<T>(provider);
            if (e is not null)
            {
                refused++;
                if (Judge(e, before, after) is string problem)
                {
                    problems.Add($"{what}: {problem}");
                }
                return;
            }
            stored++;
            var read = await Run(provider, s => s.GetRequiredService<IReadRepository<T>>().ListAsync());
            if (before == after || !valid(value!, read.SingleOrDefault(r => Equals(r.Id, value!.Id))))
            {
                problems.Add($"{what}: an invalid row, or not read back as written");
            }
        }
        foreach (var (categories, capacity, location, name, category, claimants) in ListsGen().Sample(Cases).Select((c, i) => i % 3 == 0 ? ordinary : c))
        {
            int id = next++;
            await Attempt<ResourceListing>("listing",
                () => new ResourceListing(new OrgUnitId(1000 + (id % 2)), categories, capacity, location, [], new DateInterval(Today, Today.PlusDays(30)), []),
                (s, l) => s.GetRequiredService<ClaimService>().ListResourceAsync(Secretary, l),
                (l, read) => read is not null && read.Categories.SequenceEqual(l.Categories) && read.Categories.All(c => Passes(c, InputPolicy.MaxKeyLength))
                             && read.Capacity is >= 0 and <= InputPolicy.MaxCapacity);
            await Attempt<ServiceProject>("project",
                () => new ServiceProject(new ProjectId(id), name, category, new AreaId(1), Community, location, claimants, Today.PlusDays(20), []),
                (s, p) => s.GetRequiredService<ClaimService>().ProposeAsync(Secretary, p),
                (p, read) => read is not null && read.Name == p.Name && read.Category == p.Category
                             && Passes(read.Name, InputPolicy.MaxNameLength) && Passes(read.Category, InputPolicy.MaxKeyLength)
                             && read.ClaimantsRequired is >= 1 and <= InputPolicy.MaxClaimantsRequired);
        }
        // The stored lists are matched: a valid result or the library's refusal (an unknown location is refused at matching).
        var open = await Run(provider, s => s.GetRequiredService<IReadRepository<ServiceProject>>().ListAsync());
        foreach (var project in open)
        {
            var e = await Record.ExceptionAsync(() => Run(provider, s => s.GetRequiredService<ClaimService>().OpenAsync(Secretary, project.Id)));
            if (e is not null && !HostileInputs.IsLibraryRefusal(e))
            {
                problems.Add($"open: {e.GetType().Name}: {e.Message}");
            }
        }
        var matching = await Record.ExceptionAsync(async () =>
        {
            var result = await Run(provider, s => s.GetRequiredService<ClaimService>().MatchOpenProjectsAsync(Secretary));
            Assert.True(result.FilledPlaces <= result.RequiredPlaces);
        });
        if (matching is not null && !HostileInputs.IsLibraryRefusal(matching))
        {
            problems.Add($"match: {matching.GetType().Name}: {matching.Message}");
        }
        Assert.Empty(problems);
        Assert.True(stored > 0 && refused > 0, $"{stored} stored, {refused} refused: the generator should make both.");
    }

    private static Gen<ContactRecordRequest> RecordGen() =>
        from member in Gen.Frequency((6, Gen.Elements(new MemberId(1), new MemberId(2), new MemberId(3))), (1, Gen.Elements(default(MemberId), new MemberId(4242))))
        from household in Gen.Frequency((6, Gen.Elements(new HouseholdId(1), new HouseholdId(2), new HouseholdId(3))), (1, Gen.Elements(default(HouseholdId), new HouseholdId(4242))))
        from date in Gen.Frequency((1, HostileInputs.Dates(Today)), (2, Gen.Choose(-150, 0).Select(Today.PlusDays)))
        from kind in HostileInputs.EnumValues<ContactKind>()
        from notes in Gen.Frequency((3, HostileInputs.Strings()), (1, Gen.Constant(new string('记', ContactLog.MaxNotesLength + 1))), (1, Gen.Constant("走访\u0000")))
        select new ContactRecordRequest(member, household, date, kind, notes);

    [Fact]
    public async Task ContactRecords_HostileRequests_AreWrittenValidOrRefusedWithAField_WritingNothing()
    {
        await using var provider = await CreateAsync();
        var problems = new List<string>();
        int written = 0, refused = 0;
        var calls = RecordGen().Sample(Cases).Select((r, i) => i % 3 != 0 ? r
            : new ContactRecordRequest(new MemberId(1 + (i % 3)), new HouseholdId(1 + (i % 3)), Today.PlusDays(-i), ContactKind.Visit, "走访，了解用水情况"));
        foreach (var request in calls)
        {
            string before = await FingerprintAsync<ContactLog>(provider);
            var actor = request.Member.IsSpecified ? Actor.Member(request.Member) : Actor.System("contacts");
            ContactRecord? record = null;
            var e = await Record.ExceptionAsync(async () => record = await Run(provider, s => s.GetRequiredService<ContactLogService>().RecordAsync(actor, request)));
            string after = await FingerprintAsync<ContactLog>(provider);
            if (e is not null)
            {
                refused++;
                if (Judge(e, before, after) is string problem)
                {
                    problems.Add(problem);
                }
                continue;
            }
            written++;
            var log = await Run(provider, s => s.GetRequiredService<ContactLogService>().LogOfAsync(request.Member, request.Date.Year));
            bool valid = record is not null && before != after && record.Household == request.Household && record.Date == request.Date && record.Date <= Today
                         && Enum.IsDefined(record.Kind) && Passes(record.Notes, ContactLog.MaxNotesLength, required: false, freeText: true)
                         && log is not null && log.Records.Any(r => r.Household == record.Household && r.Date == record.Date && r.Notes == record.Notes);
            if (!valid)
            {
                problems.Add($"an invalid record, or not read back as written, for {request.Member} {request.Household} {request.Date:yyyy-MM-dd}");
            }
        }
        Assert.Empty(problems);
        Assert.True(written > 0 && refused > 0, $"{written} written, {refused} refused: the generator should make both.");
    }
}

public sealed class SqliteInputFuzzThroughTheStoreTests() : InputFuzzThroughTheStoreTests(TestDatabase.Sqlite());

[RequiresPostgres]
public sealed class PostgresInputFuzzThroughTheStoreTests() : InputFuzzThroughTheStoreTests(TestDatabase.Postgres());
