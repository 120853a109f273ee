using System.Collections.Immutable;
using GridGovernance.Claims;
using GridGovernance.Organisation;
using GridGovernance.Tests.Organisation;
using GridGovernance.Tests.Scoring.Ledger;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.Claims;

/// <summary>
/// A provider wired with <c>AddGridGovernance</c>, a fake clock on 2024-06-03 (Shanghai) and the small Laiwu city of
/// <see cref="OrganisationFixture.LaiwuCity"/> (members 1–5), so completions can record points with
/// <see cref="LedgerFixture.Book"/>. Each operation runs in its own scope, like a request.
/// </summary>
internal sealed class ClaimsFixture : IDisposable
{
    public static readonly LocalDate Today = new(2024, 6, 3);
    public static readonly DateInterval Year = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));
    private readonly ServiceProvider provider;

    public ClaimsFixture()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(TestActors.System, OrganisationFixture.LaiwuCity(), OrganisationFixture.D0).GetAwaiter().GetResult();
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2024, 6, 3, 2, 0));

    public async Task<T> RunAsync<T>(Func<ClaimService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<ClaimService>());
    }

    public async Task<T> WishesAsync<T>(Func<MicroWishService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return await operation(scope.ServiceProvider.GetRequiredService<MicroWishService>());
    }

    public static ResourceListing Listing(int unit, int capacity = 1, string category = "elderly-care", int[]? areas = null) =>
        new(new OrgUnitId(unit), [category], capacity, ClaimMatcherTest.North(unit * 10), (areas ?? []).Select(a => new AreaId(a)), Year, [new MemberId(1)]);

    public static ServiceProject Project(int id, int claimants = 1, string category = "elderly-care", int area = 1, params int[] needs) =>
        new(new ProjectId(id), $"项目{id}", category, new AreaId(area), ClaimMatcherTest.North(id * 100), claimants, new LocalDate(2024, 9, 30), needs.Select(n => new NeedId(n)));

    public async Task<ServiceProject> OpenProjectAsync(int id, int claimants = 1, string category = "elderly-care")
    {
        await RunAsync(s => s.ProposeAsync(Project(id, claimants, category)));
        return await RunAsync(s => s.OpenAsync(new ProjectId(id)));
    }

    public async Task ListAsync(params ResourceListing[] listings)
    {
        foreach (var listing in listings)
        {
            await RunAsync(s => s.ListResourceAsync(listing));
        }
    }

    public static ImmutableArray<string> Duties { get; } = ["每周上门两次", "建立台账"];

    public void Dispose() => provider.Dispose();
}
