using GridGovernance.Persistence;
using GridGovernance.Scoring.Rewards;
using GridGovernance.Specifications;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>Behaviour of the EF Core store beyond the conformance suite, on each database (a subclass per database).</summary>
public abstract class EfStoreTests : IAsyncLifetime
{
    private readonly TestDatabase database;
    private ServiceProvider? services;

    protected EfStoreTests(TestDatabase database)
    {
        this.database = database;
    }

    public async Task InitializeAsync()
    {
        services = Build(database.AddStore);
        await GridGovernanceDatabase.MigrateAsync(services);
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
        database.Dispose();
    }

    [Fact]
    public async Task AFailureInTheMiddleOfASave_LeavesNothingWritten()
    {
        await SaveAsync(new RewardItem(new RewardItemId(1), "umbrella", Points.From(10), stock: 5), new RewardItem(new RewardItemId(2), "towel", Points.From(4), stock: 5));

        await using (var scope = services!.CreateAsyncScope())
        {
            var items = scope.ServiceProvider.GetRequiredService<IRepository<RewardItem>>();
            var first = (await items.GetByIdAsync(new RewardItemId(1)))!;
            first.AddStock(7);
            await items.AddAsync(new RewardItem(new RewardItemId(3), "kettle", Points.From(30), stock: 1));   // written first
            await items.UpdateAsync(first);                                                                  // written second
            await items.AddAsync(new RewardItem(new RewardItemId(2), "towel again", Points.From(4), stock: 1)); // fails: id 2 is taken
            await items.AddAsync(new RewardItem(new RewardItemId(4), "mat", Points.From(2), stock: 1));

            var error = await Assert.ThrowsAsync<GridGovernanceException>(() => items.SaveChangesAsync());

            Assert.Equal(ErrorCodes.DuplicateKey, error.Code);
            Assert.Contains("2", error.Message, StringComparison.Ordinal);
            Assert.False(scope.ServiceProvider.GetRequiredService<IUnitOfWork>().HasChanges);
            Assert.Equal(1, first.Version);
        }

        var stored = await ListAsync(Specification.All<RewardItem>());
        Assert.Equal([1, 2], stored.Select(i => i.Id.Value));
        Assert.Equal(5, stored[0].Stock);
        Assert.Equal(1, stored[0].Version);
        Assert.Equal("towel", stored[1].Name);
    }

    [Fact]
    public async Task ASpecificationOnAPathWithoutAColumn_IsRefused_NamingThePathAndTheFix()
    {
        await SaveAsync(new RewardItem(new RewardItemId(1), "umbrella", Points.From(10), stock: 5));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => ListAsync(Specification.Create<RewardItem>(q => q.Where(i => i.Stock > 3))));

        Assert.Contains("RewardItem.Stock", error.Message, StringComparison.Ordinal);
        Assert.Contains("m.Column(x => x.Stock)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AColumnAddedInTheOptions_FiltersAndOrdersInTheDatabase_AsInMemory()
    {
        // A model with columns of the integrator's own: its schema comes from EnsureCreated, not the package's migrations.
        using var other = database.Fresh();
        await using var custom = Build(s => s.AddGridGovernanceEntityFrameworkCore(o => other.Use(o)
            .Map<RewardItem>(m => m.Column(i => i.Stock).Column(i => i.Name))));
        Assert.True(await GridGovernanceDatabase.EnsureCreatedAsync(custom));
        var all = Enumerable.Range(1, 12).Select(i => new RewardItem(new RewardItemId(i), $"item {i % 5}", Points.From(i), stock: (i * 7) % 10)).ToArray();
        await using (var scope = custom.CreateAsyncScope())
        {
            var items = scope.ServiceProvider.GetRequiredService<IRepository<RewardItem>>();
            await items.AddRangeAsync(all);
            await items.SaveChangesAsync();
        }
        var specification = Specification.Create<RewardItem>(q => q.Where(i => i.Stock > 3 && i.Name != "item 0").OrderByDescending(i => i.Name).ThenBy(i => i.Id.Value).Skip(1).Take(4));

        await using var read = custom.CreateAsyncScope();
        var stored = await read.ServiceProvider.GetRequiredService<IReadRepository<RewardItem>>().ListAsync(specification);

        Assert.Equal(InMemorySpecificationEvaluator.Evaluate(all, specification).Select(i => i.Id), stored.Select(i => i.Id));
        Assert.NotEmpty(stored);
    }

    [Fact]
    public async Task AnAggregateTheModelDoesNotMap_IsRefusedWhenStaged()
    {
        await using var scope = services!.CreateAsyncScope();

        var error = Assert.Throws<NotSupportedException>(() => scope.ServiceProvider.GetRequiredService<IRepository<Unmapped>>());

        Assert.Contains("Unmapped", error.Message, StringComparison.Ordinal);
        Assert.Contains("options.Map<Unmapped>", error.Message, StringComparison.Ordinal);
    }

    public sealed class Unmapped(RewardItemId id) : AggregateRoot<RewardItemId>(id);

    [Fact]
    public async Task AnArrayOfIds_Contains_IsTranslated_AsCSharp14BindsIt()
    {
        // C# 14 binds Contains on an array to MemoryExtensions.Contains over a span; the store must still translate it.
        await SaveAsync(new RewardItem(new RewardItemId(1), "umbrella", Points.From(10), stock: 5), new RewardItem(new RewardItemId(2), "towel", Points.From(4), stock: 5),
            new RewardItem(new RewardItemId(3), "cup", Points.From(2), stock: 5));
        RewardItemId[] ids = [new RewardItemId(1), new RewardItemId(3)];
        var found = await ListAsync(Specification.Create<RewardItem>(s => s.Where(r => ids.Contains(r.Id))));
        Assert.Equal([1, 3], found.Select(r => r.Id.Value).Order());
    }

    private static ServiceProvider Build(Action<IServiceCollection> store)
    {
        var collection = new ServiceCollection();
        store(collection);
        collection.AddGridGovernance();
        return collection.BuildServiceProvider();
    }

    private async Task SaveAsync(params RewardItem[] items)
    {
        await using var scope = services!.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IRepository<RewardItem>>();
        await repository.AddRangeAsync(items);
        await repository.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<RewardItem>> ListAsync(ISpecification<RewardItem> specification)
    {
        await using var scope = services!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IReadRepository<RewardItem>>().ListAsync(specification);
    }
}

public sealed class SqliteStoreTests() : EfStoreTests(TestDatabase.Sqlite());

[RequiresPostgres]
public sealed class PostgresStoreTests() : EfStoreTests(TestDatabase.Postgres());
