using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Persistence;

namespace GridGovernance.Tests.Persistence;

public partial class InMemoryRepositoryTest
{
    /// <summary>
    /// Runs a random sequence of adds, loads, updates and deletes (each its own unit of work, except
    /// <see cref="UpdatePairOp"/> which saves two updates together) against the store and against a dictionary of
    /// id → (value, version). Loads put a copy in one of a few slots and updates and deletes act on a slot, so two
    /// slots often hold copies of one aggregate and one of them goes stale; the model predicts which saves must
    /// fail, and after every step the store must hold exactly what the model holds.
    /// </summary>
    [Property(Arbitrary = [typeof(StoreOpGenerators)], MaxTest = 200)]
    public async Task Operations_RandomSequence_StoreMatchesModel(StoreOp[] operations)
    {
        var modelStore = new InMemoryStore();
        var model = new Dictionary<int, (int Value, long Version)>();
        var slots = new Dictionary<int, Counter>();
        InMemoryRepository<Counter> Scope() => new(modelStore, new InMemoryUnitOfWork(modelStore));

        foreach (var operation in operations)
        {
            switch (operation)
            {
                case AddOp(var id, var value):
                {
                    var repository = Scope();
                    await repository.AddAsync(new Counter(id, "c", value));
                    if (model.ContainsKey(id))
                    {
                        var ex = await Assert.ThrowsAsync<GridGovernanceException>(() => repository.SaveChangesAsync());
                        Assert.Equal(ErrorCodes.DuplicateKey, ex.Code);
                    }
                    else
                    {
                        Assert.Equal(1, await repository.SaveChangesAsync());
                        model[id] = (value, 1);
                    }
                    break;
                }
                case LoadOp(var id, var slot):
                {
                    var loaded = await Scope().GetByIdAsync(new CounterId(id));
                    if (loaded is null)
                    {
                        Assert.False(model.ContainsKey(id));
                        slots.Remove(slot);
                    }
                    else
                    {
                        Assert.Equal(model[id], (loaded.Value, loaded.Version));
                        slots[slot] = loaded;
                    }
                    break;
                }
                case UpdateOp(var slot, var value) when slots.TryGetValue(slot, out var counter):
                {
                    int id = counter.Id.Value;
                    var repository = Scope();
                    bool fresh = IsFresh(counter);
                    counter.Set(value);
                    await repository.UpdateAsync(counter);
                    await SaveAsExpectedAsync(repository, fresh);
                    if (fresh)
                    {
                        model[id] = (value, model[id].Version + 1);
                        Assert.Equal(model[id].Version, counter.Version);
                    }
                    break;
                }
                case DeleteOp(var slot) when slots.TryGetValue(slot, out var counter):
                {
                    int id = counter.Id.Value;
                    var repository = Scope();
                    bool fresh = IsFresh(counter);
                    await repository.DeleteAsync(counter);
                    await SaveAsExpectedAsync(repository, fresh);
                    if (fresh)
                    {
                        model.Remove(id);
                    }
                    break;
                }
                case UpdatePairOp(var slotA, var slotB, var value)
                    when slots.TryGetValue(slotA, out var a) && slots.TryGetValue(slotB, out var b) && a.Id != b.Id:
                {
                    int first = a.Id.Value, second = b.Id.Value;
                    var repository = Scope();
                    bool fresh = IsFresh(a) && IsFresh(b);
                    long versionA = a.Version, versionB = b.Version;
                    a.Set(value);
                    b.Set(value + 1);
                    await repository.UpdateAsync(a);
                    await repository.UpdateAsync(b);
                    await SaveAsExpectedAsync(repository, fresh);
                    if (fresh)
                    {
                        model[first] = (value, versionA + 1);
                        model[second] = (value + 1, versionB + 1);
                    }
                    else
                    {
                        Assert.Equal((versionA, versionB), (a.Version, b.Version));
                    }
                    break;
                }
            }

            var stored = (await Scope().ListAsync()).Select(c => (c.Id.Value, c.Value, c.Version)).Order();
            Assert.Equal(model.Select(kv => (kv.Key, kv.Value.Value, kv.Value.Version)).Order(), stored);
            Assert.Equal(model.Count, modelStore.Count<Counter>());
        }

        bool IsFresh(Counter counter) =>
            model.TryGetValue(counter.Id.Value, out var current) && current.Version == counter.Version;
    }

    private static async Task SaveAsExpectedAsync(InMemoryRepository<Counter> repository, bool succeeds)
    {
        if (succeeds)
        {
            Assert.True(await repository.SaveChangesAsync() > 0);
        }
        else
        {
            await Assert.ThrowsAsync<ConcurrencyException>(() => repository.SaveChangesAsync());
        }
    }

    public abstract record StoreOp;

    public sealed record AddOp(int Id, int Value) : StoreOp;

    public sealed record LoadOp(int Id, int Slot) : StoreOp;

    public sealed record UpdateOp(int Slot, int Value) : StoreOp;

    public sealed record DeleteOp(int Slot) : StoreOp;

    public sealed record UpdatePairOp(int SlotA, int SlotB, int Value) : StoreOp;

    public static class StoreOpGenerators
    {
        public static Arbitrary<StoreOp> StoreOp()
        {
            // Few ids and slots, so that adds collide and two slots often hold copies of one aggregate.
            var id = Gen.Choose(1, 3);
            var slot = Gen.Choose(0, 3);
            var value = Gen.Choose(-100, 100);
            return Gen.Frequency(
                (3, id.Zip(value, (i, v) => (StoreOp)new AddOp(i, v))),
                (4, id.Zip(slot, (i, s) => (StoreOp)new LoadOp(i, s))),
                (4, slot.Zip(value, (s, v) => (StoreOp)new UpdateOp(s, v))),
                (1, slot.Select(s => (StoreOp)new DeleteOp(s))),
                (3, slot.Two().Zip(value, (slots, v) => (StoreOp)new UpdatePairOp(slots.Item1, slots.Item2, v))))
                .ToArbitrary();
        }
    }
}
