using System.Runtime.CompilerServices;
using GridGovernance.EntityFrameworkCore.Documents;
using GridGovernance.EntityFrameworkCore.Mapping;
using GridGovernance.Persistence;
using GridGovernance.Specifications;
using Microsoft.EntityFrameworkCore;

namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>
/// The EF Core repository of one aggregate type: reads translate specifications to SQL and materialise each
/// row's document into a new aggregate the caller owns; writes are staged in the scope's <see cref="EfUnitOfWork"/>.
/// </summary>
/// <typeparam name="T">The aggregate type.</typeparam>
internal sealed class EfRepository<T> : IRepository<T>
    where T : class, IAggregateRoot
{
    private readonly EfUnitOfWork unitOfWork;
    private readonly GridGovernanceDbContext context;
    private readonly MappedAggregate map;
    private readonly SpecificationTranslator translator;

    public EfRepository(EfUnitOfWork unitOfWork)
    {
        this.unitOfWork = unitOfWork;
        context = unitOfWork.Context;
        map = context.Store.For(typeof(T));
        translator = new SpecificationTranslator(context, map);
    }

    public async Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull
    {
        AggregateStoreSupport.CheckId<T, TId>(id);
        var row = await Project(translator.ById(Rows, id)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return Materialise(row);
    }

    public async Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Materialise(await Project(Query(specification)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false));

    public async Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default)
    {
        // Paging is ignored here: a Take(1) must not hide a second match.
        var rows = await Project(Query(specification, paging: false)).Take(2).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count > 1)
        {
            throw AggregateStoreSupport.NotSingle<T>(specification);
        }
        return rows.Count == 0 ? null : Materialise(rows[0]);
    }

    public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(Specification.All<T>(), cancellationToken);

    public async Task<IReadOnlyList<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        var rows = await Project(Query(specification)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => Materialise(r)!)];
    }

    public async Task<IReadOnlyList<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var selector = specification.Selector
            ?? throw new ArgumentException($"{specification.GetType().Name}.Selector is null.", nameof(specification));
        var plan = ProjectionPlan<T, TResult>.For(map, context.Store.Database, selector);
        var rows = Query(specification);
        if (plan.Columns is { } columns)
        {
            var values = await rows.Select(columns).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. values.Select(plan.FromColumns!)];
        }
        var stored = await Project(rows).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. stored.Select(r => plan.FromAggregate(Materialise(r)!))];
    }

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification, paging: false).CountAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        Query(specification, paging: false).AnyAsync(cancellationToken);

    public async IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Project(Query(specification)).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Materialise(row)!;
        }
    }

    public ValueTask AddAsync(T aggregate, CancellationToken cancellationToken = default) => Stage(aggregate, ChangeKind.Add, cancellationToken);

    public ValueTask AddRangeAsync(IEnumerable<T> aggregates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        foreach (var aggregate in aggregates)
        {
            StageOne(aggregate, ChangeKind.Add, cancellationToken);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask UpdateAsync(T aggregate, CancellationToken cancellationToken = default) => Stage(aggregate, ChangeKind.Update, cancellationToken);

    public ValueTask DeleteAsync(T aggregate, CancellationToken cancellationToken = default) => Stage(aggregate, ChangeKind.Delete, cancellationToken);

    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => unitOfWork.SaveChangesAsync(cancellationToken);

    private IQueryable<Dictionary<string, object>> Rows => context.Rows(map.Table);

    private IQueryable<Dictionary<string, object>> Query(ISpecification<T> specification, bool paging = true)
    {
        ArgumentNullException.ThrowIfNull(specification);
        return translator.Apply(Rows, specification, paging);
    }

    private static IQueryable<StoredRow> Project(IQueryable<Dictionary<string, object>> rows) =>
        rows.Select(r => new StoredRow(EF.Property<string>(r, MappedAggregate.DocumentColumn), EF.Property<long>(r, MappedAggregate.VersionColumn)));

    private T? Materialise(StoredRow? row)
    {
        if (row is null)
        {
            return null;
        }
        var aggregate = (T)AggregateDocument.Deserialize(typeof(T), row.Document);
        AggregateStoreSupport.SetVersion(aggregate, row.Version);
        if (map.Collections.Count > 0)
        {
            // An update of this instance writes only the child rows that differ from these.
            unitOfWork.Loaded.AddOrUpdate(aggregate, new LoadedDocument(row.Document, row.Version));
        }
        return aggregate;
    }

    private ValueTask Stage(T aggregate, ChangeKind kind, CancellationToken cancellationToken)
    {
        StageOne(aggregate, kind, cancellationToken);
        return ValueTask.CompletedTask;
    }

    private void StageOne(T aggregate, ChangeKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        cancellationToken.ThrowIfCancellationRequested();
        unitOfWork.Stage(typeof(T), aggregate, kind);
    }
}

/// <summary>What a read fetches of a row: the document and the version.</summary>
internal sealed record StoredRow(string Document, long Version);
