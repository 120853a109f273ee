using GridGovernance.Persistence;

namespace GridGovernance.Tests.Persistence;

public partial class InMemoryRepositoryTest
{
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(32)]
    public async Task Save_ParallelUpdatesOfOneVersion_ExactlyOneWins(int writers)
    {
        await SeedAsync(new Counter(1, "contested", 0));
        // Every writer loads before any saves, so all of them hold version 1 when the race starts.
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int ready = 0;

        var tasks = Enumerable.Range(1, writers).Select(writer => Task.Run(async () =>
        {
            var repository = new InMemoryRepository<Counter>(store, new InMemoryUnitOfWork(store));
            var counter = await repository.GetByIdAsync(new CounterId(1));
            if (Interlocked.Increment(ref ready) == writers)
            {
                loaded.SetResult();
            }
            await start.Task;
            counter!.Set(writer);
            await repository.UpdateAsync(counter);
            try
            {
                await repository.SaveChangesAsync();
                return (Writer: writer, Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Writer: writer, Error: ex);
            }
        })).ToArray();
        await loaded.Task;
        start.SetResult();
        var outcomes = await Task.WhenAll(tasks);

        var winner = Assert.Single(outcomes, o => o.Error is null);
        Assert.All(outcomes.Where(o => o.Error is not null), o =>
        {
            var conflict = Assert.IsType<ConcurrencyException>(o.Error);
            Assert.Equal(1, conflict.ExpectedVersion);
            Assert.Equal(2, conflict.ActualVersion);
        });
        var stored = await NewRepository().GetByIdAsync(new CounterId(1));
        Assert.Equal(2, stored!.Version);
        Assert.Equal(winner.Writer, stored.Value);
    }

    [Fact]
    public async Task Save_ParallelAddsOfDistinctIds_AllStored()
    {
        const int writers = 64;

        await Task.WhenAll(Enumerable.Range(1, writers).Select(id => Task.Run(async () =>
        {
            var repository = new InMemoryRepository<Counter>(store, new InMemoryUnitOfWork(store));
            await repository.AddAsync(new Counter(id, "c" + id, id));
            await repository.SaveChangesAsync();
        })));

        var all = await NewRepository().ListAsync();
        Assert.Equal(Enumerable.Range(1, writers), all.Select(c => c.Value).Order());
    }

    [Fact]
    public async Task Save_ParallelAddsOfOneId_ExactlyOneWins()
    {
        const int writers = 16;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var tasks = Enumerable.Range(1, writers).Select(writer => Task.Run(async () =>
        {
            var repository = new InMemoryRepository<Counter>(store, new InMemoryUnitOfWork(store));
            await repository.AddAsync(new Counter(1, "c", writer));
            await start.Task;
            try
            {
                await repository.SaveChangesAsync();
                return null;
            }
            catch (GridGovernanceException ex)
            {
                return ex.Code;
            }
        })).ToArray();
        start.SetResult();
        var codes = await Task.WhenAll(tasks);

        Assert.Single(codes, c => c is null);
        Assert.Equal(writers - 1, codes.Count(c => c == ErrorCodes.DuplicateKey));
        Assert.Equal(1, store.Count<Counter>());
    }

    [Fact]
    public async Task Save_ParallelIncrementsWithRetry_NoUpdateIsLost()
    {
        const int writers = 16;
        await SeedAsync(new Counter(1, "shared", 0));

        await Task.WhenAll(Enumerable.Range(1, writers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var repository = new InMemoryRepository<Counter>(store, new InMemoryUnitOfWork(store));
                var counter = await repository.GetByIdAsync(new CounterId(1));
                counter!.Increment();
                await repository.UpdateAsync(counter);
                try
                {
                    await repository.SaveChangesAsync();
                    return;
                }
                catch (ConcurrencyException)
                {
                    // Someone else saved first: reload and try again, as the storage contract asks.
                }
            }
        })));

        var stored = await NewRepository().GetByIdAsync(new CounterId(1));
        Assert.Equal(writers, stored!.Value);
        Assert.Equal(writers + 1, stored.Version);
    }
}
