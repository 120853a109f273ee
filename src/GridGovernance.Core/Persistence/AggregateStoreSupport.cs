namespace GridGovernance.Persistence;

/// <summary>
/// For people writing their own store: the things a store does to an aggregate that its public API
/// does not offer. Application code never needs these.
/// </summary>
[Immutable]
public static class AggregateStoreSupport
{
    /// <summary>Sets the version after a successful save or when materialising a stored aggregate.</summary>
    /// <param name="aggregate">An aggregate deriving from <see cref="AggregateRoot{TId}"/>.</param>
    /// <param name="version">The stored version.</param>
    /// <exception cref="GridGovernanceValidationException">The aggregate does not derive from <see cref="AggregateRoot{TId}"/>.</exception>
    public static void SetVersion(IAggregateRoot aggregate, long version)
    {
        Preconditions.CheckArgumentRange(nameof(version), version, 0, long.MaxValue);
        Access(aggregate).SetVersion(version);
    }

    /// <summary>
    /// A copy of the aggregate sharing its immutable state, with no recorded events: what an in-process store
    /// keeps and hands out so that callers never alias stored state.
    /// </summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <param name="aggregate">An aggregate deriving from <see cref="AggregateRoot{TId}"/>.</param>
    public static T Snapshot<T>(T aggregate)
        where T : class, IAggregateRoot => (T)Access(aggregate).Snapshot();

    /// <summary>
    /// The id type of an aggregate type: the <c>TId</c> of the <see cref="AggregateRoot{TId}"/> it derives from,
    /// or <see langword="null"/> for an aggregate that does not derive from it. A store uses it to reject an id
    /// of the wrong type in <see cref="IReadRepository{T}.GetByIdAsync{TId}"/>.
    /// </summary>
    /// <param name="aggregateType">The aggregate type.</param>
    public static Type? IdTypeOf(Type aggregateType)
    {
        for (var current = Preconditions.CheckNotNull(aggregateType); current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AggregateRoot<>))
            {
                return current.GetGenericArguments()[0];
            }
        }
        return null;
    }

    /// <summary>
    /// The error for an update or delete whose version check failed: <see cref="ErrorCodes.NotFound"/> for an
    /// aggregate that was never saved (version 0) and that the store does not hold; otherwise a
    /// <see cref="ConcurrencyException"/> carrying the stored version (<see langword="null"/> if the aggregate is gone).
    /// </summary>
    /// <param name="change">The change that could not be written.</param>
    /// <param name="storedVersion">The version the store holds now, or <see langword="null"/> if it holds none.</param>
    public static GridGovernanceException VersionConflict(StagedChange change, long? storedVersion)
    {
        Preconditions.CheckNotNull(change);
        var aggregate = change.Aggregate;
        return storedVersion is null && aggregate.Version == 0
            ? new GridGovernanceException(ErrorCodes.NotFound,
                $"{change.AggregateType.Name} {aggregate.Id} was never saved, so it cannot be {change.Kind.ToString().ToLowerInvariant()}d; add it instead. Nothing was saved.")
            : new ConcurrencyException(change.AggregateType.Name, aggregate.Id, aggregate.Version, storedVersion);
    }

    /// <summary>
    /// Checks the id type a caller passed to <see cref="IReadRepository{T}.GetByIdAsync{TId}"/>: it must be the
    /// aggregate's own id type (see <see cref="IdTypeOf"/>).
    /// </summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <typeparam name="TId">The id type passed.</typeparam>
    /// <param name="id">The id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="GridGovernanceValidationException"><typeparamref name="TId"/> is not the aggregate's id type.</exception>
    public static void CheckId<T, TId>(TId id)
        where T : class, IAggregateRoot
        where TId : notnull
    {
        Preconditions.CheckArgument(id is not null, nameof(id), "id must not be null.");
        var expected = IdTypes<T>.Type;
        Preconditions.CheckArgument(expected is null || typeof(TId) == expected, nameof(id),
            $"{typeof(T).Name} is keyed by {expected?.Name}, not {typeof(TId).Name}.");
    }

    /// <summary>The error for a single-result specification that matched more than one aggregate.</summary>
    /// <typeparam name="T">The aggregate type.</typeparam>
    /// <param name="specification">The specification.</param>
    public static GridGovernanceException NotSingle<T>(object specification) =>
        new(ErrorCodes.SpecificationNotSingle,
            $"{Preconditions.CheckNotNull(specification).GetType().Name} matched more than one {typeof(T).Name}; a single-result specification must match at most one.");

    private static class IdTypes<T>
    {
        public static readonly Type? Type = IdTypeOf(typeof(T));
    }

    private static IStoreAccess Access(IAggregateRoot aggregate) =>
        Preconditions.CheckNotNull(aggregate) as IStoreAccess
        ?? throw Preconditions.InvalidArgument($"{aggregate.GetType().Name} does not derive from AggregateRoot<TId>.", nameof(aggregate));
}
