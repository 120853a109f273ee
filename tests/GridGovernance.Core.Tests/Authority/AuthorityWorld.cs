using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.Authority;

/// <summary>
/// A roster in the in-memory store, with both ways of answering authority questions: the index of the whole tree
/// (<see cref="AuthorityIndex"/>) and the registered policy, which reads the store for one command.
/// </summary>
internal sealed class AuthorityWorld : IDisposable
{
    public static readonly LocalDate Day0 = new(2024, 1, 1);

    private readonly ServiceProvider provider;

    public AuthorityWorld(AuthorityTable? table = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2024, 6, 1, 4, 0)));
        services.AddGridGovernance(o =>
        {
            o.Schema = HierarchySchemas.Standard;
            o.Authority = table ?? AuthorityTable.Default;
        });
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public AuthorityTable Table => provider.GetRequiredService<GridGovernanceOptions>().Authority;

    /// <summary>The provider, for tests that resolve a module's services in a scope of their own.</summary>
    public IServiceProvider Services => provider;

    /// <summary>Runs <paramref name="action"/> with a service resolved from a fresh scope (one unit of work).</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        using var scope = provider.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// Every stored aggregate of every kind with its version, as "Type/id" → version: a refused command must leave it
    /// exactly as it was (no aggregate added, removed or saved).
    /// </summary>
    public IReadOnlyDictionary<string, long> Versions()
    {
        var store = provider.GetRequiredService<InMemoryStore>();
        var all = typeof(InMemoryStore).GetMethod("All", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var type in typeof(IAggregateRoot).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IAggregateRoot).IsAssignableFrom(t)))
        {
            foreach (IAggregateRoot aggregate in (Array)all.MakeGenericMethod(type).Invoke(store, null)!)
            {
                result[$"{type.Name}/{aggregate.Id}"] = aggregate.Version;
            }
        }
        return result;
    }

    public async Task RunAsync(Func<OrganisationService, Task> action)
    {
        using var scope = provider.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<OrganisationService>());
    }

    public async Task<AuthorityDecision> DecideThroughPolicyAsync(Actor actor, Capability capability, AuthoritySubject subject, LocalDate day)
    {
        using var scope = provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IAuthorityPolicy>().DecideAsync(actor, capability, subject, day);
    }

    public async Task<AuthorityIndex> BuildIndexAsync(LocalDate day)
    {
        using var scope = provider.CreateScope();
        var units = await scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync();
        var members = await scope.ServiceProvider.GetRequiredService<IReadRepository<Member>>().ListAsync();
        var households = await scope.ServiceProvider.GetRequiredService<IReadRepository<Household>>().ListAsync();
        return AuthorityIndex.Build(HierarchyIndex.Build(units, members, households, day), members, units);
    }

    public async Task<(IReadOnlyList<OrgUnit> Units, IReadOnlyList<Member> Members, IReadOnlyList<Household> Households)> SnapshotAsync()
    {
        using var scope = provider.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(),
            await scope.ServiceProvider.GetRequiredService<IReadRepository<Member>>().ListAsync(),
            await scope.ServiceProvider.GetRequiredService<IReadRepository<Household>>().ListAsync());
    }

    public void Dispose() => provider.Dispose();
}
