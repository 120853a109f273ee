using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Organisation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>
/// A service provider wired with <c>AddGridGovernance</c> and a fake clock, the small Laiwu city of
/// <see cref="OrganisationFixture.LaiwuCity"/> imported on 2024-01-01, and a tiny rule book. Each operation runs in a
/// scope of its own with a <see cref="PointsLedgerService"/> built from that scope's repositories, or with the scope's
/// <see cref="PeriodPublicationService"/> or <see cref="LedgerExportService"/> (each <c>RunAsync</c> overload takes the
/// service its operation names).
/// </summary>
/// <remarks>
/// Jurisdiction in the city: community 100 covers members 1 (group 10000), 2 (grid 1000) and 3 (grid 1001);
/// community 101 covers member 5; community 110 covers member 4; district 1 covers everyone.
/// Posts (besides the city's own): member 2 is secretary (书记) of community 100 (<see cref="Secretary100"/>), member 4
/// secretary of district 1 (<see cref="Admin"/>, who reverses, publishes and freezes), member 5 committee member (委员)
/// of district 1 (<see cref="DistrictCommittee"/>) and also its secretary (<see cref="DeputyAdmin"/>, who reverses member 4's
/// own entries), and member 3 committee member of community 100, community 101 and
/// grid 1001 (for the jurisdiction tests).
/// </remarks>
internal sealed class LedgerFixture : IDisposable
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly MemberId M1 = new(1), M2 = new(2), M3 = new(3), M4 = new(4), M5 = new(5);
    public static readonly OrgUnitId District = new(1), Community100 = new(100), Community101 = new(101), Community110 = new(110);
    public static readonly Actor Secretary100 = Actor.Post(M2, RoleKind.Secretary, Community100);
    public static readonly Actor WorkOrders = Actor.System("work-orders");
    public static readonly Actor Admin = Actor.Post(M4, RoleKind.Secretary, District);
    public static readonly Actor DistrictCommittee = Actor.Post(M5, RoleKind.CommitteeMember, District);
    public static readonly Actor DeputyAdmin = Actor.Post(M5, RoleKind.Secretary, District);

    /// <summary>The code of a refusal by the authority policy.</summary>
    public const string Forbidden = "points.forbidden";

    /// <summary>The roster's posts added to <see cref="OrganisationFixture.LaiwuCity"/>.</summary>
    public static readonly RoleDraft[] Posts =
    [
        new(M2, RoleKind.Secretary, Community100), new(M4, RoleKind.Secretary, District), new(M5, RoleKind.CommitteeMember, District), new(M5, RoleKind.Secretary, District),
        new(M3, RoleKind.CommitteeMember, Community100), new(M3, RoleKind.CommitteeMember, Community101), new(M3, RoleKind.CommitteeMember, new OrgUnitId(1001)),
    ];

    /// <summary>The member reviewing a declaration of <paramref name="member"/> for the district: member 5, or member 4 for member 5's own.</summary>
    public static Actor DistrictReviewerOf(MemberId member) => member == M5 ? Admin : DistrictCommittee;

    /// <summary>A member in person.</summary>
    public static Actor InPerson(MemberId member) => Actor.Member(member);

    public static readonly AssessmentSubject[] Roster =
    [
        new(M1, MemberKind.LongResident, new OrgUnitId(10000)),
        new(M2, MemberKind.LongResident, new OrgUnitId(1000)),
        new(M3, MemberKind.InService, new OrgUnitId(1001)),
        new(M4, MemberKind.Mobile, new OrgUnitId(1100)),
        new(M5, MemberKind.LongResident, new OrgUnitId(1010)),
    ];

    private readonly ServiceProvider provider;

    public LedgerFixture()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        var city = OrganisationFixture.LaiwuCity();
        city = city with { Roles = [.. city.Roles, .. Posts] };
        scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(TestActors.System, city, OrganisationFixture.D0).GetAwaiter().GetResult();
        Today = new LocalDate(2024, 6, 3);
    }

    public static RuleBook Book { get; } = CreateBook("test-book");

    public FakeClock Clock { get; } = new(Instant.FromUtc(2024, 6, 3, 2, 0));

    public InMemoryStore Store => provider.GetRequiredService<InMemoryStore>();

    /// <summary>The fake clock's date in Shanghai; setting it moves the clock to 10:00 that day.</summary>
    public LocalDate Today
    {
        get => Clock.GetCurrentInstant().InZone(Shanghai).Date;
        set => Clock.Reset(value.At(new LocalTime(10, 0)).InZoneStrictly(Shanghai).ToInstant());
    }

    public static Points P(decimal value) => Points.From(value);

    public static LocalDate D(int month, int day) => new(2024, month, day);

    /// <summary>
    /// Categories party-day, service (clip cap 10) and conduct; items themed-party-day (fixed +1), volunteer
    /// (discretionary 1–5, refuse cap 8), petition (tiered −0.5 / −1 / −2 / −5), late-dues (−0.5, doubled after a
    /// reminder), base (automatic grant +20) and correction (discretionary −20–20). Every version from 2020-01-01.
    /// </summary>
    public static RuleBook CreateBook(string id)
    {
        var from = new LocalDate(2020, 1, 1);
        return RuleBook.Create(new RuleBookDefinition
        {
            Id = id,
            Name = "Ledger test rules",
            Categories =
            [
                new ScoreCategory("party-day", "主题党日"),
                new ScoreCategory("service", "志愿服务", new PointsCap(P(10))),
                new ScoreCategory("conduct", "遵纪守法"),
            ],
            Items =
            [
                new RuleItem("themed-party-day", "party-day", "主题党日", [new RuleItemVersion { EffectiveFrom = from, Kind = ItemKind.Fixed, Points = P(1) }]),
                new RuleItem("volunteer", "service", "志愿服务", [new RuleItemVersion
                {
                    EffectiveFrom = from, Kind = ItemKind.Discretionary, Minimum = P(1), Maximum = P(5), Cap = new PointsCap(P(8), CapMode.Refuse),
                }]),
                new RuleItem("petition", "conduct", "越级上访", [new RuleItemVersion
                {
                    EffectiveFrom = from, Kind = ItemKind.Tiered,
                    Tiers = [new PenaltyTier("county", P(-0.5m)), new PenaltyTier("city", P(-1)), new PenaltyTier("province", P(-2)), new PenaltyTier("capital", P(-5))],
                }]),
                new RuleItem("late-dues", "conduct", "迟交党费", [new RuleItemVersion { EffectiveFrom = from, Kind = ItemKind.Deduction, Points = P(-0.5m), DoubleAfterReminder = true }]),
                new RuleItem("base", "conduct", "遵纪守法", [new RuleItemVersion { EffectiveFrom = from, Kind = ItemKind.AutomaticGrant, Points = P(20) }]),
                new RuleItem("correction", "conduct", "调整", [new RuleItemVersion { EffectiveFrom = from, Kind = ItemKind.Discretionary, Minimum = P(-20), Maximum = P(20) }]),
            ],
        });
    }

    public static LedgerEntryRequest Request(MemberId member, string item, LocalDate occurredOn, string key, decimal? value = null, string? tier = null) => new()
    {
        Member = member,
        ItemCode = item,
        OccurredOn = occurredOn,
        IdempotencyKey = key,
        Value = value is decimal v ? P(v) : null,
        Tier = tier,
        Evidence = "photo:" + key,
    };

    public async Task<T> RunAsync<T>(Func<PointsLedgerService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(CreateService(scope.ServiceProvider));
    }

    public async Task<T> RunAsync<T>(Func<PeriodPublicationService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<PeriodPublicationService>());
    }

    public async Task<T> RunAsync<T>(Func<LedgerExportService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<LedgerExportService>());
    }

    /// <summary>A scope of the fixture's provider, for a test that holds a unit of work across other operations.</summary>
    public IServiceScope Scope() => provider.CreateScope();

    public async Task<T> RunOrganisationAsync<T>(Func<OrganisationService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<OrganisationService>());
    }

    public static PointsLedgerService CreateService(IServiceProvider services) => new(
        services.GetRequiredService<IRepository<LedgerEntry>>(),
        services.GetRequiredService<IRepository<PeriodPublication>>(),
        services.GetRequiredService<IReadRepository<Member>>(),
        services.GetRequiredService<IAuthorityPolicy>(),
        services.GetRequiredService<IUnitOfWork>(),
        services.GetRequiredService<GridGovernanceOptions>(),
        services.GetRequiredService<IClock>());

    public Task<T> RunOnAsync<T>(LocalDate today, Func<PointsLedgerService, Task<T>> operation)
    {
        Today = today;
        return RunAsync(operation);
    }

    public Task<T> RunOnAsync<T>(LocalDate today, Func<PeriodPublicationService, Task<T>> operation)
    {
        Today = today;
        return RunAsync(operation);
    }

    public Task<LedgerEntry> DeclareAsync(MemberId member, string item, LocalDate occurredOn, string key, decimal? value = null, string? tier = null, RuleBook? book = null) =>
        RunAsync(s => s.DeclareAsync(Actor.Member(member), book ?? Book, Request(member, item, occurredOn, key, value, tier)));

    public Task<LedgerEntry> RecordAsync(MemberId member, string item, LocalDate occurredOn, string key, decimal? value = null, string? tier = null, RuleBook? book = null) =>
        RunAsync(s => s.RecordAsync(WorkOrders, book ?? Book, LedgerSource.WorkOrder, Request(member, item, occurredOn, key, value, tier)));

    public Task<LedgerEntry> ApproveAsync(LedgerEntryId entry, Actor? reviewer = null, decimal? value = null) =>
        RunAsync(s => s.ApproveAsync(reviewer ?? Secretary100, Book, entry, value is decimal v ? P(v) : null));

    /// <summary>Reverses an entry as <see cref="Admin"/>, or as <see cref="DeputyAdmin"/> when it is member 4's own (nobody reverses their own entry).</summary>
    public async Task<LedgerEntry> ReverseAsync(LedgerEntryId entry, string reason = "recorded twice")
    {
        var reverser = (await AllEntriesAsync()).FirstOrDefault(e => e.Id == entry)?.Member == M4 ? DeputyAdmin : Admin;
        return await RunAsync(s => s.ReverseAsync(reverser, entry, reason));
    }

    public Task<LedgerEntry> GetAsync(LedgerEntryId entry) => RunAsync(s => s.GetAsync(entry));

    public Task<AssessmentEntry[]> ExportAsync(AssessmentPeriod period, RuleBook? book = null) => RunAsync(s => s.ExportForAssessmentAsync(book ?? Book, period));

    public async Task<AssessmentResult> AssessAsync(AssessmentPeriod period, RuleBook? book = null)
    {
        var entries = await ExportAsync(period, book);
        var result = AssessmentEngine.Assess(book ?? Book, period, Roster, entries);
        // Every ledger test also checks that the columnar export assesses to the same result.
        var columnar = AssessmentEngine.Assess(book ?? Book, period, Roster, await RunAsync(s => s.ExportColumnsForAssessmentAsync(book ?? Book, period)));
        string expected = Engine.AssessmentEngineProperties.Describe(result), actual = Engine.AssessmentEngineProperties.Describe(columnar);
        if (expected != actual)
        {
            throw new InvalidOperationException($"The assessment ledger assessed to another result:\n{actual}\ninstead of\n{expected}");
        }
        return result;
    }

    public async Task<IReadOnlyList<LedgerEntry>> AllEntriesAsync()
    {
        using var scope = provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IReadRepository<LedgerEntry>>().ListAsync();
    }

    /// <summary>Every stored ledger entry, publication and published results with its version: equal fingerprints mean nothing was written.</summary>
    public async Task<string> FingerprintAsync()
    {
        using var scope = provider.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<IReadRepository<LedgerEntry>>().ListAsync();
        var publications = await scope.ServiceProvider.GetRequiredService<IReadRepository<PeriodPublication>>().ListAsync();
        var results = await scope.ServiceProvider.GetRequiredService<IReadRepository<PublishedResults>>().ListAsync();
        return string.Join("\n", entries.Select(e => $"{e.Id} v{e.Version} {e.Status}").Concat(publications.Select(p => $"{p.Id} v{p.Version} {p.Status}"))
            .Concat(results.Select(r => $"{r} v{r.Version}")).Order(StringComparer.Ordinal));
    }

    /// <summary>Runs an operation that must fail with <paramref name="code"/> and write nothing.</summary>
    public Task<GridGovernanceException> FailsAsync<T>(string code, Func<PointsLedgerService, Task<T>> operation) => FailsAsync(code, () => RunAsync(operation));

    /// <summary>Runs a publication operation that must fail with <paramref name="code"/> and write nothing.</summary>
    public Task<GridGovernanceException> FailsAsync<T>(string code, Func<PeriodPublicationService, Task<T>> operation) => FailsAsync(code, () => RunAsync(operation));

    private async Task<GridGovernanceException> FailsAsync(string code, Func<Task> run)
    {
        var before = await FingerprintAsync();
        var exception = await Assert.ThrowsAnyAsync<GridGovernanceException>(run);
        Assert.Equal(code, exception.Code);
        Assert.Equal(before, await FingerprintAsync());
        return exception;
    }

    /// <summary>Publishes Q1 2024 on Tuesday 2024-04-02 with a window of five working days (plain weekends) closing on Tuesday 2024-04-09.</summary>
    public async Task<PeriodPublication> PublishQ1Async(WorkingDayCalendar? calendar = null, LocalDate? on = null)
    {
        var result = await AssessAsync(AssessmentPeriod.Quarter(2024, 1));
        return await RunOnAsync(on ?? D(4, 2), s => s.PublishAsync(Admin, result, 5, calendar ?? WorkingDayCalendar.WeekendsOnly));
    }

    /// <summary>The stored results of a publication.</summary>
    public Task<PublishedResults> ResultsAsync(PeriodPublicationId publication) => RunAsync(s => s.GetResultsAsync(publication));

    /// <summary>Publishes Q1 as <see cref="PublishQ1Async"/> and freezes it on 2024-04-10.</summary>
    public async Task<PeriodPublication> FreezeQ1Async()
    {
        var published = await PublishQ1Async();
        return await RunOnAsync(D(4, 10), s => s.FreezeAsync(Admin, published.Id));
    }

    public void Dispose() => provider.Dispose();
}
