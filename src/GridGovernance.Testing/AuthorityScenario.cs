using GridGovernance.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.Testing;

/// <summary>
/// A generated city with posts for authority tests: role assignments in its roster, a regional committee (区域党委)
/// with the communities it spans and its rotating chair (轮值主席), dual registrations (双报到), and a list of
/// authority questions mixing posts that are held with posts that are not, members, residents, officers and the
/// system. Made by <see cref="AuthorityArbitraries"/>.
/// </summary>
/// <param name="City">The city; its roster holds the committee and the roles.</param>
/// <param name="Committee">The regional committee.</param>
/// <param name="Spans">The communities the committee spans from the city's date.</param>
/// <param name="Chair">The committee's rotating chair from the city's date, if any.</param>
/// <param name="Registrations">Dual registrations from the city's date: member and the community they register with.</param>
/// <param name="Queries">The questions to decide.</param>
public sealed record AuthorityScenario(
    GeneratedCity City,
    OrgUnitId Committee,
    IReadOnlyList<OrgUnitId> Spans,
    MemberId? Chair,
    IReadOnlyList<(MemberId Member, OrgUnitId Community)> Registrations,
    IReadOnlyList<AuthorityQuery> Queries)
{
    /// <summary>
    /// Imports the city and records the spans, the chair and the registrations, acting as the system
    /// (<see cref="GeneratedCity.Importer"/>); returns the provider (dispose it).
    /// </summary>
    /// <param name="configure">Further registrations, or <c>null</c>.</param>
    public async Task<ServiceProvider> CreateServicesAsync(Action<IServiceCollection>? configure = null)
    {
        var provider = await City.CreateServicesAsync(configure).ConfigureAwait(false);
        using var scope = provider.CreateScope();
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var from = new Validity(City.Date);
        foreach (var community in Spans)
        {
            await organisation.AddSpanAsync(GeneratedCity.Importer, Committee, community, from).ConfigureAwait(false);
        }
        if (Chair is MemberId chair)
        {
            var branch = City.Roster.Members.First(m => m.Id == chair).BranchId;
            await organisation.AppointChairAsync(GeneratedCity.Importer, Committee, new ChairTerm(chair, branch, from)).ConfigureAwait(false);
        }
        foreach (var (member, community) in Registrations)
        {
            await organisation.RegisterDualAsync(GeneratedCity.Importer, member, community, from).ConfigureAwait(false);
        }
        return provider;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{City.Roster.Units.Count} units, {City.Roster.Members.Count} members, {City.Roster.Roles.Count} roles, committee {Committee} spanning [{string.Join(", ", Spans)}], chair {Chair?.ToString() ?? "none"}, {Registrations.Count} dual registrations; queries:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", Queries)}";
}
