namespace GridGovernance;

/// <summary>
/// Thrown by a store when an aggregate being saved was changed by someone else since it was loaded
/// (its <see cref="IAggregateRoot.Version"/> is stale). Nothing of that save was written: reload and retry.
/// </summary>
[Immutable]
public sealed class ConcurrencyException : GridGovernanceException
{
    /// <summary>Creates the exception for one aggregate.</summary>
    /// <param name="aggregateType">The aggregate's type name.</param>
    /// <param name="id">The aggregate's id.</param>
    /// <param name="expectedVersion">The version the caller loaded.</param>
    /// <param name="actualVersion">The version now stored, or <c>null</c> if it was deleted.</param>
    public ConcurrencyException(string aggregateType, object id, long expectedVersion, long? actualVersion)
        : base(ErrorCodes.ConcurrencyConflict,
            actualVersion is null
                ? $"{aggregateType} {id} was deleted by someone else after version {expectedVersion} was loaded; nothing was saved."
                : $"{aggregateType} {id} is at version {actualVersion} but version {expectedVersion} was loaded; nothing was saved. Reload it and try again.")
    {
        AggregateType = aggregateType;
        AggregateId = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The aggregate's type name.</summary>
    public string AggregateType { get; }

    /// <summary>The aggregate's id.</summary>
    public object AggregateId { get; }

    /// <summary>The version the caller had loaded.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version stored now, or <c>null</c> if it was deleted.</summary>
    public long? ActualVersion { get; }
}
