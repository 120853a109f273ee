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
    /// <exception cref="ArgumentException">The aggregate does not derive from <see cref="AggregateRoot{TId}"/>.</exception>
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

    private static IStoreAccess Access(IAggregateRoot aggregate) =>
        Preconditions.CheckNotNull(aggregate) as IStoreAccess
        ?? throw new ArgumentException($"{aggregate.GetType().Name} does not derive from AggregateRoot<TId>.", nameof(aggregate));
}
