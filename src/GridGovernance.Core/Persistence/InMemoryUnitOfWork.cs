namespace GridGovernance.Persistence;

/// <summary>
/// The unit of work of one scope over an <see cref="InMemoryStore"/>: repositories of the scope stage
/// their changes here and any of them can save them all at once.
/// </summary>
[Mutable]
public sealed class InMemoryUnitOfWork : IUnitOfWork
{
    private readonly object gate = new();
    private readonly InMemoryStore store;
    private readonly Dictionary<(Type Type, object Id), PendingChange> pending = [];

    /// <summary>Creates a unit of work over a store.</summary>
    /// <param name="store">The store it writes to.</param>
    public InMemoryUnitOfWork(InMemoryStore store)
    {
        this.store = Preconditions.CheckNotNull(store);
    }

    /// <inheritdoc />
    public bool HasChanges
    {
        get
        {
            lock (gate)
            {
                return pending.Count > 0;
            }
        }
    }

    /// <inheritdoc />
    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        PendingChange[] changes;
        lock (gate)
        {
            changes = pending.Values.ToArray();
            pending.Clear();
        }
        return Task.FromResult(changes.Length == 0 ? 0 : store.Commit(changes));
    }

    /// <inheritdoc />
    public void DiscardChanges()
    {
        lock (gate)
        {
            pending.Clear();
        }
    }

    internal void Stage(Type type, IAggregateRoot aggregate, PendingChangeKind kind)
    {
        var key = (type, aggregate.Id);
        lock (gate)
        {
            if (!pending.TryGetValue(key, out var earlier))
            {
                pending[key] = new PendingChange(type, aggregate, kind);
                return;
            }
            // Fold a second change of the same aggregate into the first so one save writes it once.
            var merged = (earlier.Kind, kind) switch
            {
                (_, PendingChangeKind.Add) => throw new GridGovernanceException(ErrorCodes.DuplicateKey,
                    $"{type.Name} {aggregate.Id} is already staged for {earlier.Kind.ToString().ToLowerInvariant()} in this unit of work; it cannot also be added."),
                (PendingChangeKind.Delete, _) => throw new GridGovernanceException(ErrorCodes.NotFound,
                    $"{type.Name} {aggregate.Id} is already staged for delete in this unit of work; it cannot also be {kind.ToString().ToLowerInvariant()}d."),
                (PendingChangeKind.Add, PendingChangeKind.Delete) => null,
                (PendingChangeKind.Add, _) => earlier with { Aggregate = aggregate },
                _ => new PendingChange(type, aggregate, kind),
            };
            if (merged is null)
            {
                pending.Remove(key);
            }
            else
            {
                pending[key] = merged;
            }
        }
    }
}
