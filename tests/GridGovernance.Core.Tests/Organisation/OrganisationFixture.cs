using GridGovernance.Organisation;
using GridGovernance.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.Organisation;

/// <summary>
/// A service provider wired with <c>AddGridGovernance</c>, a fake clock and a schema, plus the small Laiwu-style
/// city most organisation tests start from. Every operation runs in a scope of its own, so each one is a fresh
/// unit of work against the shared in-memory store.
/// </summary>
internal sealed class OrganisationFixture : IDisposable
{
    public static readonly LocalDate D0 = new(2024, 1, 1);
    public static readonly LocalDate D1 = new(2024, 3, 1);
    public static readonly LocalDate D2 = new(2024, 6, 1);
    public static readonly LocalDate D3 = new(2024, 9, 1);
    public static readonly LocalDate Joined = new(2001, 7, 1);

    private readonly ServiceProvider provider;

    public OrganisationFixture(HierarchySchema? schema = null, GridHouseholdBand? band = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddGridGovernance(o =>
        {
            o.Schema = schema ?? HierarchySchemas.Laiwu;
            if (band is GridHouseholdBand b)
            {
                o.GridHouseholdBand = b;
            }
        });
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>A schema where a party group may sit under another party group, so a unit can be moved under its own descendant.</summary>
    public static HierarchySchema NestingSchema { get; } = HierarchySchema.CreateBuilder("Nesting")
        .Root(UnitKind.District)
        .Under(UnitKind.Street, UnitKind.District)
        .Under(UnitKind.Community, UnitKind.Street)
        .Under(UnitKind.RegionalCommittee, UnitKind.Street)
        .Under(UnitKind.GridBranch, UnitKind.Community)
        .Under(UnitKind.PartyGroup, UnitKind.GridBranch, UnitKind.PartyGroup)
        .MembersIn(UnitKind.GridBranch, UnitKind.PartyGroup)
        .HouseholdsIn(UnitKind.GridBranch, UnitKind.PartyGroup)
        .Grid(UnitKind.GridBranch)
        .Build();

    public FakeClock Clock { get; } = new(Instant.FromUtc(2024, 6, 1, 4, 0));

    public InMemoryStore Store => provider.GetRequiredService<InMemoryStore>();

    public static OrgUnitId U(int value) => new(value);

    public static MemberId M(int value) => new(value);

    public static HouseholdId H(int value) => new(value);

    public static StationedUnitId R(int value) => new(value);

    public static UnitDraft UnitRow(int id, UnitKind kind, int? parent, string? name = null) =>
        new(U(id), kind, name ?? $"{kind.Code} {id}", parent is int p ? U(p) : null);

    public static MemberDraft MemberRow(int id, int branch, MemberKind kind = MemberKind.LongResident) =>
        new(M(id), $"Member {id}", kind, Joined, U(branch));

    public static HouseholdDraft HouseholdRow(int id, int unit, int residents = 3) =>
        new(H(id), U(unit), $"Building {id}, door 1") { Residents = residents };

    /// <summary>
    /// District 1; streets 10, 11; communities 100, 101 (street 10) and 110 (street 11); grid branches 1000, 1001
    /// (community 100), 1010, 1011 (community 101, 1011 empty) and 1100 (community 110); building group 10000 in
    /// grid 1000. Members 1 (group 10000), 2 (grid 1000), 3 (grid 1001), 4 (grid 1100), 5 (grid 1010). Households
    /// 1, 2 (grid 1000), 3 (group 10000), 4 (grid 1001), 5 (grid 1100), 6 (grid 1010). Stationed unit 1 in community
    /// 100, covered by grid 1001 (its co-building partner). Roles: member 2 grid head of 1000, member 1 group leader
    /// of 10000. Rows are deliberately not in top-down order.
    /// </summary>
    public static RosterBatch LaiwuCity() => new()
    {
        Units =
        [
            UnitRow(10000, UnitKind.PartyGroup, 1000) with { PartyGroupKind = PartyGroupKind.Building },
            UnitRow(1000, UnitKind.GridBranch, 100) with { GridBranchKind = GridBranchKind.DirectlyManaged },
            UnitRow(1001, UnitKind.GridBranch, 100) with { GridBranchKind = GridBranchKind.CoBuilt, CoBuildingPartner = R(1) },
            UnitRow(1010, UnitKind.GridBranch, 101),
            UnitRow(1011, UnitKind.GridBranch, 101),
            UnitRow(1100, UnitKind.GridBranch, 110) with { GridBranchKind = GridBranchKind.Combined },
            UnitRow(100, UnitKind.Community, 10, "西关社区"),
            UnitRow(101, UnitKind.Community, 10, "花园社区"),
            UnitRow(110, UnitKind.Community, 11, "汶河社区"),
            UnitRow(10, UnitKind.Street, 1, "凤城街道"),
            UnitRow(11, UnitKind.Street, 1, "张家洼街道"),
            UnitRow(1, UnitKind.District, null, "莱芜区"),
        ],
        Members =
        [
            MemberRow(1, 10000),
            MemberRow(2, 1000) with { Phone = "13800000002" },
            MemberRow(3, 1001, MemberKind.InService),
            MemberRow(4, 1100, MemberKind.Mobile),
            MemberRow(5, 1010),
        ],
        Households =
        [
            HouseholdRow(1, 1000),
            HouseholdRow(2, 1000),
            HouseholdRow(3, 10000),
            HouseholdRow(4, 1001),
            HouseholdRow(5, 1100),
            HouseholdRow(6, 1010),
        ],
        StationedUnits =
        [
            new StationedUnitDraft(R(1), "区人民医院", StationedUnitKind.Institution, U(100), 200, 30)
            {
                PartyOrganisationId = U(1001),
                HasOwnOrganisation = true,
                SignedCoBuildingAgreement = true,
            },
        ],
        Roles =
        [
            new RoleDraft(M(2), RoleKind.GridHead, U(1000), Employment.FullTime),
            new RoleDraft(M(1), RoleKind.GroupLeader, U(10000)),
        ],
    };

    public Task<ImportResult> SeedLaiwuAsync() => RunAsync(s => s.ImportAsync(TestActors.System, LaiwuCity(), D0));

    public async Task<T> RunAsync<T>(Func<OrganisationService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<OrganisationService>());
    }

    public async Task RunAsync(Func<OrganisationService, Task> operation)
    {
        using var scope = provider.CreateScope();
        await operation(scope.ServiceProvider.GetRequiredService<OrganisationService>());
    }

    public async Task<T> QueryAsync<T>(Func<OrganisationQueries, Task<T>> query)
    {
        using var scope = provider.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<OrganisationQueries>());
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider);
    }

    public Task<HierarchyIndex> IndexAsync(LocalDate asOf) => QueryAsync(s => s.BuildIndexAsync(asOf));

    public Task<OrgUnit> UnitAsync(int id) => QueryAsync(s => s.GetUnitAsync(U(id)));

    public Task<Member> MemberAsync(int id) => GetAsync<Member, MemberId>(M(id));

    public Task<Household> HouseholdAsync(int id) => GetAsync<Household, HouseholdId>(H(id));

    public Task<StationedUnit> StationedUnitAsync(int id) => GetAsync<StationedUnit, StationedUnitId>(R(id));

    public async Task<IReadOnlyList<T>> ListAsync<T>()
        where T : class, IAggregateRoot
    {
        using var scope = provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IReadRepository<T>>().ListAsync();
    }

    /// <summary>Every stored aggregate with its version: equal fingerprints mean nothing was added, changed or removed.</summary>
    public async Task<string> FingerprintAsync()
    {
        var lines = new List<string>();
        lines.AddRange((await ListAsync<OrgUnit>()).Select(a => $"{a.Id} v{a.Version}"));
        lines.AddRange((await ListAsync<Member>()).Select(a => $"{a.Id} v{a.Version}"));
        lines.AddRange((await ListAsync<Household>()).Select(a => $"{a.Id} v{a.Version}"));
        lines.AddRange((await ListAsync<StationedUnit>()).Select(a => $"{a.Id} v{a.Version}"));
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    /// <summary>Runs an operation that must fail with <paramref name="code"/> and change nothing stored.</summary>
    public async Task<GridGovernanceException> FailsAsync(string code, Func<OrganisationService, Task> operation)
    {
        var before = await FingerprintAsync();
        var exception = await Assert.ThrowsAnyAsync<GridGovernanceException>(() => RunAsync(operation));
        Assert.Equal(code, exception.Code);
        Assert.Equal(before, await FingerprintAsync());
        return exception;
    }

    /// <summary>Runs an import-like operation that must fail validation and change nothing stored.</summary>
    public async Task<GridGovernanceValidationException> InvalidAsync(Func<OrganisationService, Task> operation)
    {
        var before = await FingerprintAsync();
        var exception = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => RunAsync(operation));
        Assert.Equal(before, await FingerprintAsync());
        return exception;
    }

    public void Dispose() => provider.Dispose();

    private async Task<T> GetAsync<T, TId>(TId id)
        where T : class, IAggregateRoot
        where TId : struct
    {
        using var scope = provider.CreateScope();
        var found = await scope.ServiceProvider.GetRequiredService<IReadRepository<T>>().GetByIdAsync(id);
        Assert.NotNull(found);
        return found;
    }
}
