namespace GridGovernance.Persistence;

/// <summary>
/// The unit of work of one scope over an <see cref="InMemoryStore"/>: repositories of the scope stage
/// their changes here and any of them can save them all at once.
/// </summary>
[Mutable]
public sealed class InMemoryUnitOfWork : IUnitOfWork
{
    private readonly InMemoryStore store;
    private readonly ChangeSet pending = new();

    /// <summary>Creates a unit of work over <paramref name="store"/>.</summary>
    /// <param name="store">The store to save to.</param>
    public InMemoryUnitOfWork(InMemoryStore store)
    {
        this.store = Preconditions.CheckNotNull(store);
    }

    /// <inheritdoc />
    public bool HasChanges => pending.HasChanges;

    /// <inheritdoc />
    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var changes = pending.TakeAll();
        return Task.FromResult(changes.Count == 0 ? 0 : store.Commit(changes));
    }

    /// <inheritdoc />
    public void DiscardChanges() => pending.Clear();

    internal void Stage(Type type, IAggregateRoot aggregate, ChangeKind kind) => pending.Stage(type, aggregate, kind);
}
