using GridGovernance.Specifications;

namespace GridGovernance.Persistence;

/// <summary>
/// Reads aggregates of type <typeparamref name="T"/> from a store. Every result is a copy the caller owns:
/// changing it changes nothing stored until it is passed to <see cref="IRepository{T}.UpdateAsync"/> and saved.
/// </summary>
/// <typeparam name="T">The aggregate type.</typeparam>
public interface IReadRepository<T>
    where T : class, IAggregateRoot
{
    /// <summary>Finds an aggregate by id.</summary>
    /// <typeparam name="TId">The id type, e.g. <see cref="OrgUnitId"/>.</typeparam>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The aggregate, or <c>null</c> when there is none.</returns>
    Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull;

    /// <summary>The first aggregate the specification yields, or <c>null</c>.</summary>
    /// <param name="specification">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>The only aggregate the specification matches, or <c>null</c>.</summary>
    /// <param name="specification">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="GridGovernanceException">More than one aggregate matches (code <c>specification.not-single</c>).</exception>
    Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>Every aggregate of the type.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The aggregates the specification yields, filtered, ordered and paged.</summary>
    /// <param name="specification">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// The aggregates the specification yields, filtered, ordered and paged, each projected by its selector. A database
    /// store reads only what the selector needs where it can (see the store's documentation), so a read model or an
    /// export need not load whole aggregates.
    /// </summary>
    /// <typeparam name="TResult">What each match is projected to.</typeparam>
    /// <param name="specification">The query and its projection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The projected matches, in the specification's order.</returns>
    Task<IReadOnlyList<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    /// <summary>How many aggregates match the specification's filters (paging is ignored).</summary>
    /// <param name="specification">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>Whether any aggregate matches the specification's filters.</summary>
    /// <param name="specification">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>Streams the aggregates the specification yields, for large reads.</summary>
    /// <param name="specification">The query.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification, CancellationToken cancellationToken = default);
}
