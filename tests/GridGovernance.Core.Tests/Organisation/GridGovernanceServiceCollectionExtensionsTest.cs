using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Specifications;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.Organisation;

public class GridGovernanceServiceCollectionExtensionsTest
{
    [Fact]
    public void AddGridGovernance_ResolvesOrganisationServiceWithDefaults()
    {
        var services = new ServiceCollection();

        var returned = services.AddGridGovernance();

        Assert.Same(services, returned);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        Assert.Same(HierarchySchemas.Standard, service.Schema);
        Assert.Same(HierarchySchemas.Standard, scope.ServiceProvider.GetRequiredService<OrganisationQueries>().Schema);
        var options = provider.GetRequiredService<GridGovernanceOptions>();
        Assert.Equal("Asia/Shanghai", options.TimeZone.Id);
        Assert.Equal(new GridHouseholdBand(200, 300), options.GridHouseholdBand);
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        Assert.IsType<InMemoryRepository<OrgUnit>>(scope.ServiceProvider.GetRequiredService<IRepository<OrgUnit>>());
        Assert.IsType<InMemoryRepository<Member>>(scope.ServiceProvider.GetRequiredService<IReadRepository<Member>>());
        Assert.Same(scope.ServiceProvider.GetRequiredService<InMemoryUnitOfWork>(), scope.ServiceProvider.GetRequiredService<IUnitOfWork>());
    }

    [Fact]
    public void AddGridGovernance_Configure_AppliesOptions()
    {
        var services = new ServiceCollection();

        services.AddGridGovernance(o =>
        {
            o.Schema = HierarchySchemas.Huainan;
            o.GridHouseholdBand = new GridHouseholdBand(100, 500);
            o.TimeZone = DateTimeZone.Utc;
        });

        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        Assert.Same(HierarchySchemas.Huainan, scope.ServiceProvider.GetRequiredService<OrganisationService>().Schema);
        Assert.Equal(new GridHouseholdBand(100, 500), provider.GetRequiredService<GridGovernanceOptions>().GridHouseholdBand);
    }

    [Fact]
    public void AddGridGovernance_InvalidOptions_ListsEveryProblemAndRegistersNothing()
    {
        var services = new ServiceCollection();

        var exception = Assert.Throws<GridGovernanceValidationException>(() => services.AddGridGovernance(o =>
        {
            o.Schema = null!;
            o.TimeZone = null!;
            o.GridHouseholdBand = new GridHouseholdBand(-1, -5);
        }));

        Assert.Equal(ErrorCodes.ValidationFailed, exception.Code);
        Assert.Equal(
            [("TimeZone", ErrorCodes.InvalidValue), ("Schema", ErrorCodes.InvalidValue), ("GridHouseholdBand.Min", ErrorCodes.InvalidValue), ("GridHouseholdBand.Max", ErrorCodes.InvalidValue)],
            exception.Problems.Select(p => (p.Field, p.Rule)));
        Assert.Empty(services);
    }

    [Fact]
    public void AddGridGovernance_MaxBelowMin_ThrowsWithThatProblem()
    {
        var exception = Assert.Throws<GridGovernanceValidationException>(() =>
            new ServiceCollection().AddGridGovernance(o => o.GridHouseholdBand = new GridHouseholdBand(300, 200)));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("GridHouseholdBand.Max", problem.Field);
        Assert.Equal(ErrorCodes.InvalidValue, exception.Code);
    }

    [Fact]
    public void AddGridGovernance_NullSchema_ThrowsWithThatProblem()
    {
        var exception = Assert.Throws<GridGovernanceValidationException>(() => new ServiceCollection().AddGridGovernance(o => o.Schema = null!));

        Assert.Equal("Schema", Assert.Single(exception.Problems).Field);
    }

    [Fact]
    public void AddGridGovernance_InvalidSecondCall_KeepsEarlierOptions()
    {
        var services = new ServiceCollection().AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu);

        Assert.Throws<GridGovernanceValidationException>(() => services.AddGridGovernance(o =>
        {
            o.Schema = HierarchySchemas.Shantou;
            o.GridHouseholdBand = new GridHouseholdBand(5, 1);
        }));

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<GridGovernanceOptions>();
        Assert.Same(HierarchySchemas.Laiwu, options.Schema);
        Assert.Equal(new GridHouseholdBand(200, 300), options.GridHouseholdBand);
    }

    [Fact]
    public void AddGridGovernance_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => GridGovernanceServiceCollectionExtensions.AddGridGovernance(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddGridGovernance((Action<GridGovernanceOptions>)null!));
    }

    [Fact]
    public void AddGridGovernance_Twice_RegistersOnceAndAppliesLaterConfigure()
    {
        var services = new ServiceCollection();

        services.AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu);
        int count = services.Count;
        services.AddGridGovernance(o => o.GridHouseholdBand = new GridHouseholdBand(10, 20));

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(OrganisationService));
        Assert.Single(services, d => d.ServiceType == typeof(OrganisationQueries));
        Assert.Single(services, d => d.ServiceType == typeof(GridGovernanceOptions));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<GridGovernanceOptions>();
        Assert.Same(HierarchySchemas.Laiwu, options.Schema);
        Assert.Equal(new GridHouseholdBand(10, 20), options.GridHouseholdBand);
    }

    [Fact]
    public void AddGridGovernance_ClockAndStoreRegisteredFirst_Win()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 1, 0, 0));
        var store = new InMemoryStore();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton(store);

        services.AddGridGovernance();

        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Same(store, provider.GetRequiredService<InMemoryStore>());
    }

    [Fact]
    public async Task AddGridGovernance_RepositoryRegisteredFirst_Wins()
    {
        var services = new ServiceCollection();
        services.AddScoped(typeof(IRepository<>), typeof(CountingRepository<>));
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<InMemoryUnitOfWork>());

        services.AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu);

        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var repository = Assert.IsType<CountingRepository<OrgUnit>>(scope.ServiceProvider.GetRequiredService<IRepository<OrgUnit>>());
        Assert.IsType<CountingRepository<Member>>(scope.ServiceProvider.GetRequiredService<IReadRepository<Member>>());
        var service = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        await service.AddUnitAsync(TestActors.System, new UnitDraft(new OrgUnitId(1), UnitKind.District, "莱芜区", null), new LocalDate(2024, 1, 1));
        Assert.True(repository.Writes > 0);
        Assert.Equal(1, provider.GetRequiredService<InMemoryStore>().Count<OrgUnit>());
    }

    [Fact]
    public void AddGridGovernance_RepositoryWithoutUnitOfWork_Throws()
    {
        var services = new ServiceCollection();
        services.AddScoped(typeof(IRepository<>), typeof(CountingRepository<>));

        Assert.Throws<InvalidOperationException>(() => services.AddGridGovernance());
    }

    [Fact]
    public void GridGovernanceOptions_Validate_DefaultsAreValid()
    {
        Assert.Empty(new GridGovernanceOptions().Validate());
    }

    /// <summary>An integrator's repository: the in-memory one, counting the writes that go through it.</summary>
    private sealed class CountingRepository<T>(InMemoryStore store, InMemoryUnitOfWork unitOfWork) : IRepository<T>
        where T : class, IAggregateRoot
    {
        private readonly InMemoryRepository<T> inner = new(store, unitOfWork);

        public int Writes { get; private set; }

        public ValueTask AddAsync(T aggregate, CancellationToken cancellationToken = default)
        {
            Writes++;
            return inner.AddAsync(aggregate, cancellationToken);
        }

        public ValueTask AddRangeAsync(IEnumerable<T> aggregates, CancellationToken cancellationToken = default)
        {
            Writes++;
            return inner.AddRangeAsync(aggregates, cancellationToken);
        }

        public ValueTask UpdateAsync(T aggregate, CancellationToken cancellationToken = default)
        {
            Writes++;
            return inner.UpdateAsync(aggregate, cancellationToken);
        }

        public ValueTask DeleteAsync(T aggregate, CancellationToken cancellationToken = default)
        {
            Writes++;
            return inner.DeleteAsync(aggregate, cancellationToken);
        }

        public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => inner.SaveChangesAsync(cancellationToken);

        public Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
            where TId : notnull => inner.GetByIdAsync(id, cancellationToken);

        public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
            inner.FirstOrDefaultAsync(specification, cancellationToken);

        public Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default) =>
            inner.SingleOrDefaultAsync(specification, cancellationToken);

        public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

        public Task<IReadOnlyList<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
            inner.ListAsync(specification, cancellationToken);

        public Task<IReadOnlyList<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
            inner.ListAsync(specification, cancellationToken);

        public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
            inner.CountAsync(specification, cancellationToken);

        public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
            inner.AnyAsync(specification, cancellationToken);

        public IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
            inner.AsAsyncEnumerable(specification, cancellationToken);
    }
}
