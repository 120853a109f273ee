namespace GridGovernance.Persistence;

/// <summary>
/// The changes staged in one unit of work, folded per aggregate as <c>docs/storage.md</c> describes (add then update
/// is one add, add then delete is nothing, update then delete is one delete; a second add, or any change after a
/// delete, is refused). The in-memory store uses it, and so can a store of your own, so that every store stages
/// the same way. Thread-safe; changes are kept in the order they were first staged.
/// </summary>
[Mutable]
public sealed class ChangeSet
{
    private readonly object gate = new();
    private readonly Dictionary<(Type Type, object Id), int> index = [];
    private readonly List<StagedChange?> changes = [];
    private int count;

    /// <summary>Whether anything is staged.</summary>
    public bool HasChanges
    {
        get
        {
            lock (gate)
            {
                return count > 0;
            }
        }
    }

    /// <summary>
    /// Stages a change of <paramref name="aggregate"/>, folding it into an earlier change of the same aggregate.
    /// A refused change throws and leaves the set as it was.
    /// </summary>
    /// <param name="aggregateType">The aggregate type (the <c>T</c> of the repository it was staged through).</param>
    /// <param name="aggregate">The aggregate; it must derive from <see cref="AggregateRoot{TId}"/>.</param>
    /// <param name="kind">What to do with it.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="aggregate"/> does not derive from <see cref="AggregateRoot{TId}"/>, or an add of an aggregate whose version is not 0.</exception>
    /// <exception cref="GridGovernanceException">Code <see cref="ErrorCodes.DuplicateKey"/>: the aggregate is already staged and cannot also be added; code <see cref="ErrorCodes.NotFound"/>: it is staged for delete and cannot change again.</exception>
    public void Stage(Type aggregateType, IAggregateRoot aggregate, ChangeKind kind)
    {
        Preconditions.CheckNotNull(aggregateType);
        Preconditions.CheckNotNull(aggregate);
        Preconditions.CheckArgument(aggregate is IStoreAccess, nameof(aggregate), $"{aggregateType.Name} must derive from AggregateRoot<TId> to be stored.");
        Preconditions.CheckArgument(kind != ChangeKind.Add || aggregate.Version == 0, nameof(aggregate),
            $"{aggregateType.Name} {aggregate.Id} is at version {aggregate.Version}; only a new aggregate (version 0) can be added.");
        var key = (aggregateType, aggregate.Id);
        lock (gate)
        {
            if (!index.TryGetValue(key, out int at))
            {
                index[key] = changes.Count;
                changes.Add(new StagedChange(aggregateType, aggregate, kind));
                count++;
                return;
            }
            var earlier = changes[at]!;
            // Fold a second change of the same aggregate into the first so one save writes it once.
            var merged = (earlier.Kind, kind) switch
            {
                (_, ChangeKind.Add) => throw new GridGovernanceException(ErrorCodes.DuplicateKey,
                    $"{aggregateType.Name} {aggregate.Id} is already staged for {earlier.Kind.ToString().ToLowerInvariant()} in this unit of work; it cannot also be added."),
                (ChangeKind.Delete, _) => throw new GridGovernanceException(ErrorCodes.NotFound,
                    $"{aggregateType.Name} {aggregate.Id} is already staged for delete in this unit of work; it cannot also be {kind.ToString().ToLowerInvariant()}d."),
                (ChangeKind.Add, ChangeKind.Delete) => null,
                (ChangeKind.Add, _) => earlier with { Aggregate = aggregate },
                _ => new StagedChange(aggregateType, aggregate, kind),
            };
            changes[at] = merged;
            if (merged is null)
            {
                index.Remove(key);
                count--;
            }
        }
    }

    /// <summary>Removes and returns everything staged, in the order it was first staged.</summary>
    /// <returns>The staged changes; empty if nothing was staged.</returns>
    public IReadOnlyList<StagedChange> TakeAll()
    {
        lock (gate)
        {
            var taken = changes.Where(c => c is not null).Select(c => c!).ToArray();
            Clear();
            return taken;
        }
    }

    /// <summary>Forgets everything staged.</summary>
    public void Clear()
    {
        lock (gate)
        {
            index.Clear();
            changes.Clear();
            count = 0;
        }
    }
}
