using BenchmarkDotNet.Attributes;
using GridGovernance.Authority;
using GridGovernance.Benchmarks.Organisation;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GridGovernance.Benchmarks.Authority;

/// <summary>
/// One authorisation decision on a whole generated city: a community secretary (书记) reviewing a random member's
/// declaration (about one in a hundred is within the community's jurisdiction). From the <see cref="AuthorityIndex"/>;
/// through the store-backed <see cref="AuthorityPolicy"/> (the path a service takes for one command); and, as the
/// anchor, the parent walk through the repositories that the services used before (<c>IsWithinJurisdictionAsync</c>),
/// which checks jurisdiction only, not the post. Times are per decision.
/// </summary>
[MemoryDiagnoser]
public class AuthorityBenchmarks
{
    private const int Queries = 4096;

    private AuthorityIndex index = null!;
    private IAuthorityPolicy policy = null!;
    private OrganisationQueries organisation = null!;
    private Actor[] actors = null!;
    private AuthoritySubject[] subjects = null!;
    private LocalDate day;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "city";

    public static IEnumerable<string> Sizes => CitySizes.Names;

    [GlobalSetup]
    public void Setup()
    {
        // Fresh aggregates (not the shared CityAggregates): the store takes ownership of what is added to it.
        var generated = CityAggregates.For(Size).City;
        day = generated.Date;
        var random = new Random(11);
        var units = generated.Roster.Units.Select(u => OrgUnit.Create(u, day)).ToArray();
        var members = generated.Roster.Members.Select(m => Member.Create(m, day)).ToArray();
        var households = generated.Roster.Households.Select(h => Household.Create(h, day)).ToArray();
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        var kindOf = units.ToDictionary(u => u.Id, u => u.Kind);
        var secretaries = new Dictionary<OrgUnitId, Member>();
        foreach (var member in members)
        {
            OrgUnitId? community = member.BranchId;
            while (community is OrgUnitId c && kindOf[c] != UnitKind.Community)
            {
                community = parentOf[c];
            }
            if (community is OrgUnitId found && !secretaries.ContainsKey(found))
            {
                member.Assign(new RoleAssignment(RoleKind.Secretary, found, Employment.FullTime, new Validity(day)));
                secretaries[found] = member;
            }
        }
        var posts = secretaries.ToArray();
        var hierarchy = HierarchyIndex.Build(units, members, households, day);
        index = AuthorityIndex.Build(hierarchy, members, units);

        var provider = new ServiceCollection().AddGridGovernance().BuildServiceProvider();
        using (var load = provider.CreateScope())
        {
            AddAll(load.ServiceProvider, units);
            AddAll(load.ServiceProvider, members);
            AddAll(load.ServiceProvider, households);
            load.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync().GetAwaiter().GetResult();
        }
        var scope = provider.CreateScope();
        policy = scope.ServiceProvider.GetRequiredService<IAuthorityPolicy>();
        organisation = scope.ServiceProvider.GetRequiredService<OrganisationQueries>();

        actors = new Actor[Queries];
        subjects = new AuthoritySubject[Queries];
        for (int i = 0; i < Queries; i++)
        {
            var (community, secretary) = posts[random.Next(posts.Length)];
            actors[i] = Actor.Post(secretary.Id, RoleKind.Secretary, community);
            subjects[i] = AuthoritySubject.OfMember("ledger-entry", members[random.Next(members.Length)].Id);
        }
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int Decide_FromIndex()
    {
        int allowed = 0;
        for (int i = 0; i < Queries; i++)
        {
            allowed += AuthorityRules.Decide(AuthorityTable.Default, actors[i], Capabilities.ReviewDeclaration, subjects[i], index).IsAllowed ? 1 : 0;
        }
        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public async Task<int> Decide_StorePolicy()
    {
        int allowed = 0;
        for (int i = 0; i < Queries; i++)
        {
            allowed += (await policy.DecideAsync(actors[i], Capabilities.ReviewDeclaration, subjects[i], day)).IsAllowed ? 1 : 0;
        }
        return allowed;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    public async Task<int> Jurisdiction_ParentWalkThroughRepositories()
    {
        int allowed = 0;
        for (int i = 0; i < Queries; i++)
        {
            allowed += await organisation.IsWithinJurisdictionAsync(actors[i].Unit, subjects[i].Node!.Value, day) ? 1 : 0;
        }
        return allowed;
    }

    private static void AddAll<T>(IServiceProvider services, IEnumerable<T> items)
        where T : class, IAggregateRoot =>
        services.GetRequiredService<IRepository<T>>().AddRangeAsync(items).AsTask().GetAwaiter().GetResult();
}
