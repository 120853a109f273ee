using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Organisation.Queries;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Specifications;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace GridGovernance.Testing.Conformance;

/// <summary>
/// The behaviour every store behind <see cref="IRepository{T}"/>, <see cref="IReadRepository{T}"/> and
/// <see cref="IUnitOfWork"/> must have, as xunit tests to inherit (in the manner of Microsoft's
/// DependencyInjection specification tests). Derive a class in your test project, override
/// <see cref="AddStore"/> to register your store, and every test here runs against it: reads and writes
/// (CRUD), specifications (where, order, paging, count, any, first, single), optimistic concurrency,
/// all-or-nothing saves, idempotency keys, and as-of queries on history.
/// </summary>
/// <remarks>
/// xunit makes a new instance of the class for every test, and each instance builds its own service provider, so
/// <see cref="AddStore"/> must register a store that starts empty (e.g. a fresh database or schema per instance;
/// dispose of it in <see cref="Dispose(bool)"/>). Data comes from <see cref="CityGenerator"/> (one community,
/// <see cref="HierarchySchemas.Standard"/>) and <see cref="ScoringGenerator.Laiwu"/>.
/// </remarks>
/// <example>
/// <code>
/// public sealed class InMemoryStoreConformance : StoreConformanceTests
/// {
///     // AddGridGovernance's defaults: the in-memory store.
///     protected override void AddStore(IServiceCollection services) { }
/// }
/// </code>
/// </example>
public abstract partial class StoreConformanceTests : IDisposable
{
    /// <summary>Who the tests' organisation changes are made by: the system, which the default authority table allows everything here.</summary>
    private static readonly Actor Setup = Actor.System("conformance");

    private readonly GeneratedCity city = CityGenerator.Generate(CitySize.Community, seed: 7);
    private ServiceProvider? provider;
    private bool seeded;
    private bool initialised;

    /// <summary>Registers the store under test (repositories and unit of work), before <c>AddGridGovernance</c> adds what is missing.</summary>
    /// <param name="services">The services of one test.</param>
    protected abstract void AddStore(IServiceCollection services);

    /// <summary>
    /// Prepares the store once, before the first scope of a test: create the schema of a fresh database here
    /// (for example by applying migrations). Does nothing by default.
    /// </summary>
    /// <param name="services">The services of the test.</param>
    protected virtual Task InitialiseStoreAsync(IServiceProvider services) => Task.CompletedTask;

    /// <summary>The clock the services see: the city's import day at 10:00 in Shanghai.</summary>
    protected FakeClock Clock { get; } = new(Instant.FromUtc(2024, 3, 1, 2, 0));

    /// <summary>The generated community the tests import.</summary>
    protected GeneratedCity City => city;

    /// <summary>The services of this test, built on first use.</summary>
    protected IServiceProvider Services
    {
        get
        {
            if (provider is null)
            {
                var services = new ServiceCollection();
                services.AddSingleton<IClock>(Clock);
                AddStore(services);
                services.AddGridGovernance(o => o.Schema = city.Schema);
                provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            }
            return provider;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope (its own unit of work), as one request of an app would.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="work">The work.</param>
    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await EnsureInitialisedAsync().ConfigureAwait(false);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider).ConfigureAwait(false);
    }

    /// <summary>Imports the generated community once.</summary>
    protected async Task SeedAsync()
    {
        await EnsureInitialisedAsync().ConfigureAwait(false);
        if (!seeded)
        {
            await InScopeAsync(s => city.ImportAsync(s.GetRequiredService<OrganisationService>())).ConfigureAwait(false);
            seeded = true;
        }
    }

    private async Task EnsureInitialisedAsync()
    {
        if (!initialised)
        {
            await InitialiseStoreAsync(Services).ConfigureAwait(false);
            initialised = true;
        }
    }

    /// <summary>An added aggregate reads back equal from a new scope, with a version.</summary>
    [Fact]
    public async Task Add_ThenGetByIdFromANewScope_ReadsItBack()
    {
        await SeedAsync();
        var draft = city.Roster.Units[^1];

        var unit = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().GetByIdAsync(draft.Id));

        Assert.NotNull(unit);
        Assert.Equal(draft.Id, unit.Id);
        Assert.Equal(draft.Name, unit.Name);
        Assert.Equal(draft.Kind, unit.Kind);
        Assert.Equal(draft.ParentId, unit.ParentId);
        Assert.Equal(city.Date, unit.OpenedOn);
        Assert.True(unit.Version >= 1, $"A stored aggregate has a version of at least 1; got {unit.Version}.");
    }

    /// <summary>Every kind of aggregate the import wrote is there, in the numbers written.</summary>
    [Fact]
    public async Task Import_WritesEveryAggregate()
    {
        await SeedAsync();

        Assert.Equal(city.Roster.Units.Count, (await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync())).Count);
        Assert.Equal(city.Roster.Members.Count, (await InScopeAsync(s => s.GetRequiredService<IReadRepository<Member>>().ListAsync())).Count);
        Assert.Equal(city.Roster.Households.Count, (await InScopeAsync(s => s.GetRequiredService<IReadRepository<Household>>().ListAsync())).Count);
    }

    /// <summary>A missing id reads as null, not as an exception.</summary>
    [Fact]
    public async Task GetById_Missing_ReturnsNull()
    {
        await SeedAsync();

        Assert.Null(await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().GetByIdAsync(new OrgUnitId(int.MaxValue))));
    }

    /// <summary>An update is saved, raises the version by one, and keeps the history.</summary>
    [Fact]
    public async Task Update_IsSaved_RaisesTheVersion_AndKeepsHistory()
    {
        await SeedAsync();
        var draft = city.Roster.Units[^1];
        var before = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().GetByIdAsync(draft.Id));
        var renamedOn = city.Date.PlusDays(30);

        await InScopeAsync(s => s.GetRequiredService<OrganisationService>().RenameUnitAsync(Setup, draft.Id, "Renamed branch", renamedOn));
        var after = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().GetByIdAsync(draft.Id));

        Assert.NotNull(after);
        Assert.Equal("Renamed branch", after.Name);
        Assert.Equal(draft.Name, after.NameOn(renamedOn.PlusDays(-1)));
        Assert.Equal(before!.Version + 1, after.Version);
    }

    /// <summary>A deleted aggregate is gone for every later scope.</summary>
    [Fact]
    public async Task Delete_RemovesIt()
    {
        await SeedAsync();
        var id = city.Roster.Households[0].Id;

        await InScopeAsync(async s =>
        {
            var households = s.GetRequiredService<IRepository<Household>>();
            var household = await households.GetByIdAsync(id);
            await households.DeleteAsync(household!);
            return await households.SaveChangesAsync();
        });

        Assert.Null(await InScopeAsync(s => s.GetRequiredService<IReadRepository<Household>>().GetByIdAsync(id)));
        Assert.Equal(city.Roster.Households.Count - 1, (await InScopeAsync(s => s.GetRequiredService<IReadRepository<Household>>().ListAsync())).Count);
    }

    /// <summary>Where, order and paging give what the in-memory evaluator gives on the whole list.</summary>
    [Fact]
    public async Task Specifications_FilterOrderAndPage_AsTheInMemoryEvaluatorDoes()
    {
        await SeedAsync();
        var all = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync());
        var specifications = new ISpecification<OrgUnit>[]
        {
            new OpenUnitsOfKind(UnitKind.GridBranch),
            new OpenChildUnits(city.Roster.Units[1].Id),
            Specification.Create<OrgUnit>(q => q.Where(u => u.Kind == UnitKind.PartyGroup).OrderByDescending(u => u.Id.Value).Skip(2).Take(3)),
            Specification.Create<OrgUnit>(q => q.OrderBy(u => u.Kind).ThenBy(u => u.Id.Value).Skip(1).Take(4)),
            Specification.Create<OrgUnit>(q => q.Where(u => u.Id.Value < 0)),
        };

        foreach (var specification in specifications)
        {
            var expected = InMemorySpecificationEvaluator.Evaluate(all, specification).Select(u => u.Id).ToList();
            var listed = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(specification));
            Assert.Equal(expected, listed.Select(u => u.Id));
        }
    }

    /// <summary>Count, Any, First and Single agree with the list they stand for.</summary>
    [Fact]
    public async Task Specifications_CountAnyFirstAndSingle_AgreeWithTheList()
    {
        await SeedAsync();
        var branches = new OpenUnitsOfKind(UnitKind.GridBranch);
        var listed = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(branches));
        var none = Specification.Create<OrgUnit>(q => q.Where(u => u.Id.Value < 0));

        await InScopeAsync(async s =>
        {
            var units = s.GetRequiredService<IReadRepository<OrgUnit>>();
            Assert.Equal(listed.Count, await units.CountAsync(branches));
            Assert.True(await units.AnyAsync(branches));
            Assert.False(await units.AnyAsync(none));
            Assert.Equal(listed[0].Id, (await units.FirstOrDefaultAsync(branches))?.Id);
            Assert.Null(await units.FirstOrDefaultAsync(none));
            Assert.Equal(listed[0].Id, (await units.SingleOrDefaultAsync(new UnitById(listed[0].Id)))?.Id);
            Assert.Null(await units.SingleOrDefaultAsync(new UnitById(new OrgUnitId(int.MaxValue))));
            var streamed = new List<OrgUnitId>();
            await foreach (var unit in units.AsAsyncEnumerable(branches))
            {
                streamed.Add(unit.Id);
            }
            Assert.Equal(listed.Select(u => u.Id), streamed);
            return 0;
        });
    }

    /// <summary>Two writers of one aggregate: the second save fails with a <see cref="ConcurrencyException"/> and the first one's change stays.</summary>
    [Fact]
    public async Task ConcurrentUpdates_TheSecondSaveFails_AndTheFirstStays()
    {
        await SeedAsync();
        var id = city.Roster.Units[^1].Id;
        var on = city.Date.PlusDays(10);
        await using var first = Services.CreateAsyncScope();
        await using var second = Services.CreateAsyncScope();
        var firstUnits = first.ServiceProvider.GetRequiredService<IRepository<OrgUnit>>();
        var secondUnits = second.ServiceProvider.GetRequiredService<IRepository<OrgUnit>>();
        var mine = (await firstUnits.GetByIdAsync(id))!;
        var theirs = (await secondUnits.GetByIdAsync(id))!;

        mine.Rename("First writer", on);
        await firstUnits.UpdateAsync(mine);
        await firstUnits.SaveChangesAsync();
        theirs.Rename("Second writer", on);
        await secondUnits.UpdateAsync(theirs);

        await Assert.ThrowsAsync<ConcurrencyException>(() => secondUnits.SaveChangesAsync());
        var stored = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().GetByIdAsync(id));
        Assert.Equal("First writer", stored!.Name);
    }

    /// <summary>A save that fails on one change writes none of them, and leaves the unit of work empty.</summary>
    [Fact]
    public async Task AFailedSave_WritesNothing()
    {
        await SeedAsync();
        var unitId = city.Roster.Units[^1].Id;
        var householdId = city.Roster.Households[0].Id;
        var otherUnit = city.Roster.Households.First(h => h.UnitId != city.Roster.Households[0].UnitId).UnitId;
        var on = city.Date.PlusDays(10);

        await using (var scope = Services.CreateAsyncScope())
        {
            var units = scope.ServiceProvider.GetRequiredService<IRepository<OrgUnit>>();
            var households = scope.ServiceProvider.GetRequiredService<IRepository<Household>>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            var stale = (await households.GetByIdAsync(householdId))!;
            // Someone else changes the household in the meantime, so this scope's copy goes stale.
            await InScopeAsync(s => s.GetRequiredService<OrganisationService>().MoveHouseholdAsync(Setup, householdId, otherUnit, on));
            var unit = (await units.GetByIdAsync(unitId))!;
            unit.Rename("Must not be saved", on);
            await units.UpdateAsync(unit);
            stale.UpdateDetails(residents: 9, headName: "Must not be saved", phone: null);
            await households.UpdateAsync(stale);

            await Assert.ThrowsAsync<ConcurrencyException>(() => unitOfWork.SaveChangesAsync());
            Assert.False(unitOfWork.HasChanges, "A failed save discards what was staged.");
        }

        var stored = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().GetByIdAsync(unitId));
        Assert.Equal(city.Roster.Units[^1].Name, stored!.Name);
        var household = await InScopeAsync(s => s.GetRequiredService<IReadRepository<Household>>().GetByIdAsync(householdId));
        Assert.Equal(otherUnit, household!.UnitId);
        Assert.NotEqual("Must not be saved", household.HeadName);
    }

    /// <summary>The same idempotency key twice is one ledger entry, also when the two writes run at once.</summary>
    [Fact]
    public async Task IdempotencyKeys_TheSameKeyTwice_IsOneEntry()
    {
        await SeedAsync();
        var book = ScoringGenerator.Laiwu(2024);
        var request = new LedgerEntryRequest
        {
            Member = city.Roster.Members[0].Id,
            ItemCode = book.Items[0].Code,
            OccurredOn = city.Date,
            IdempotencyKey = "work-order:conformance-1",
        };
        var system = Actor.System("conformance");

        var first = await InScopeAsync(s => s.GetRequiredService<PointsLedgerService>().RecordAsync(system, book, LedgerSource.WorkOrder, request));
        var again = await InScopeAsync(s => s.GetRequiredService<PointsLedgerService>().RecordAsync(system, book, LedgerSource.WorkOrder, request));
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            InScopeAsync(s => s.GetRequiredService<PointsLedgerService>().RecordAsync(system, book, LedgerSource.WorkOrder, request with { IdempotencyKey = "work-order:conformance-2" }))));

        Assert.Equal(first.Id, again.Id);
        Assert.Single(racing.Select(e => e.Id).Distinct());
        var entries = await InScopeAsync(s => s.GetRequiredService<IReadRepository<LedgerEntry>>().ListAsync());
        Assert.Equal(2, entries.Count);
    }

    /// <summary>History survives the store: as-of reads and as-of specifications see the state of their date.</summary>
    [Fact]
    public async Task History_AsOfReadsAndQueries_SeeTheStateOfTheirDate()
    {
        await SeedAsync();
        var groups = city.Roster.Units.Where(u => u.Kind == UnitKind.PartyGroup).ToList();
        var moving = groups[0];
        var target = groups.First(g => g.ParentId != moving.ParentId).ParentId!.Value;
        var movedOn = city.Date.PlusDays(20);

        await InScopeAsync(s => s.GetRequiredService<OrganisationService>().MoveUnitAsync(Setup, moving.Id, target, movedOn));
        var unit = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().GetByIdAsync(moving.Id));
        var left = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(new UnitsThatLeftAfter(moving.ParentId!.Value, movedOn.PlusDays(-1))));
        var leftLater = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(new UnitsThatLeftAfter(moving.ParentId!.Value, movedOn)));

        Assert.True(unit!.TryGetParentOn(movedOn.PlusDays(-1), out var before));
        Assert.Equal(moving.ParentId, before);
        Assert.True(unit.TryGetParentOn(movedOn, out var after));
        Assert.Equal(target, after);
        Assert.Equal([moving.Id], left.Select(u => u.Id));
        Assert.Empty(leftLater);
    }

    /// <summary>A unit's kind history (改镇设街) survives the store: the latest kind, and the former one before its date.</summary>
    [Fact]
    public async Task KindHistory_SurvivesTheStore()
    {
        await SeedAsync();
        var street = city.Roster.Units.First(u => u.Kind == UnitKind.Street);
        var changedOn = city.Date.PlusDays(40);

        await InScopeAsync(s => s.GetRequiredService<OrganisationService>().ChangeUnitKindAsync(Setup, street.Id, UnitKind.Town, changedOn));
        var unit = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().GetByIdAsync(street.Id));

        Assert.Equal(UnitKind.Town, unit!.Kind);
        Assert.Equal(UnitKind.Street, unit.KindOn(changedOn.PlusDays(-1)));
        Assert.Equal(UnitKind.Town, unit.KindOn(changedOn));
        Assert.Equal(2, unit.Kinds.Segments.Length);
    }

    private sealed class UnitById : SingleResultSpecification<OrgUnit>
    {
        public UnitById(OrgUnitId id) => Query.Where(u => u.Id == id);
    }

    /// <summary>Disposes of the services (and with them the store registered by <see cref="AddStore"/>).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes of the services; override to drop a database made for the test.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            provider?.Dispose();
        }
    }
}
