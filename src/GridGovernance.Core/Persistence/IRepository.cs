namespace GridGovernance.Persistence;

/// <summary>
/// Reads and changes aggregates of type <typeparamref name="T"/>. Add, update and delete are staged in the
/// scope's <see cref="IUnitOfWork"/>; <see cref="SaveChangesAsync"/> writes everything staged in that scope,
/// across all repositories, all or nothing.
/// </summary>
/// <typeparam name="T">The aggregate type.</typeparam>
public interface IRepository<T> : IReadRepository<T>
    where T : class, IAggregateRoot
{
    /// <summary>Stages a new aggregate. The save fails with code <c>storage.duplicate-key</c> when its id is taken.</summary>
    /// <param name="aggregate">The aggregate, at version 0.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask AddAsync(T aggregate, CancellationToken cancellationToken = default);

    /// <summary>Stages new aggregates.</summary>
    /// <param name="aggregates">The aggregates.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask AddRangeAsync(IEnumerable<T> aggregates, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stages the new state of a loaded aggregate. The save throws <see cref="ConcurrencyException"/> when
    /// the stored version is no longer the one this instance was loaded at.
    /// </summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask UpdateAsync(T aggregate, CancellationToken cancellationToken = default);

    /// <summary>Stages the removal of a loaded aggregate (checked for concurrency like an update).</summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask DeleteAsync(T aggregate, CancellationToken cancellationToken = default);

    /// <summary>Writes everything staged in this scope, in every repository, all or nothing.</summary>
    /// <param name="cancellationToken">Cancels the save before anything is written.</param>
    /// <returns>How many aggregates were written.</returns>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
