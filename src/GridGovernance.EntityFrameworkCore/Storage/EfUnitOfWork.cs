using System.Runtime.CompilerServices;
using GridGovernance.Persistence;

namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>
/// The unit of work of one scope over the EF Core store: repositories of the scope stage their changes here,
/// folded as <see cref="ChangeSet"/> does, and a save writes them all in one database transaction.
/// </summary>
internal sealed class EfUnitOfWork(GridGovernanceDbContext context) : IUnitOfWork
{
    private readonly ChangeSet pending = new();

    public GridGovernanceDbContext Context { get; } = context;

    public bool HasChanges => pending.HasChanges;

    /// <summary>
    /// The document and version each aggregate with child tables had when this scope read or last wrote it, so that an
    /// update writes only the child rows that changed (the instance is the key: reads return copies).
    /// </summary>
    public ConditionalWeakTable<IAggregateRoot, LoadedDocument> Loaded { get; } = new();

    public async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var changes = pending.TakeAll();
        if (changes.Count == 0)
        {
            return 0;
        }
        return await new DocumentWriter(Context, Loaded).WriteAsync(changes, cancellationToken).ConfigureAwait(false);
    }

    public void DiscardChanges() => pending.Clear();

    public void Stage(Type type, IAggregateRoot aggregate, ChangeKind kind)
    {
        // Fail at staging, not at saving, for an aggregate the model does not map.
        Context.Store.For(type);
        pending.Stage(type, aggregate, kind);
    }
}

/// <summary>A document as the database holds it, with the version it was read or written at.</summary>
internal sealed record LoadedDocument(string Document, long Version);
