using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.Tests.Organisation;

/// <summary>A fresh in-memory city for one property run.</summary>
internal sealed class CityHarness : IDisposable
{
    private readonly ServiceProvider provider;

    private CityHarness(ServiceProvider provider)
    {
        this.provider = provider;
    }

    internal InMemoryStore Store => provider.GetRequiredService<InMemoryStore>();

    internal static CityHarness Create(HierarchySchema schema)
    {
        var services = new ServiceCollection();
        services.AddGridGovernance(o => o.Schema = schema);
        return new CityHarness(services.BuildServiceProvider());
    }

    internal static CityHarness Import(GeneratedCity city, HierarchySchema? schema = null)
    {
        var harness = Create(schema ?? city.Schema);
        harness.Run(s => city.ImportAsync(s));
        return harness;
    }

    /// <summary>Runs one operation in its own scope (its own unit of work), synchronously.</summary>
    internal T Run<T>(Func<OrganisationService, Task<T>> operation)
    {
        using var scope = provider.CreateScope();
        return operation(scope.ServiceProvider.GetRequiredService<OrganisationService>()).GetAwaiter().GetResult();
    }

    /// <summary>Runs one read in its own scope, synchronously.</summary>
    internal T Query<T>(Func<OrganisationQueries, Task<T>> query)
    {
        using var scope = provider.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<OrganisationQueries>()).GetAwaiter().GetResult();
    }

    /// <summary>Runs an operation that may be refused; returns the refusal or null.</summary>
    internal GridGovernanceException? TryRun<T>(Func<OrganisationService, Task<T>> operation)
    {
        try
        {
            Run(operation);
            return null;
        }
        catch (GridGovernanceException e)
        {
            return e;
        }
    }

    internal (int Units, int Members, int Households, int StationedUnits) Counts() =>
        (Store.Count<OrgUnit>(), Store.Count<Member>(), Store.Count<Household>(), Store.Count<StationedUnit>());

    public void Dispose() => provider.Dispose();
}
