using GridGovernance.Persistence;

namespace GridGovernance.Tests.Persistence;

public partial class InMemoryRepositoryTest
{
    [Fact]
    public async Task Add_ThenSave_StoresAtVersionOne()
    {
        var repository = NewRepository();
        var counter = new Counter(1, "gate", 5);

        await repository.AddAsync(counter);
        int written = await repository.SaveChangesAsync();

        Assert.Equal(1, written);
        Assert.Equal(1, counter.Version);
        Assert.Equal(1, store.Count<Counter>());
        var loaded = await NewRepository().GetByIdAsync(new CounterId(1));
        Assert.Equal(1, loaded!.Version);
        Assert.Equal(5, loaded.Value);
    }

    [Fact]
    public async Task Add_WithoutSave_StoresNothing()
    {
        var unitOfWork = new InMemoryUnitOfWork(store);
        var repository = NewRepository(unitOfWork);
        var counter = new Counter(1, "gate");

        await repository.AddAsync(counter);

        Assert.True(unitOfWork.HasChanges);
        Assert.Equal(0, store.Count<Counter>());
        Assert.Null(await repository.GetByIdAsync(new CounterId(1)));
        Assert.Equal(0, counter.Version);
    }

    [Fact]
    public async Task Add_StoresACopy_LaterChangesToTheInstanceAreNotStored()
    {
        var repository = NewRepository();
        var counter = new Counter(1, "gate", 5);
        await repository.AddAsync(counter);
        await repository.SaveChangesAsync();

        counter.Set(50);

        Assert.Equal(5, (await NewRepository().GetByIdAsync(new CounterId(1)))!.Value);
    }

    [Fact]
    public async Task AddRange_StagesEveryAggregate()
    {
        var repository = NewRepository();

        await repository.AddRangeAsync([new Counter(1, "a"), new Counter(2, "b"), new Counter(3, "c")]);

        Assert.Equal(3, await repository.SaveChangesAsync());
        Assert.Equal(3, store.Count<Counter>());
    }

    [Fact]
    public async Task Add_DuplicateKey_Throws()
    {
        await SeedAsync(new Counter(1, "original", 5));
        var repository = NewRepository();

        await repository.AddAsync(new Counter(1, "impostor", 6));
        var ex = await Assert.ThrowsAsync<GridGovernanceException>(() => repository.SaveChangesAsync());

        Assert.Equal(ErrorCodes.DuplicateKey, ex.Code);
        var stored = await NewRepository().GetByIdAsync(new CounterId(1));
        Assert.Equal("original", stored!.Label);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Add_DuplicateKeyWithOtherAdds_WritesNothing()
    {
        await SeedAsync(new Counter(1, "original"));
        var repository = NewRepository();

        await repository.AddRangeAsync([new Counter(2, "new"), new Counter(1, "impostor"), new Counter(3, "new")]);
        await Assert.ThrowsAsync<GridGovernanceException>(() => repository.SaveChangesAsync());

        Assert.Equal(1, store.Count<Counter>());
    }

    [Fact]
    public async Task Add_LoadedAggregate_IsRefused()
    {
        await SeedAsync(new Counter(1, "gate"));
        var repository = NewRepository();
        var loaded = await repository.GetByIdAsync(new CounterId(1));

        await Assert.ThrowsAsync<GridGovernanceValidationException>(async () => await repository.AddAsync(loaded!));
    }

    [Fact]
    public async Task Add_Null_ThrowsArgumentNull()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await NewRepository().AddAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await NewRepository().AddRangeAsync(null!));
    }

    [Fact]
    public async Task Save_VersionGoesUpByOnePerSave()
    {
        var repository = NewRepository();
        var counter = new Counter(1, "gate");
        Assert.Equal(0, counter.Version);

        await repository.AddAsync(counter);
        await repository.SaveChangesAsync();
        Assert.Equal(1, counter.Version);

        counter.Increment();
        await repository.UpdateAsync(counter);
        await repository.SaveChangesAsync();
        Assert.Equal(2, counter.Version);

        var loaded = await NewRepository().GetByIdAsync(new CounterId(1));
        Assert.Equal(2, loaded!.Version);
        Assert.Equal(1, loaded.Value);
    }

    [Fact]
    public async Task Update_ThenSave_WritesTheNewState()
    {
        await SeedAsync(new Counter(1, "gate", 5));
        var repository = NewRepository();
        var loaded = await repository.GetByIdAsync(new CounterId(1));

        loaded!.Increment(3);
        loaded.Relabel("main gate");
        await repository.UpdateAsync(loaded);
        Assert.Equal(1, await repository.SaveChangesAsync());

        var reloaded = await NewRepository().GetByIdAsync(new CounterId(1));
        Assert.Equal(8, reloaded!.Value);
        Assert.Equal("main gate", reloaded.Label);
        Assert.Equal([5], reloaded.History.ToArray());
    }

    [Fact]
    public async Task Update_WithoutSave_StoresNothing()
    {
        await SeedAsync(new Counter(1, "gate", 5));
        var repository = NewRepository();
        var loaded = await repository.GetByIdAsync(new CounterId(1));

        loaded!.Increment();
        await repository.UpdateAsync(loaded);

        Assert.Equal(5, (await NewRepository().GetByIdAsync(new CounterId(1)))!.Value);
    }

    [Fact]
    public async Task Save_StaleVersion_Throws()
    {
        await SeedAsync(new Counter(1, "gate", 5));
        var first = NewRepository();
        var second = NewRepository();
        var mine = await first.GetByIdAsync(new CounterId(1));
        var theirs = await second.GetByIdAsync(new CounterId(1));
        theirs!.Set(100);
        await second.UpdateAsync(theirs);
        await second.SaveChangesAsync();

        mine!.Set(200);
        await first.UpdateAsync(mine);
        var ex = await Assert.ThrowsAsync<ConcurrencyException>(() => first.SaveChangesAsync());

        Assert.Equal(ErrorCodes.ConcurrencyConflict, ex.Code);
        Assert.Equal(nameof(Counter), ex.AggregateType);
        Assert.Equal(new CounterId(1), ex.AggregateId);
        Assert.Equal(1, ex.ExpectedVersion);
        Assert.Equal(2, ex.ActualVersion);
        Assert.Equal(1, mine.Version);
        var stored = await NewRepository().GetByIdAsync(new CounterId(1));
        Assert.Equal(100, stored!.Value);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Save_OneGoodUpdateAndOneStale_WritesNeither()
    {
        await SeedAsync(new Counter(1, "a", 10), new Counter(2, "b", 20));
        var stale = await NewRepository().GetByIdAsync(new CounterId(2));
        await UpdateAsync(2, c => c.Set(21));

        var repository = NewRepository();
        var good = await repository.GetByIdAsync(new CounterId(1));
        good!.Set(11);
        stale!.Set(22);
        await repository.UpdateAsync(good);
        await repository.UpdateAsync(stale);
        await Assert.ThrowsAsync<ConcurrencyException>(() => repository.SaveChangesAsync());

        var stored = (await NewRepository().ListAsync()).ToDictionary(c => c.Id.Value);
        Assert.Equal(10, stored[1].Value);
        Assert.Equal(1, stored[1].Version);
        Assert.Equal(21, stored[2].Value);
        Assert.Equal(2, stored[2].Version);
        Assert.Equal(1, good.Version);
    }

    [Fact]
    public async Task Save_StaleUpdateAndAdd_WritesNeither()
    {
        await SeedAsync(new Counter(1, "a", 10));
        var stale = await NewRepository().GetByIdAsync(new CounterId(1));
        await UpdateAsync(1, c => c.Set(11));

        var repository = NewRepository();
        await repository.AddAsync(new Counter(2, "new"));
        await repository.UpdateAsync(stale!);
        await Assert.ThrowsAsync<ConcurrencyException>(() => repository.SaveChangesAsync());

        Assert.Null(await NewRepository().GetByIdAsync(new CounterId(2)));
        Assert.Equal(1, store.Count<Counter>());
    }

    [Fact]
    public async Task Save_AcrossRepositoriesOfOneUnitOfWork_WritesAll()
    {
        var unitOfWork = new InMemoryUnitOfWork(store);
        var counters = NewRepository(unitOfWork);
        var ledgers = new InMemoryRepository<Ledger>(store, unitOfWork);

        await counters.AddAsync(new Counter(1, "gate"));
        await ledgers.AddAsync(new Ledger(1, 9.5m));
        int written = await ledgers.SaveChangesAsync();

        Assert.Equal(2, written);
        Assert.False(unitOfWork.HasChanges);
        Assert.Equal(1, store.Count<Counter>());
        Assert.Equal(1, store.Count<Ledger>());
        Assert.Equal(9.5m, (await new InMemoryRepository<Ledger>(store, new InMemoryUnitOfWork(store)).GetByIdAsync(new CounterId(1)))!.Balance);
    }

    [Fact]
    public async Task Save_AcrossRepositories_OneStale_WritesNeither()
    {
        await SeedAsync(new Counter(1, "gate", 1));
        var stale = await NewRepository().GetByIdAsync(new CounterId(1));
        await UpdateAsync(1, c => c.Increment());

        var unitOfWork = new InMemoryUnitOfWork(store);
        var ledgers = new InMemoryRepository<Ledger>(store, unitOfWork);
        await ledgers.AddAsync(new Ledger(7, 1m));
        await NewRepository(unitOfWork).UpdateAsync(stale!);
        await Assert.ThrowsAsync<ConcurrencyException>(() => unitOfWork.SaveChangesAsync());

        Assert.Equal(0, store.Count<Ledger>());
    }

    [Fact]
    public async Task Save_RepositoriesOfDifferentScopes_AreIndependent()
    {
        var mine = NewRepository();
        var theirs = NewRepository();

        await mine.AddAsync(new Counter(1, "mine"));
        await theirs.AddAsync(new Counter(2, "theirs"));
        Assert.Equal(1, await mine.SaveChangesAsync());

        Assert.Null(await mine.GetByIdAsync(new CounterId(2)));
        Assert.NotNull(await mine.GetByIdAsync(new CounterId(1)));
    }

    [Fact]
    public async Task Save_SameIdInDifferentAggregateTypes_DoNotClash()
    {
        var unitOfWork = new InMemoryUnitOfWork(store);

        await NewRepository(unitOfWork).AddAsync(new Counter(1, "gate"));
        await new InMemoryRepository<Ledger>(store, unitOfWork).AddAsync(new Ledger(1, 0m));

        Assert.Equal(2, await unitOfWork.SaveChangesAsync());
    }

    [Fact]
    public async Task AddThenDelete_InOneUnitOfWork_WritesNothing()
    {
        var unitOfWork = new InMemoryUnitOfWork(store);
        var repository = NewRepository(unitOfWork);
        var counter = new Counter(1, "fleeting");

        await repository.AddAsync(counter);
        await repository.DeleteAsync(counter);

        Assert.False(unitOfWork.HasChanges);
        Assert.Equal(0, await repository.SaveChangesAsync());
        Assert.Equal(0, store.Count<Counter>());
    }

    [Fact]
    public async Task AddThenUpdate_InOneUnitOfWork_WritesOnceAtVersionOne()
    {
        var repository = NewRepository();
        var counter = new Counter(1, "gate");

        await repository.AddAsync(counter);
        counter.Increment();
        await repository.UpdateAsync(counter);

        Assert.Equal(1, await repository.SaveChangesAsync());
        Assert.Equal(1, counter.Version);
        Assert.Equal(1, (await NewRepository().GetByIdAsync(new CounterId(1)))!.Value);
    }

    [Fact]
    public async Task UpdateTwice_InOneUnitOfWork_WritesOnce()
    {
        await SeedAsync(new Counter(1, "gate"));
        var repository = NewRepository();
        var loaded = await repository.GetByIdAsync(new CounterId(1));

        loaded!.Increment();
        await repository.UpdateAsync(loaded);
        loaded.Increment();
        await repository.UpdateAsync(loaded);

        Assert.Equal(1, await repository.SaveChangesAsync());
        Assert.Equal(2, loaded.Version);
        Assert.Equal(2, (await NewRepository().GetByIdAsync(new CounterId(1)))!.Value);
    }

    [Fact]
    public async Task Delete_ThenSave_RemovesTheAggregate()
    {
        await SeedAsync(new Counter(1, "a"), new Counter(2, "b"));
        var repository = NewRepository();
        var loaded = await repository.GetByIdAsync(new CounterId(1));

        await repository.DeleteAsync(loaded!);
        Assert.Equal(1, await repository.SaveChangesAsync());

        Assert.Null(await NewRepository().GetByIdAsync(new CounterId(1)));
        Assert.Equal(2, Assert.Single(await NewRepository().ListAsync()).Id.Value);
    }

    [Fact]
    public async Task Delete_StaleVersion_Throws()
    {
        await SeedAsync(new Counter(1, "a"));
        var stale = await NewRepository().GetByIdAsync(new CounterId(1));
        await UpdateAsync(1, c => c.Increment());
        var repository = NewRepository();

        await repository.DeleteAsync(stale!);
        var ex = await Assert.ThrowsAsync<ConcurrencyException>(() => repository.SaveChangesAsync());

        Assert.Equal(2, ex.ActualVersion);
        Assert.Equal(1, store.Count<Counter>());
    }

    [Fact]
    public async Task Update_AfterSomeoneElseDeleted_ThrowsWithNoActualVersion()
    {
        await SeedAsync(new Counter(1, "a"));
        var mine = await NewRepository().GetByIdAsync(new CounterId(1));
        var deleter = NewRepository();
        await deleter.DeleteAsync((await deleter.GetByIdAsync(new CounterId(1)))!);
        await deleter.SaveChangesAsync();
        var repository = NewRepository();

        mine!.Increment();
        await repository.UpdateAsync(mine);
        var ex = await Assert.ThrowsAsync<ConcurrencyException>(() => repository.SaveChangesAsync());

        Assert.Null(ex.ActualVersion);
        Assert.Equal(1, ex.ExpectedVersion);
        Assert.Equal(0, store.Count<Counter>());
    }

    [Fact]
    public async Task Save_Failed_DiscardsStagedChanges()
    {
        await SeedAsync(new Counter(1, "a", 1));
        var stale = await NewRepository().GetByIdAsync(new CounterId(1));
        await UpdateAsync(1, c => c.Set(2));
        var unitOfWork = new InMemoryUnitOfWork(store);
        var repository = NewRepository(unitOfWork);
        await repository.AddAsync(new Counter(2, "b"));
        await repository.UpdateAsync(stale!);

        await Assert.ThrowsAsync<ConcurrencyException>(() => repository.SaveChangesAsync());

        Assert.False(unitOfWork.HasChanges);
        Assert.Equal(0, await repository.SaveChangesAsync());
        Assert.Equal(1, store.Count<Counter>());
    }

    [Fact]
    public async Task Save_AfterFailure_ReloadAndRetry_Succeeds()
    {
        await SeedAsync(new Counter(1, "a", 1));
        var stale = await NewRepository().GetByIdAsync(new CounterId(1));
        await UpdateAsync(1, c => c.Set(2));
        var repository = NewRepository();
        stale!.Increment();
        await repository.UpdateAsync(stale);
        await Assert.ThrowsAsync<ConcurrencyException>(() => repository.SaveChangesAsync());

        var fresh = await repository.GetByIdAsync(new CounterId(1));
        fresh!.Increment();
        await repository.UpdateAsync(fresh);
        await repository.SaveChangesAsync();

        var stored = await NewRepository().GetByIdAsync(new CounterId(1));
        Assert.Equal(3, stored!.Value);
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task Save_Cancelled_WritesNothingAndKeepsStagedChanges()
    {
        var unitOfWork = new InMemoryUnitOfWork(store);
        var repository = NewRepository(unitOfWork);
        await repository.AddAsync(new Counter(1, "a"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repository.SaveChangesAsync(new CancellationToken(canceled: true)));

        Assert.Equal(0, store.Count<Counter>());
        Assert.True(unitOfWork.HasChanges);
        Assert.Equal(1, await repository.SaveChangesAsync());
    }

    [Fact]
    public async Task DiscardChanges_ForgetsStagedChanges()
    {
        var unitOfWork = new InMemoryUnitOfWork(store);
        var repository = NewRepository(unitOfWork);
        await repository.AddAsync(new Counter(1, "a"));

        unitOfWork.DiscardChanges();

        Assert.False(unitOfWork.HasChanges);
        Assert.Equal(0, await unitOfWork.SaveChangesAsync());
        Assert.Equal(0, store.Count<Counter>());
    }

    [Fact]
    public async Task Save_NothingStaged_ReturnsZero()
    {
        var unitOfWork = new InMemoryUnitOfWork(store);

        Assert.False(unitOfWork.HasChanges);
        Assert.Equal(0, await NewRepository(unitOfWork).SaveChangesAsync());
    }

    private async Task UpdateAsync(int id, Action<Counter> change)
    {
        var repository = NewRepository();
        var counter = await repository.GetByIdAsync(new CounterId(id));
        change(counter!);
        await repository.UpdateAsync(counter!);
        await repository.SaveChangesAsync();
    }
}
