using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// The fuzzing properties of the roster batch and the ledger request (issue 14), run through the database store:
/// hostile names, addresses, codes, keys, values and dates either succeed with a valid result or are refused with the
/// library's exception naming a field, and then nothing was written; no database error (a NUL PostgreSQL refuses, a
/// lone surrogate) ever reaches the caller. Thirty cases each, so CI stays short.
/// </summary>
public abstract class FuzzThroughTheStoreTests(TestDatabase database) : IDisposable
{
    private const int Cases = 30;
    private static readonly LocalDate Imported = new(2024, 1, 1);
    private static readonly LocalDate Today = new(2024, 6, 3);
    private static readonly MemberId[] Members = [new(1), new(2), new(3)];

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>District 1, street 10, community 100, grids 1000 and 1001; members 1–3; households 1–3.</summary>
    private static RosterBatch City() => new()
    {
        Units =
        [
            new UnitDraft(new OrgUnitId(1), UnitKind.District, "莱芜区", null),
            new UnitDraft(new OrgUnitId(10), UnitKind.Street, "凤城街道", new OrgUnitId(1)),
            new UnitDraft(new OrgUnitId(100), UnitKind.Community, "西关社区", new OrgUnitId(10)),
            new UnitDraft(new OrgUnitId(1000), UnitKind.GridBranch, "一网格", new OrgUnitId(100)),
            new UnitDraft(new OrgUnitId(1001), UnitKind.GridBranch, "二网格", new OrgUnitId(100)),
        ],
        Members = [.. Members.Select(m => new MemberDraft(m, $"党员{m.Value}", MemberKind.LongResident, new LocalDate(2001, 7, 1), new OrgUnitId(1000 + (m.Value % 2))))],
        Households = [.. Enumerable.Range(1, 3).Select(h => new HouseholdDraft(new HouseholdId(h), new OrgUnitId(1000), $"花园小区{h}号楼"))],
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

    /// <summary>What a refusal must be: the library's exception naming its fields (a database error is never one).</summary>
    private static string? Judge(Exception e, string before, string after) =>
        !HostileInputs.IsLibraryRefusal(e) ? $"{e.GetType().Name}: {e.Message}"
        : before != after ? "refused but wrote: " + e.Message
        : null;

    private static Gen<(MemberDraft[] Members, HouseholdDraft[] Households)> RowsGen() =>
        from members in Gen.Choose(0, 2).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), _ =>
            from name in HostileInputs.Strings()
            from kind in HostileInputs.EnumValues<MemberKind>()
            from phone in Gen.Elements<string?>(null, "13800000009", "138\u202E00000009", "+8613800000009", "")
            from location in Gen.Frequency((1, HostileInputs.Locations().Select(l => (GeoPoint?)l)), (1, Gen.Constant((GeoPoint?)null)))
            select new MemberDraft(default, name, kind, new LocalDate(2010, 1, 1), new OrgUnitId(1000)) { Phone = phone, Location = location }))
        from households in Gen.Choose(0, 2).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), _ =>
            from address in HostileInputs.Strings()
            from head in HostileInputs.NullableStrings()
            from residents in HostileInputs.Ints()
            select new HouseholdDraft(default, new OrgUnitId(1001), address) { HeadName = head, Residents = residents }))
        select (members, households);

    [Fact]
    public async Task RosterBatch_HostileRows_ImportWholeOrAreRefusedWithAField_WritingNothing()
    {
        await using var provider = await CreateAsync();
        var problems = new List<string>();
        int next = 100, imported = 0, refused = 0;
        // Every third batch is an ordinary one, so that the success path is always taken through the database too.
        var ordinary = (new[] { new MemberDraft(default, "王小明", MemberKind.LongResident, new LocalDate(2010, 1, 1), new OrgUnitId(1000)) { Phone = "+8613800000009" } },
            new[] { new HouseholdDraft(default, new OrgUnitId(1001), "花园小区3号楼") { HeadName = "李娜" } });
        foreach (var (memberRows, householdRows) in RowsGen().Sample(Cases).Select((rows, i) => i % 3 == 0 ? ordinary : rows))
        {
            var batch = new RosterBatch
            {
                Members = [.. memberRows.Select(m => m with { Id = new MemberId(next++) })],
                Households = [.. householdRows.Select(h => h with { Id = new HouseholdId(next++) })],
            };
            string before = await FingerprintAsync<Member>(provider) + "|" + await FingerprintAsync<Household>(provider);
            var e = await Record.ExceptionAsync(() => Run(provider, s => s.GetRequiredService<OrganisationService>().ImportAsync(Actor.System("import"), batch, Today)));
            string after = await FingerprintAsync<Member>(provider) + "|" + await FingerprintAsync<Household>(provider);
            if (e is not null)
            {
                refused++;
                if (Judge(e, before, after) is string problem)
                {
                    problems.Add(problem);
                }
                continue;
            }
            imported++;
            var stored = await Run(provider, s => s.GetRequiredService<IReadRepository<Member>>().ListAsync());
            foreach (var row in batch.Members)
            {
                var member = stored.SingleOrDefault(m => m.Id == row.Id);
                if (member is null || member.Name != row.Name.Trim() && member.Name != row.Name
                    || InputPolicy.CheckText(member.Name, "Name", null, InputPolicy.MaxNameLength) is not null || !Enum.IsDefined(member.Kind))
                {
                    problems.Add($"member {row.Id} was imported invalid or not read back as written");
                }
            }
        }
        Assert.Empty(problems);
        Assert.True(imported > 0 && refused > 0, $"{imported} imported, {refused} refused: the generator should make both.");
    }

    [Fact]
    public async Task ANul_IsRefusedByTheLibrary_BeforeItReachesTheDatabase()
    {
        // PostgreSQL refuses a NUL in text with its own error (22021); the input policy refuses it first, naming the field.
        await using var provider = await CreateAsync();
        var batch = new RosterBatch { Members = [new MemberDraft(new MemberId(50), "王\0明", MemberKind.LongResident, new LocalDate(2010, 1, 1), new OrgUnitId(1000))] };
        var request = new LedgerEntryRequest { Member = Members[0], ItemCode = "volunteer-award", OccurredOn = Today, IdempotencyKey = "nul", Evidence = "签到\0表" };

        var roster = await Assert.ThrowsAsync<GridGovernanceValidationException>(() =>
            Run(provider, s => s.GetRequiredService<OrganisationService>().ImportAsync(Actor.System("import"), batch, Today)));
        var ledger = await Assert.ThrowsAsync<GridGovernanceValidationException>(() =>
            Run(provider, s => s.GetRequiredService<PointsLedgerService>().DeclareAsync(Actor.Member(Members[0]), ScoringGenerator.Laiwu(), request)));

        Assert.Equal(("Members[0].Name", ErrorCodes.ForbiddenCharacter), (Assert.Single(roster.Problems).Field, roster.Code));
        Assert.Equal(("request.Evidence", ErrorCodes.ForbiddenCharacter), (Assert.Single(ledger.Problems).Field, ledger.Code));
        Assert.Equal(3, (await Run(provider, s => s.GetRequiredService<IReadRepository<Member>>().ListAsync())).Count);
        Assert.Empty(await Run(provider, s => s.GetRequiredService<IReadRepository<LedgerEntry>>().ListAsync()));
    }

    private static Gen<(string Command, LedgerSource Source, LedgerEntryRequest Request, LocalDate AdjustOn)> LedgerCallGen() =>
        from command in Gen.Elements("declare", "record", "adjust")
        from source in Gen.Frequency((3, Gen.Constant(LedgerSource.WorkOrder)), (1, HostileInputs.EnumValues<LedgerSource>()))
        from member in Gen.Frequency((8, Gen.Elements(Members)), (1, Gen.Elements(default(MemberId), new MemberId(4242))))
        from item in Gen.Frequency((3, Gen.Elements("volunteer-award", "volunteer-merit", "discipline-lapse", "petition", "base-grant")), (2, HostileInputs.Strings()))
        from key in Gen.Frequency((3, Gen.Choose(1, 1_000_000).Select(n => "k-" + n)), (2, HostileInputs.Strings()))
        from value in Gen.Frequency((2, Gen.Constant((Points?)null)), (2, Gen.Choose(-3, 8).Select(v => (Points?)Points.From(v))),
            (1, HostileInputs.PointsAmounts().Select(p => (Points?)p)))
        from tier in Gen.Frequency((3, Gen.Constant((string?)null)), (1, Gen.Elements<string?>("city", "capital")), (1, HostileInputs.NullableStrings()))
        from evidence in HostileInputs.NullableStrings()
        from occurredOn in Gen.Frequency((1, HostileInputs.Dates(Today)), (2, Gen.Choose(-150, 0).Select(Today.PlusDays)))
        from adjustOn in HostileInputs.Dates(Today)
        select (command, source, new LedgerEntryRequest
        {
            Member = member, ItemCode = item, OccurredOn = occurredOn, IdempotencyKey = key, Value = value, Tier = tier, Evidence = evidence,
        }, adjustOn);

    [Fact]
    public async Task LedgerRequest_HostileRequests_AddAValidEntryOrAreRefusedWithAField_WritingNothing()
    {
        await using var provider = await CreateAsync();
        var book = ScoringGenerator.Laiwu();
        var recorder = Actor.System("work-orders");
        var problems = new List<string>();
        int added = 0, refused = 0;
        // Every third call is an ordinary declaration or record, so that the success path is always taken through the database too.
        var calls = LedgerCallGen().Sample(Cases).Select((call, i) => i % 3 != 0 ? call : (i % 2 == 0 ? "declare" : "record", LedgerSource.WorkOrder, new LedgerEntryRequest
        {
            Member = Members[i % Members.Length], ItemCode = "volunteer-award", OccurredOn = Today.PlusDays(-i), IdempotencyKey = "ordinary-" + i, Evidence = "签到表 sign-in sheet",
        }, Today));
        foreach (var (command, source, request, adjustOn) in calls)
        {
            string before = await FingerprintAsync<LedgerEntry>(provider);
            LedgerEntry? entry = null;
            var e = await Record.ExceptionAsync(async () => entry = await Run(provider, s =>
            {
                var ledger = s.GetRequiredService<PointsLedgerService>();
                return command switch
                {
                    "declare" => ledger.DeclareAsync(request.Member.IsSpecified ? Actor.Member(request.Member) : recorder, book, request),
                    "record" => ledger.RecordAsync(recorder, book, source, request),
                    _ => ledger.RecordAdjustmentAsync(recorder, book, source, request, adjustOn),
                };
            }));
            string after = await FingerprintAsync<LedgerEntry>(provider);
            if (e is not null)
            {
                refused++;
                if (Judge(e, before, after) is string problem)
                {
                    problems.Add($"{problem} for {command} {request}");
                }
                continue;
            }
            added++;
            bool valid = entry is not null && entry.Member == request.Member && entry.ItemCode == request.ItemCode && entry.IdempotencyKey == request.IdempotencyKey
                         && InputPolicy.CheckText(entry.ItemCode, "ItemCode", null, InputPolicy.MaxKeyLength) is null
                         && InputPolicy.CheckText(entry.IdempotencyKey, "IdempotencyKey", null, 200) is null
                         && InputPolicy.CheckText(entry.Evidence, "Evidence", null, InputPolicy.MaxFreeTextLength, required: false, freeText: true) is null
                         && entry.OccurredOn <= Today && before != after;
            var stored = valid ? await Run(provider, s => s.GetRequiredService<PointsLedgerService>().GetAsync(entry!.Id)) : null;
            if (!valid || stored!.Evidence != entry!.Evidence || stored.ItemCode != entry.ItemCode)
            {
                problems.Add($"an invalid entry, or not read back as written, for {command} {request}");
            }
        }
        Assert.Empty(problems);
        Assert.True(added > 0 && refused > 0, $"{added} added, {refused} refused: the generator should make both.");
    }
}

public sealed class SqliteFuzzThroughTheStoreTests() : FuzzThroughTheStoreTests(TestDatabase.Sqlite());

[RequiresPostgres]
public sealed class PostgresFuzzThroughTheStoreTests() : FuzzThroughTheStoreTests(TestDatabase.Postgres());
