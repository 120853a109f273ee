using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>
/// What the store needs from one database: implemented by GridGovernance.EntityFrameworkCore.Sqlite and
/// GridGovernance.EntityFrameworkCore.PostgreSQL, which alone reference their EF Core provider. Everything else of
/// the store (the model, repositories, writes, translation of specifications) is shared.
/// </summary>
internal abstract class StoreProvider
{
    /// <summary>Which database, for the few places where SQL differs (LIKE, parameter limits, PRAGMAs).</summary>
    public abstract DatabaseKind Kind { get; }

    /// <summary>The name <c>IStoreStatus</c> reports: <c>sqlite</c> or <c>postgresql</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Registers the provider's context type with its EF Core provider on <paramref name="connectionString"/> (with
    /// <paramref name="model"/>'s migrations assembly, when it names one), and makes <see cref="GridGovernanceDbContext"/>
    /// resolve to it; <paramref name="common"/> is applied to its options.
    /// </summary>
    public abstract void AddDbContext(IServiceCollection services, StoreModel model, string connectionString, Action<DbContextOptionsBuilder> common);

    /// <summary>Whether <paramref name="error"/> is the database refusing a duplicate key or unique value.</summary>
    public abstract bool IsUniqueViolation(Exception? error);

    /// <summary>
    /// Holds the database's migration lock of this library around <paramref name="migrate"/>, where EF Core's own is
    /// not enough for instances started together (PostgreSQL); by default runs <paramref name="migrate"/> as it is.
    /// </summary>
    public virtual Task MigrateExclusivelyAsync(DbContext context, Func<Task> migrate, CancellationToken cancellationToken) => migrate();

    /// <summary>
    /// Reads the rows of <paramref name="query"/> into <paramref name="sink"/> the database's fastest way, on the
    /// context's connection (open, and in the context's transaction if it has one).
    /// </summary>
    public abstract Task ReadLedgerAsync(GridGovernanceDbContext context, LedgerExportQuery query, LedgerRowSink sink, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <see cref="BulkInsertAsync"/> can write rows of <paramref name="columns"/> (their store types and the
    /// values their mappings hand over). By default no: the shared multi-row inserts write every save.
    /// </summary>
    public virtual bool CanBulkInsert(IReadOnlyList<BulkColumn> columns) => false;

    /// <summary>
    /// Inserts every row of <paramref name="rows"/> into its table the database's fastest way, on the connection of
    /// <paramref name="transaction"/> and inside it (so that a failure rolls back the whole save). A duplicate key
    /// fails with the database's own error (<see cref="IsUniqueViolation"/> recognises it); nothing is explained here.
    /// Called only when <see cref="CanBulkInsert"/> said yes for the table's columns.
    /// </summary>
    public virtual Task BulkInsertAsync(DbTransaction transaction, BulkRows rows, int? commandTimeout, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} has no bulk insert.");
}
