namespace GridGovernance.Persistence;

/// <summary>
/// The embedded default store: every aggregate kept in process memory, shared by all scopes. Thread-safe;
/// saves are atomic (checked in full, then applied under one lock) and honour optimistic concurrency.
/// </summary>
/// <remarks>
/// Register it as a singleton (AddGridGovernance does). Data is lost when the process ends; use a database
/// adapter for anything you want to keep.
/// </remarks>
[Mutable]
public sealed class InMemoryStore
{
    private readonly object gate = new();
    private readonly Dictionary<Type, Dictionary<object, IAggregateRoot>> tables = [];

    /// <summary>How many aggregates of type <typeparamref name="T"/> are stored.</summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    public int Count<T>()
        where T : class, IAggregateRoot
    {
        lock (gate)
        {
            return tables.TryGetValue(typeof(T), out var table) ? table.Count : 0;
        }
    }

    internal T? Find<T>(object id)
        where T : class, IAggregateRoot
    {
        lock (gate)
        {
            return tables.TryGetValue(typeof(T), out var table) && table.TryGetValue(id, out var stored)
                ? AggregateStoreSupport.Snapshot((T)stored)
                : null;
        }
    }

    /// <summary>The stored instances themselves; never mutated after they are stored, so safe to read outside the lock.</summary>
    internal T[] All<T>()
        where T : class, IAggregateRoot
    {
        lock (gate)
        {
            return tables.TryGetValue(typeof(T), out var table) ? table.Values.Cast<T>().ToArray() : [];
        }
    }

    internal int Commit(IReadOnlyCollection<StagedChange> changes)
    {
        lock (gate)
        {
            foreach (var change in changes)
            {
                Check(change);
            }
            foreach (var change in changes)
            {
                var table = TableFor(change.AggregateType);
                var key = change.Aggregate.Id;
                if (change.Kind == ChangeKind.Delete)
                {
                    table.Remove(key);
                    continue;
                }
                long next = change.Aggregate.Version + 1;
                var stored = AggregateStoreSupport.Snapshot(change.Aggregate);
                AggregateStoreSupport.SetVersion(stored, next);
                table[key] = stored;
                AggregateStoreSupport.SetVersion(change.Aggregate, next);
            }
            return changes.Count;
        }
    }

    private void Check(StagedChange change)
    {
        var table = TableFor(change.AggregateType);
        var aggregate = change.Aggregate;
        bool exists = table.TryGetValue(aggregate.Id, out var stored);
        if (change.Kind == ChangeKind.Add)
        {
            if (exists)
            {
                throw new GridGovernanceException(ErrorCodes.DuplicateKey,
                    $"{change.AggregateType.Name} {aggregate.Id} is already stored; nothing was saved.");
            }
            return;
        }
        if (!exists || stored!.Version != aggregate.Version)
        {
            throw AggregateStoreSupport.VersionConflict(change, exists ? stored!.Version : null);
        }
    }

    private Dictionary<object, IAggregateRoot> TableFor(Type type)
    {
        if (!tables.TryGetValue(type, out var table))
        {
            table = [];
            tables.Add(type, table);
        }
        return table;
    }
}
