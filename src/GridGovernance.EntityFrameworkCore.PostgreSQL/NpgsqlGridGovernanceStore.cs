using GridGovernance.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using NpgsqlTypes;
using System.Data.Common;
using System.Globalization;

namespace GridGovernance.EntityFrameworkCore;

/// <summary>
/// The store's context on PostgreSQL, with this package's migrations. <c>AddGridGovernanceEntityFrameworkCore(o =&gt;
/// o.UseNpgsql(...))</c> registers it: resolve it for <c>AddDbContextCheck&lt;NpgsqlGridGovernanceDbContext&gt;()</c>
/// or name it in <c>dotnet ef … --context NpgsqlGridGovernanceDbContext</c>.
/// </summary>
/// <param name="options">Options configured by <c>AddGridGovernanceEntityFrameworkCore</c>.</param>
public sealed class NpgsqlGridGovernanceDbContext(DbContextOptions<NpgsqlGridGovernanceDbContext> options)
    : GridGovernanceDbContext(options);

/// <summary>Chooses PostgreSQL for the EF Core store.</summary>
public static class GridGovernanceNpgsqlStoreOptionsExtensions
{
    /// <summary>Keeps the data in PostgreSQL 15 or later, with NodaTime types mapped natively (<c>date</c>, <c>timestamp with time zone</c>).</summary>
    /// <example>
    /// <code>
    /// services.AddGridGovernanceEntityFrameworkCore(o =&gt; o.UseNpgsql("Host=127.0.0.1;Database=grid;Username=grid;Password=…"));
    /// </code>
    /// </example>
    /// <param name="options">The store's options.</param>
    /// <param name="connectionString">An Npgsql connection string, such as <c>Host=127.0.0.1;Database=grid;Username=grid;Password=…</c>.</param>
    /// <param name="configure">Further EF Core options (logging, interceptors); optional.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or white space.</exception>
    public static GridGovernanceStoreOptions UseNpgsql(this GridGovernanceStoreOptions options, string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseProvider(NpgsqlStoreProvider.Instance, connectionString, configure);
    }
}

internal sealed class NpgsqlStoreProvider : StoreProvider
{
    public static readonly NpgsqlStoreProvider Instance = new();

    public override DatabaseKind Kind => DatabaseKind.Npgsql;

    public override string Name => "postgresql";

    public override void AddDbContext(IServiceCollection services, StoreModel model, string connectionString, Action<DbContextOptionsBuilder> common)
    {
        // UseParameterizedCollectionMode(Parameter): a list of ids (an import checking which exist) goes as one
        // array parameter, not one parameter per id.
        services.AddDbContext<NpgsqlGridGovernanceDbContext>(o => common(o.UseNpgsql(connectionString, n =>
        {
            n.UseNodaTime().UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
            if (model.MigrationsAssembly is { } assembly)
            {
                n.MigrationsAssembly(assembly);
            }
        })));
        services.Replace(ServiceDescriptor.Scoped<GridGovernanceDbContext>(sp => sp.GetRequiredService<NpgsqlGridGovernanceDbContext>()));
    }

    // A session advisory lock for the whole migration: EF Core's own lock on PostgreSQL does not keep a second
    // instance from running the first migration's DDL again ("relation … already exists"). The key is the library's.
    private const long MigrationLockKey = 0x4747_4D49_4752_4154; // "GGMIGRAT"

    public override async Task MigrateExclusivelyAsync(DbContext context, Func<Task> migrate, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
            try
            {
                await migrate().ConfigureAwait(false);
            }
            finally
            {
                await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    public override bool IsUniqueViolation(Exception? error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // COPY takes no parameters: the rule book's id goes in as a string literal (quotes doubled; the server's
    // standard_conforming_strings, on since PostgreSQL 9.1, keeps backslashes literal), the dates as ISO literals.
    // The member, the day (counted from the period's start: BETWEEN keeps it from 0 to the period's length) and the
    // reminder flag travel packed in one bigint (member << 32 | day << 1 | reminder): the server's binary output of a
    // column costs about as much as reading the row, so five columns instead of seven take about a quarter off its side
    // of the export (docs/benchmarks.md), and the client reads fewer values.
    public override async Task ReadLedgerAsync(GridGovernanceDbContext context, LedgerExportQuery query, LedgerRowSink sink, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        string start = Date(query.Start);
        string sql = $"COPY (SELECT ({Q(LedgerExportQuery.Member)}::bigint << 32) | (({Q(LedgerExportQuery.OccurredOn)} - {start}) << 1) | {Q(LedgerExportQuery.AfterReminder)}::int, "
            + $"{Q(LedgerExportQuery.ItemCode)}, {Q(LedgerExportQuery.Id)}, {Q(LedgerExportQuery.Points)}, {Q(LedgerExportQuery.Tier)} "
            + $"FROM {Q(query.Table)} WHERE {Q(LedgerExportQuery.RuleBookId)} = '{query.RuleBookIdValue.Replace("'", "''", StringComparison.Ordinal)}' "
            + $"AND {Q(LedgerExportQuery.Status)} = {LedgerExportQuery.Approved.ToString(CultureInfo.InvariantCulture)} AND {Q(LedgerExportQuery.ReversalOf)} IS NULL "
            + $"AND {Q(LedgerExportQuery.OccurredOn)} BETWEEN {start} AND {Date(query.End)}) TO STDOUT (FORMAT binary)";
        await using var reader = await connection.BeginBinaryExportAsync(sql, cancellationToken).ConfigureAwait(false);
        while (await reader.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
        {
            long packed = reader.Read<long>(NpgsqlDbType.Bigint);
            string? item = reader.IsNull ? SkipNull(reader) : reader.Read<string>(NpgsqlDbType.Text);
            long id = reader.Read<long>(NpgsqlDbType.Bigint);
            long points = reader.Read<long>(NpgsqlDbType.Bigint);
            string? tier = reader.IsNull ? SkipNull(reader) : reader.Read<string>(NpgsqlDbType.Text);
            uint low = (uint)packed;
            sink.Add((int)(packed >> 32), item, (int)(low >> 1), id, points, tier, (low & 1) != 0);
        }
    }

    // The store types of the library's tables, each written by BulkInsertTests; a column of another type (an app's own
    // map) keeps its table on the INSERT statements.
    private static readonly HashSet<string> BulkStoreTypes = new(StringComparer.Ordinal)
        { "bigint", "integer", "boolean", "date", "text", "timestamp with time zone", "jsonb" };

    public override bool CanBulkInsert(IReadOnlyList<BulkColumn> columns) =>
        columns.All(c => BulkStoreTypes.Contains(c.Mapping.StoreType) && (!c.IsDocument || c.Mapping.StoreType is "jsonb" or "text"));

    // One binary COPY per table on the save's connection and transaction: COPY is all or nothing, and a unique
    // violation aborts it with 23505 like an INSERT. Values go with their column's store type (the data source knows
    // NodaTime's types); the document goes as its bytes in the column's binary form (jsonb: the version byte 1, then
    // the UTF-8 JSON; text: the UTF-8 JSON), written as bytea, whose binary form is the bytes themselves.
    public override async Task BulkInsertAsync(DbTransaction transaction, BulkRows rows, int? commandTimeout, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)transaction.Connection!;
        var columns = rows.Columns;
        string copy = $"COPY {Q(rows.Table)} ({string.Join(", ", columns.Select(c => Q(c.Name)))}) FROM STDIN (FORMAT binary)";
        var types = columns.Select(c => c.Mapping.StoreType).ToArray();
        bool jsonb = columns.Any(c => c.IsDocument && c.Mapping.StoreType == "jsonb");
        await using var import = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        if (commandTimeout is int seconds)
        {
            import.Timeout = TimeSpan.FromSeconds(seconds);
        }
        while (rows.MoveNext())
        {
            await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
            var values = rows.Values;
            for (int i = 0; i < values.Length; i++)
            {
                if (columns[i].IsDocument)
                {
                    await import.WriteAsync(jsonb ? rows.JsonbDocument : rows.Document, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                }
                else if (values[i] is { } value)
                {
                    await import.WriteAsync(value, types[i], cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await import.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string? SkipNull(NpgsqlBinaryExporter reader)
    {
        reader.Skip();
        return null;
    }

    private static string Q(string name) => "\"" + name + "\"";

    private static string Date(NodaTime.LocalDate date) => "DATE '" + NodaTime.Text.LocalDatePattern.Iso.Format(date) + "'";
}
