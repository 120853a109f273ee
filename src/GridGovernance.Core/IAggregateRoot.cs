namespace GridGovernance;

/// <summary>
/// What every store needs to know about an aggregate: its id, its optimistic-concurrency version and the
/// domain events it recorded.
/// </summary>
public interface IAggregateRoot
{
    /// <summary>The aggregate's id, boxed (stores key on it).</summary>
    object Id { get; }

    /// <summary>
    /// The version this instance was loaded at: 0 for a new aggregate never saved, then 1, 2, … one more per
    /// successful save. A save of a stale version throws <see cref="ConcurrencyException"/>.
    /// </summary>
    long Version { get; }

    /// <summary>The domain events recorded since the aggregate was loaded or the events were cleared.</summary>
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    /// <summary>Forgets the recorded domain events (after they have been dispatched).</summary>
    void ClearDomainEvents();
}
