using GridGovernance.Persistence;
using GridGovernance.Specifications;

namespace GridGovernance.Tests.Persistence;

public partial class InMemoryRepositoryTest
{
    private readonly InMemoryStore store = new();

    [Fact]
    public async Task GetByIdAsync_Stored_ReturnsIt()
    {
        await SeedAsync(new Counter(1, "gate", 5), new Counter(2, "hall", 7));

        var loaded = await NewRepository().GetByIdAsync(new CounterId(2));

        Assert.NotNull(loaded);
        Assert.Equal("hall", loaded.Label);
        Assert.Equal(7, loaded.Value);
        Assert.Equal(1, loaded.Version);
    }

    [Fact]
    public async Task GetByIdAsync_Missing_ReturnsNull()
    {
        await SeedAsync(new Counter(1, "gate"));

        Assert.Null(await NewRepository().GetByIdAsync(new CounterId(9)));
    }

    [Fact]
    public async Task ListAsync_NoSpecification_ReturnsEveryAggregate()
    {
        await SeedAsync(new Counter(1, "a"), new Counter(2, "b"), new Counter(3, "c"));

        var all = await NewRepository().ListAsync();

        Assert.Equal([1, 2, 3], all.Select(c => c.Id.Value).Order());
    }

    [Fact]
    public async Task ListAsync_EmptyStore_ReturnsEmpty()
    {
        Assert.Empty(await NewRepository().ListAsync());
        Assert.Empty(await NewRepository().ListAsync(Specification.All<Counter>()));
    }

    [Fact]
    public async Task ListAsync_Specification_FiltersOrdersAndPages()
    {
        await SeedAsync(
            new Counter(1, "a", 10), new Counter(2, "b", 50), new Counter(3, "c", 30),
            new Counter(4, "d", 40), new Counter(5, "e", 20), new Counter(6, "f", 60));
        var spec = Specification.Create<Counter>(q => q.Where(c => c.Value >= 20).OrderByDescending(c => c.Value).Skip(1).Take(3));

        var page = await NewRepository().ListAsync(spec);

        Assert.Equal(["b", "d", "c"], page.Select(c => c.Label));
    }

    [Fact]
    public async Task CountAsync_IgnoresPaging()
    {
        await SeedAsync(new Counter(1, "a", 1), new Counter(2, "b", 2), new Counter(3, "c", 3), new Counter(4, "d", 4));
        var spec = Specification.Create<Counter>(q => q.Where(c => c.Value > 1).Skip(1).Take(1));

        Assert.Equal(3, await NewRepository().CountAsync(spec));
    }

    [Fact]
    public async Task AnyAsync_Matches_True()
    {
        await SeedAsync(new Counter(1, "a", 1), new Counter(2, "b", 2));

        Assert.True(await NewRepository().AnyAsync(Specification.Create<Counter>(q => q.Where(c => c.Value == 2))));
    }

    [Fact]
    public async Task AnyAsync_NoMatch_False()
    {
        await SeedAsync(new Counter(1, "a", 1), new Counter(2, "b", 2));

        Assert.False(await NewRepository().AnyAsync(Specification.Create<Counter>(q => q.Where(c => c.Value == 3))));
    }

    [Fact]
    public async Task AnyAsync_IgnoresPaging()
    {
        await SeedAsync(new Counter(1, "a", 1));

        Assert.True(await NewRepository().AnyAsync(Specification.Create<Counter>(q => q.Skip(5).Take(0))));
    }

    [Fact]
    public async Task FirstOrDefaultAsync_ReturnsFirstInSpecificationOrder()
    {
        await SeedAsync(new Counter(1, "a", 30), new Counter(2, "b", 10), new Counter(3, "c", 20));

        var first = await NewRepository().FirstOrDefaultAsync(Specification.Create<Counter>(q => q.OrderBy(c => c.Value)));

        Assert.NotNull(first);
        Assert.Equal("b", first.Label);
    }

    [Fact]
    public async Task FirstOrDefaultAsync_NoMatch_ReturnsNull()
    {
        await SeedAsync(new Counter(1, "a", 30));

        Assert.Null(await NewRepository().FirstOrDefaultAsync(Specification.Create<Counter>(q => q.Where(c => c.Value < 0))));
    }

    [Fact]
    public async Task SingleOrDefaultAsync_OneMatch_ReturnsIt()
    {
        await SeedAsync(new Counter(1, "a"), new Counter(2, "b"));

        var single = await NewRepository().SingleOrDefaultAsync(new CounterLabelled("b"));

        Assert.NotNull(single);
        Assert.Equal(2, single.Id.Value);
    }

    [Fact]
    public async Task SingleOrDefaultAsync_NoMatch_ReturnsNull()
    {
        await SeedAsync(new Counter(1, "a"));

        Assert.Null(await NewRepository().SingleOrDefaultAsync(new CounterLabelled("z")));
    }

    [Fact]
    public async Task SingleOrDefaultAsync_TwoMatches_ThrowsNotSingle()
    {
        await SeedAsync(new Counter(1, "twin"), new Counter(2, "twin"), new Counter(3, "other"));

        var ex = await Assert.ThrowsAsync<GridGovernanceException>(() => NewRepository().SingleOrDefaultAsync(new CounterLabelled("twin")));

        Assert.Equal(ErrorCodes.SpecificationNotSingle, ex.Code);
    }

    [Fact]
    public async Task Reads_ReturnCopies_MutatingOneChangesNothingStored()
    {
        await SeedAsync(new Counter(1, "gate", 5));
        var repository = NewRepository();

        var loaded = await repository.GetByIdAsync(new CounterId(1));
        loaded!.Increment(10);
        loaded.Relabel("changed");
        var listed = Assert.Single(await repository.ListAsync());
        listed.Set(99);
        var firstFound = await repository.FirstOrDefaultAsync(Specification.All<Counter>());
        firstFound!.Set(42);

        var reloaded = await NewRepository().GetByIdAsync(new CounterId(1));
        Assert.Equal(5, reloaded!.Value);
        Assert.Equal("gate", reloaded.Label);
        Assert.Empty(reloaded.History);
        Assert.NotSame(loaded, reloaded);
    }

    [Fact]
    public async Task Reads_EachCallReturnsANewInstance()
    {
        await SeedAsync(new Counter(1, "gate"));
        var repository = NewRepository();

        var first = await repository.GetByIdAsync(new CounterId(1));
        var second = await repository.GetByIdAsync(new CounterId(1));

        Assert.NotSame(first, second);
    }

    [Fact]
    public async Task Reads_CopiesCarryNoDomainEvents()
    {
        var counter = new Counter(1, "gate");
        counter.Increment();
        await SeedAsync(counter);

        var loaded = await NewRepository().GetByIdAsync(new CounterId(1));

        Assert.Single(counter.DomainEvents);
        Assert.Empty(loaded!.DomainEvents);
        Assert.Equal(1, loaded.Value);
    }

    [Fact]
    public async Task AsAsyncEnumerable_HonoursSpecification()
    {
        await SeedAsync(new Counter(1, "a", 3), new Counter(2, "b", 1), new Counter(3, "c", 2), new Counter(4, "d", 4));
        var spec = Specification.Create<Counter>(q => q.Where(c => c.Value != 4).OrderBy(c => c.Value).Take(2));

        var labels = new List<string>();
        await foreach (var counter in NewRepository().AsAsyncEnumerable(spec))
        {
            labels.Add(counter.Label);
        }

        Assert.Equal(["b", "c"], labels);
    }

    [Fact]
    public async Task AsAsyncEnumerable_YieldsCopies()
    {
        await SeedAsync(new Counter(1, "a", 3));

        await foreach (var counter in NewRepository().AsAsyncEnumerable(Specification.All<Counter>()))
        {
            counter.Set(100);
        }

        Assert.Equal(3, (await NewRepository().GetByIdAsync(new CounterId(1)))!.Value);
    }

    [Fact]
    public async Task AsAsyncEnumerable_CancelledMidway_Throws()
    {
        await SeedAsync(new Counter(1, "a", 1), new Counter(2, "b", 2), new Counter(3, "c", 3));
        using var cancellation = new CancellationTokenSource();
        var seen = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var counter in NewRepository().AsAsyncEnumerable(Specification.Create<Counter>(q => q.OrderBy(c => c.Value)), cancellation.Token))
            {
                seen.Add(counter.Value);
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal([1], seen);
    }

    [Fact]
    public async Task AsAsyncEnumerable_CancelledThroughWithCancellation_Throws()
    {
        await SeedAsync(new Counter(1, "a", 1), new Counter(2, "b", 2));
        using var cancellation = new CancellationTokenSource();
        var seen = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var counter in NewRepository().AsAsyncEnumerable(Specification.All<Counter>()).WithCancellation(cancellation.Token))
            {
                seen.Add(counter.Value);
                await cancellation.CancelAsync();
            }
        });

        Assert.Single(seen);
    }

    [Fact]
    public async Task AsAsyncEnumerable_AlreadyCancelled_YieldsNothing()
    {
        await SeedAsync(new Counter(1, "a"));
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in NewRepository().AsAsyncEnumerable(Specification.All<Counter>(), new CancellationToken(canceled: true)))
            {
                seen++;
            }
        });

        Assert.Equal(0, seen);
    }

    [Fact]
    public async Task Reads_CancelledToken_Throw()
    {
        await SeedAsync(new Counter(1, "a"));
        var repository = NewRepository();
        var cancelled = new CancellationToken(canceled: true);
        var all = Specification.All<Counter>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repository.GetByIdAsync(new CounterId(1), cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repository.ListAsync(cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repository.ListAsync(all, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repository.CountAsync(all, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repository.AnyAsync(all, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repository.FirstOrDefaultAsync(all, cancelled));
    }

    [Fact]
    public async Task Reads_NullSpecification_ThrowArgumentNull()
    {
        var repository = NewRepository();

        await Assert.ThrowsAsync<ArgumentNullException>(() => repository.ListAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => repository.CountAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => repository.AnyAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => repository.FirstOrDefaultAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => repository.SingleOrDefaultAsync(null!));
    }

    [Fact]
    public void Constructor_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new InMemoryRepository<Counter>(null!, new InMemoryUnitOfWork(store)));
        Assert.Throws<ArgumentNullException>(() => new InMemoryRepository<Counter>(store, null!));
        Assert.Throws<ArgumentNullException>(() => new InMemoryUnitOfWork(null!));
    }

    private InMemoryRepository<Counter> NewRepository() => NewRepository(new InMemoryUnitOfWork(store));

    private InMemoryRepository<Counter> NewRepository(InMemoryUnitOfWork unitOfWork) => new(store, unitOfWork);

    private async Task SeedAsync(params Counter[] counters)
    {
        var repository = NewRepository();
        await repository.AddRangeAsync(counters);
        Assert.Equal(counters.Length, await repository.SaveChangesAsync());
    }

    private sealed class CounterLabelled : SingleResultSpecification<Counter>
    {
        public CounterLabelled(string label)
        {
            Query.Where(c => c.Label == label);
        }
    }
}
