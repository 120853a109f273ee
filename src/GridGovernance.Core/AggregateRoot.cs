using System.Collections.Immutable;

namespace GridGovernance;

/// <summary>
/// Base class of the library's aggregates: an id, a version for optimistic concurrency, and recorded
/// domain events.
/// </summary>
/// <typeparam name="TId">The id type, e.g. <see cref="OrgUnitId"/>.</typeparam>
/// <remarks>
/// State of derived aggregates is held in immutable values (records, <see cref="Timeline{T}"/>,
/// <see cref="ImmutableArray{T}"/>); a behaviour method replaces a field rather than mutating what it refers
/// to. That is what lets a store take a consistent snapshot with a shallow copy, and a test in the suite
/// enforces it.
/// </remarks>
[Mutable]
public abstract class AggregateRoot<TId> : IAggregateRoot, IStoreAccess
    where TId : struct
{
    private ImmutableList<IDomainEvent> domainEvents = ImmutableList<IDomainEvent>.Empty;

    /// <summary>Creates the aggregate with its id.</summary>
    /// <param name="id">The id.</param>
    protected AggregateRoot(TId id)
    {
        Id = id;
    }

    /// <summary>The aggregate's id.</summary>
    public TId Id { get; }

    object IAggregateRoot.Id => Id;

    /// <inheritdoc />
    public long Version { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    /// <inheritdoc />
    public void ClearDomainEvents() => domainEvents = ImmutableList<IDomainEvent>.Empty;

    /// <summary>Records a domain event.</summary>
    /// <param name="domainEvent">The event.</param>
    protected void Raise(IDomainEvent domainEvent) => domainEvents = domainEvents.Add(Preconditions.CheckNotNull(domainEvent));

    void IStoreAccess.SetVersion(long version) => Version = version;

    IAggregateRoot IStoreAccess.Snapshot()
    {
        var copy = (AggregateRoot<TId>)MemberwiseClone();
        copy.domainEvents = ImmutableList<IDomainEvent>.Empty;
        return copy;
    }
}
