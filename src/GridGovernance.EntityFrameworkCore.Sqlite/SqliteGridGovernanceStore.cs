using GridGovernance.EntityFrameworkCore.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GridGovernance.EntityFrameworkCore;

/// <summary>
/// The store's context on SQLite, with this package's migrations. <c>AddGridGovernanceEntityFrameworkCore(o =&gt;
/// o.UseSqlite(...))</c> registers it: resolve it for <c>AddDbContextCheck&lt;SqliteGridGovernanceDbContext&gt;()</c>
/// or name it in <c>dotnet ef … --context SqliteGridGovernanceDbContext</c>.
/// </summary>
/// <param name="options">Options configured by <c>AddGridGovernanceEntityFrameworkCore</c>.</param>
public sealed class SqliteGridGovernanceDbContext(DbContextOptions<SqliteGridGovernanceDbContext> options)
    : GridGovernanceDbContext(options);

/// <summary>Chooses SQLite for the EF Core store.</summary>
public static class GridGovernanceSqliteStoreOptionsExtensions
{
    /// <summary>Keeps the data in SQLite (the embedded default; a file such as <c>Data Source=city.db</c>).</summary>
    /// <example>
    /// <code>
    /// services.AddGridGovernanceEntityFrameworkCore(o =&gt; o.UseSqlite("Data Source=city.db"));
    /// </code>
    /// </example>
    /// <param name="options">The store's options.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="configure">Further EF Core options (logging, interceptors); optional.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or white space.</exception>
    public static GridGovernanceStoreOptions UseSqlite(this GridGovernanceStoreOptions options, string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseProvider(SqliteStoreProvider.Instance, connectionString, configure);
    }
}

internal sealed class SqliteStoreProvider : StoreProvider
{
    public static readonly SqliteStoreProvider Instance = new();

    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    public override string Name => "sqlite";

    public override void AddDbContext(IServiceCollection services, StoreModel model, string connectionString, Action<DbContextOptionsBuilder> common)
    {
        // UseParameterizedCollectionMode(Parameter): a list of ids (an import checking which exist) goes as one
        // parameter, not one parameter per id.
        services.AddDbContext<SqliteGridGovernanceDbContext>(o => common(o.UseSqlite(connectionString, s =>
        {
            s.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
            if (model.MigrationsAssembly is { } assembly)
            {
                s.MigrationsAssembly(assembly);
            }
        })));
        services.Replace(ServiceDescriptor.Scoped<GridGovernanceDbContext>(sp => sp.GetRequiredService<SqliteGridGovernanceDbContext>()));
    }

    // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
    public override bool IsUniqueViolation(Exception? error) => error is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    // Dates are ISO text in SQLite: julianday turns them into day numbers, so each row's date is a day offset.
    public override async Task ReadLedgerAsync(GridGovernanceDbContext context, LedgerExportQuery query, LedgerRowSink sink, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT {Q(LedgerExportQuery.Member)}, {Q(LedgerExportQuery.ItemCode)}, "
            + $"CAST(julianday({Q(LedgerExportQuery.OccurredOn)}) - julianday($start) AS INTEGER), {Q(LedgerExportQuery.Id)}, "
            + $"{Q(LedgerExportQuery.Points)}, {Q(LedgerExportQuery.Tier)}, {Q(LedgerExportQuery.AfterReminder)} FROM {Q(query.Table)} "
            + $"WHERE {Q(LedgerExportQuery.RuleBookId)} = $book AND {Q(LedgerExportQuery.Status)} = $approved AND {Q(LedgerExportQuery.ReversalOf)} IS NULL "
            + $"AND {Q(LedgerExportQuery.OccurredOn)} >= $start AND {Q(LedgerExportQuery.OccurredOn)} <= $end";
        Parameter(command, "$start", NodaTime.Text.LocalDatePattern.Iso.Format(query.Start));
        Parameter(command, "$end", NodaTime.Text.LocalDatePattern.Iso.Format(query.End));
        Parameter(command, "$book", query.RuleBookIdValue);
        Parameter(command, "$approved", LedgerExportQuery.Approved);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sink.Add(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6));
        }
    }

    private static void Parameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Q(string name) => "\"" + name + "\"";
}
