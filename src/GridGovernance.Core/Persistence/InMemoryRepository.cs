using System.Runtime.CompilerServices;
using GridGovernance.Specifications;

namespace GridGovernance.Persistence;

/// <summary>
/// A repository over the <see cref="InMemoryStore"/>. Reads return copies; changes are staged in the scope's
/// <see cref="InMemoryUnitOfWork"/> until saved.
/// </summary>
/// <typeparam name="T">The aggregate type; it must derive from <see cref="AggregateRoot{TId}"/>.</typeparam>
[Mutable]
public sealed class InMemoryRepository<T> : IRepository<T>
    where T : class, IAggregateRoot
{
    private readonly InMemoryStore store;
    private readonly InMemoryUnitOfWork unitOfWork;

    /// <summary>Creates a repository for one scope.</summary>
    /// <param name="store">The shared store.</param>
    /// <param name="unitOfWork">The scope's unit of work.</param>
    public InMemoryRepository(InMemoryStore store, InMemoryUnitOfWork unitOfWork)
    {
        this.store = Preconditions.CheckNotNull(store);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
    }

    /// <inheritdoc />
    public Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull
    {
        AggregateStoreSupport.CheckId<T, TId>(id);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(store.Find<T>(id));
    }

    /// <inheritdoc />
    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Copy(Query(specification, cancellationToken).FirstOrDefault()));

    /// <inheritdoc />
    public Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default)
    {
        // Paging is ignored here: a Take(1) must not hide a second match.
        var matches = Query(specification, cancellationToken, applyPaging: false).Take(2).ToArray();
        if (matches.Length > 1)
        {
            throw AggregateStoreSupport.NotSingle<T>(specification);
        }
        return Task.FromResult(Copy(matches.FirstOrDefault()));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<T>>(store.All<T>().Select(AggregateStoreSupport.Snapshot).ToArray());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<T>>(Query(specification, cancellationToken).Select(AggregateStoreSupport.Snapshot).ToArray());

    /// <inheritdoc />
    /// <remarks>The selector runs on a copy of each stored aggregate, so whatever it returns is the caller's.</remarks>
    public Task<IReadOnlyList<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default)
    {
        var selector = InMemorySpecificationEvaluator.CompiledSelector(Preconditions.CheckNotNull(specification));
        return Task.FromResult<IReadOnlyList<TResult>>(Query(specification, cancellationToken).Select(item => selector(AggregateStoreSupport.Snapshot(item))).ToArray());
    }

    /// <inheritdoc />
    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(specification, cancellationToken, applyPaging: false).Count());

    /// <inheritdoc />
    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(specification, cancellationToken, applyPaging: false).Any());

    /// <inheritdoc />
    public async IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in Query(specification, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return AggregateStoreSupport.Snapshot(item);
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask AddAsync(T aggregate, CancellationToken cancellationToken = default) =>
        Stage(aggregate, ChangeKind.Add, cancellationToken);

    /// <inheritdoc />
    public ValueTask AddRangeAsync(IEnumerable<T> aggregates, CancellationToken cancellationToken = default)
    {
        foreach (var aggregate in Preconditions.CheckNotNull(aggregates))
        {
            StageOne(aggregate, ChangeKind.Add, cancellationToken);
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask UpdateAsync(T aggregate, CancellationToken cancellationToken = default) =>
        Stage(aggregate, ChangeKind.Update, cancellationToken);

    /// <inheritdoc />
    public ValueTask DeleteAsync(T aggregate, CancellationToken cancellationToken = default) =>
        Stage(aggregate, ChangeKind.Delete, cancellationToken);

    /// <inheritdoc />
    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => unitOfWork.SaveChangesAsync(cancellationToken);

    private ValueTask Stage(T aggregate, ChangeKind kind, CancellationToken cancellationToken)
    {
        StageOne(aggregate, kind, cancellationToken);
        return ValueTask.CompletedTask;
    }

    private void StageOne(T aggregate, ChangeKind kind, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(aggregate);
        cancellationToken.ThrowIfCancellationRequested();
        unitOfWork.Stage(typeof(T), aggregate, kind);
    }

    private IEnumerable<T> Query(ISpecification<T> specification, CancellationToken cancellationToken, bool applyPaging = true)
    {
        Preconditions.CheckNotNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        return InMemorySpecificationEvaluator.Evaluate(store.All<T>(), specification, applyPaging);
    }

    /// <summary>The TId of the AggregateRoot&lt;TId&gt; that T derives from.</summary>
    private static T? Copy(T? stored) => stored is null ? null : AggregateStoreSupport.Snapshot(stored);
}
