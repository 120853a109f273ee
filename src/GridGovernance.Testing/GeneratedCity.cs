using GridGovernance.Authority;
using GridGovernance.Organisation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GridGovernance.Testing;

/// <summary>A synthetic city: its roster, the schema it was made for and the date it is dated.</summary>
/// <param name="Size">The shape it was generated with.</param>
/// <param name="Seed">The seed: the same size and seed give the same city.</param>
/// <param name="Schema">The schema the roster satisfies (<see cref="HierarchySchemas.Standard"/>).</param>
/// <param name="Date">The import date.</param>
/// <param name="Roster">Every unit, member, household, stationed unit and role.</param>
public sealed record GeneratedCity(CitySize Size, int Seed, HierarchySchema Schema, LocalDate Date, RosterBatch Roster)
{
    /// <summary>The district's id (the root).</summary>
    public OrgUnitId District => Roster.Units[0].Id;

    /// <summary>The actor a generated city is imported as: the system (<c>Actor.System("import")</c>), which alone may fill an empty store.</summary>
    public static Actor Importer { get; } = Actor.System("import");

    /// <summary>Imports the roster through a service (so every rule is checked), acting as <see cref="Importer"/>.</summary>
    /// <param name="service">An organisation service whose options use <see cref="Schema"/>.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    public Task<ImportResult> ImportAsync(OrganisationService service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.ImportAsync(Importer, Roster, Date, cancellationToken);
    }

    /// <summary>
    /// Makes a service provider with the in-memory store and this city's schema, imports the roster, and
    /// returns the provider (dispose it when done).
    /// </summary>
    /// <param name="configure">Further registrations (for example a fake clock), or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    public async Task<ServiceProvider> CreateServicesAsync(Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddGridGovernance(o => o.Schema = Schema);
        var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        await ImportAsync(scope.ServiceProvider.GetRequiredService<OrganisationService>(), cancellationToken).ConfigureAwait(false);
        return provider;
    }
}
