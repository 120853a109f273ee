using System.Collections.Immutable;
using GridGovernance.Authority;
using GridGovernance.Claims;
using GridGovernance.Organisation;
using GridGovernance.Tests.Persistence;
using GridGovernance.Tests.Scoring.Ledger;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.Claims;

/// <summary>
/// A provider wired with <c>AddGridGovernance</c>, a fake clock on 2024-06-03 (Shanghai) and a small roster whose
/// posts the commands act through, so completions can record points with <see cref="LedgerFixture.Book"/>. Each
/// operation runs in its own scope, like a request.
/// </summary>
/// <remarks>
/// District 1, street 2, community 100 (its secretary is member 1; grid 1000 holds members 1–5) where the projects,
/// needs and wishes sit; community 101 (grid 1010, member 6) outside it. Claimant units are the functional branches
/// 10–16 under street 2: unit <c>u</c>'s secretary is member <c>10u</c> and its staff member <c>10u + 1</c>.
/// </remarks>
internal sealed class ClaimsFixture : IDisposable
{
    public static readonly LocalDate Today = new(2024, 6, 3);
    public static readonly LocalDate D0 = new(2024, 1, 1);
    public static readonly DateInterval Year = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));
    public static readonly OrgUnitId Community = new(100);
    public static readonly int[] ClaimantUnits = [10, 11, 12, 13, 14, 15, 16];
    private readonly ServiceProvider provider;

    public ClaimsFixture(FaultPlan? faults = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        if (faults is not null)
        {
            FaultInjectingUnitOfWork.Register(services, faults);
        }
        services.AddGridGovernance(o => o.Schema = HierarchySchemas.Standard);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(TestActors.System, Roster(), D0).GetAwaiter().GetResult();
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2024, 6, 3, 2, 0));

    public GridGovernance.Persistence.InMemoryStore Store => provider.GetRequiredService<GridGovernance.Persistence.InMemoryStore>();

    /// <summary>Lists units 10 and 11, opens project <paramref name="id"/> for both, has both claim and sign (sending their staff) and starts delivery.</summary>
    public async Task DeliverAsync(int id = 1)
    {
        if (Store.Find<ResourceListing>(new OrgUnitId(10)) is null)
        {
            await ListAsync(Listing(10, capacity: 5), Listing(11, capacity: 5));
        }
        await OpenProjectAsync(id, claimants: 2);
        var project = new ProjectId(id);
        foreach (int unit in new[] { 10, 11 })
        {
            await RunAsync(s => s.ClaimAsync(ClaimantOf(unit), project));
        }
        foreach (int unit in new[] { 10, 11 })
        {
            await RunAsync(s => s.SignAgreementAsync(ClaimantOf(unit), project, [StaffOf(unit)], 0m, Duties, new LocalDate(2024, 9, 30)));
        }
        await RunAsync(s => s.StartDeliveryAsync(Secretary, project));
    }

    /// <summary>The secretary (书记) of community 100: proposes, opens, matches and completes its projects.</summary>
    public static Actor Secretary { get; } = Actor.Post(new MemberId(1), RoleKind.Secretary, Community);

    /// <summary>The secretary of claimant unit <paramref name="unit"/>, who claims and signs for it.</summary>
    public static Actor ClaimantOf(int unit) => Actor.Post(SecretaryOf(unit), RoleKind.Secretary, new OrgUnitId(unit));

    /// <summary>The secretary of claimant unit <paramref name="unit"/>.</summary>
    public static MemberId SecretaryOf(int unit) => new(unit * 10);

    /// <summary>The staff member of claimant unit <paramref name="unit"/>, whom its agreements send.</summary>
    public static MemberId StaffOf(int unit) => new(unit * 10 + 1);

    /// <summary>A member of grid 1000 in person (members 1–5).</summary>
    public static Actor InPerson(int member) => Actor.Member(new MemberId(member));

    public async Task<T> RunAsync<T>(Func<ClaimService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<ClaimService>());
    }

    public async Task<T> OrganisationAsync<T>(Func<OrganisationService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<OrganisationService>());
    }

    public async Task<T> LedgerAsync<T>(Func<GridGovernance.Scoring.Ledger.PointsLedgerService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<GridGovernance.Scoring.Ledger.PointsLedgerService>());
    }

    public async Task<T> WishesAsync<T>(Func<MicroWishService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<MicroWishService>());
    }

    public static ResourceListing Listing(int unit, int capacity = 1, string category = "elderly-care", int[]? areas = null) =>
        new(new OrgUnitId(unit), [category], capacity, ClaimMatcherTest.North(unit * 10), (areas ?? []).Select(a => new AreaId(a)), Year, [StaffOf(unit)]);

    public static ServiceProject Project(int id, int claimants = 1, string category = "elderly-care", int area = 1, params int[] needs) =>
        new(new ProjectId(id), $"项目{id}", category, new AreaId(area), Community, ClaimMatcherTest.North(id * 100), claimants, new LocalDate(2024, 9, 30), needs.Select(n => new NeedId(n)));

    public async Task<ServiceProject> OpenProjectAsync(int id, int claimants = 1, string category = "elderly-care")
    {
        await RunAsync(s => s.ProposeAsync(Secretary, Project(id, claimants, category)));
        return await RunAsync(s => s.OpenAsync(Secretary, new ProjectId(id)));
    }

    public async Task ListAsync(params ResourceListing[] listings)
    {
        foreach (var listing in listings)
        {
            await RunAsync(s => s.ListResourceAsync(ClaimantOf(listing.Id.Value), listing));
        }
    }

    public static ImmutableArray<string> Duties { get; } = ["每周上门两次", "建立台账"];

    public void Dispose() => provider.Dispose();

    private static RosterBatch Roster()
    {
        var units = new List<UnitDraft>
        {
            Unit(1, UnitKind.District, null), Unit(2, UnitKind.Street, 1),
            Unit(100, UnitKind.Community, 2), Unit(101, UnitKind.Community, 2),
            Unit(1000, UnitKind.GridBranch, 100), Unit(1010, UnitKind.GridBranch, 101),
        };
        var members = Enumerable.Range(1, 5).Select(m => Member(m, 1000)).Append(Member(6, 1010)).ToList();
        var roles = new List<RoleDraft> { new(new MemberId(1), RoleKind.Secretary, Community) };
        foreach (int unit in ClaimantUnits)
        {
            units.Add(Unit(unit, UnitKind.FunctionalBranch, 2));
            members.Add(Member(SecretaryOf(unit).Value, unit));
            members.Add(Member(StaffOf(unit).Value, unit));
            roles.Add(new RoleDraft(SecretaryOf(unit), RoleKind.Secretary, new OrgUnitId(unit)));
        }
        return new RosterBatch { Units = [.. units], Members = [.. members], Roles = [.. roles] };
    }

    private static UnitDraft Unit(int id, UnitKind kind, int? parent) => new(new OrgUnitId(id), kind, $"{kind.Code} {id}", parent is int p ? new OrgUnitId(p) : null);

    private static MemberDraft Member(int id, int branch) => new(new MemberId(id), $"党员{id}", MemberKind.LongResident, new LocalDate(2001, 7, 1), new OrgUnitId(branch));
}
