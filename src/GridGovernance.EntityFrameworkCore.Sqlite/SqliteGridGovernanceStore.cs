using System.Data.Common;
using GridGovernance.EntityFrameworkCore.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Microsoft.EntityFrameworkCore;
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
    // A statement on the connection's own sqlite3 handle (in the connection's transaction, if it has one), read column
    // by column with the raw API: Microsoft.Data.Sqlite's reader costs several times SQLite's own work per value, and
    // the item code is looked up from its UTF-8 bytes, so a code seen before makes no string (docs/benchmarks.md).
    public override Task ReadLedgerAsync(GridGovernanceDbContext context, LedgerExportQuery query, LedgerRowSink sink, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        var db = connection.Handle ?? throw new InvalidOperationException("The store's SQLite connection is not open.");
        string sql = $"SELECT {Q(LedgerExportQuery.Member)}, {Q(LedgerExportQuery.ItemCode)}, "
            + $"CAST(julianday({Q(LedgerExportQuery.OccurredOn)}) - julianday(?1) AS INTEGER), {Q(LedgerExportQuery.Id)}, "
            + $"{Q(LedgerExportQuery.Points)}, {Q(LedgerExportQuery.Tier)}, {Q(LedgerExportQuery.AfterReminder)} FROM {Q(query.Table)} "
            + $"WHERE {Q(LedgerExportQuery.RuleBookId)} = ?3 AND {Q(LedgerExportQuery.Status)} = ?4 AND {Q(LedgerExportQuery.ReversalOf)} IS NULL "
            + $"AND {Q(LedgerExportQuery.OccurredOn)} >= ?1 AND {Q(LedgerExportQuery.OccurredOn)} <= ?2";
        var statement = Prepare(db, sql);
        try
        {
            Check(db, raw.sqlite3_bind_text(statement, 1, NodaTime.Text.LocalDatePattern.Iso.Format(query.Start)));
            Check(db, raw.sqlite3_bind_text(statement, 2, NodaTime.Text.LocalDatePattern.Iso.Format(query.End)));
            Check(db, raw.sqlite3_bind_text(statement, 3, query.RuleBookIdValue));
            Check(db, raw.sqlite3_bind_int64(statement, 4, LedgerExportQuery.Approved));
            int rc;
            for (long row = 0; (rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW; row++)
            {
                if ((row & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                bool hasItem = raw.sqlite3_column_type(statement, 1) != raw.SQLITE_NULL;
                string? tier = raw.sqlite3_column_type(statement, 5) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(statement, 5).utf8_to_string();
                sink.Add(raw.sqlite3_column_int(statement, 0), hasItem, raw.sqlite3_column_blob(statement, 1), raw.sqlite3_column_int(statement, 2),
                    raw.sqlite3_column_int64(statement, 3), raw.sqlite3_column_int64(statement, 4), tier, raw.sqlite3_column_int(statement, 6) != 0);
            }
            Check(db, rc);
        }
        finally
        {
            raw.sqlite3_finalize(statement);
        }
        return Task.CompletedTask;
    }

    // Rows a bulk statement inserts: enough to make the per-statement cost small, few enough that a statement of a
    // wide table stays far under SQLite's 32,766 variables. Values are bound by position on the raw statement, so the
    // parameter count costs nothing (Microsoft.Data.Sqlite's named parameters cost the square of their number).
    private const int BulkRowsPerStatement = 64;

    private static readonly HashSet<Type> BulkTypes =
        [typeof(long), typeof(int), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(float), typeof(string), typeof(byte[])];

    public override bool CanBulkInsert(IReadOnlyList<BulkColumn> columns) => columns.All(c => c.IsDocument || BulkTypes.Contains(c.ProviderType));

    // Prepared multi-row INSERTs on the connection's own sqlite3 handle, reused for every full batch, values bound by
    // position (the documents as UTF-8 text straight from a buffer); the last rows go in one statement of their number.
    // The save's transaction is the connection's, so these statements are inside it.
    public override Task BulkInsertAsync(DbTransaction transaction, BulkRows rows, int? commandTimeout, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)transaction.Connection!;
        var db = connection.Handle!;
        int width = rows.Columns.Count;
        string head = $"INSERT INTO {Q(rows.Table)} ({string.Join(", ", rows.Columns.Select(c => Q(c.Name)))}) VALUES ";
        string one = "(" + string.Join(", ", Enumerable.Repeat("?", width)) + ")";
        var values = new object?[BulkRowsPerStatement * width];
        var documents = new Documents.ByteBuffer(64 * 1024);
        var documentAt = new int[BulkRowsPerStatement + 1];
        sqlite3_stmt? batch = null;
        try
        {
            int count = 0;
            while (rows.MoveNext())
            {
                rows.Values.CopyTo(values, count * width);
                rows.Document.Span.CopyTo(documents.GetSpan(rows.Document.Length));
                documents.Advance(rows.Document.Length);
                documentAt[++count] = documents.Count;
                if (count == BulkRowsPerStatement)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    batch ??= Prepare(db, head + string.Join(", ", Enumerable.Repeat(one, BulkRowsPerStatement)));
                    Execute(db, batch, rows, values, documents, documentAt, count);
                    count = 0;
                    documents.Clear();
                }
            }
            if (count > 0)
            {
                using var tail = Prepare(db, head + string.Join(", ", Enumerable.Repeat(one, count)));
                Execute(db, tail, rows, values, documents, documentAt, count);
            }
        }
        finally
        {
            batch?.Dispose();
        }
        return Task.CompletedTask;
    }

    private static void Execute(sqlite3 db, sqlite3_stmt statement, BulkRows rows, object?[] values, Documents.ByteBuffer documents, int[] documentAt, int count)
    {
        var columns = rows.Columns;
        int width = columns.Count;
        for (int r = 0; r < count; r++)
        {
            for (int c = 0; c < width; c++)
            {
                int index = r * width + c + 1;
                int rc = columns[c].IsDocument
                    ? raw.sqlite3_bind_text(statement, index, documents.Written[documentAt[r]..documentAt[r + 1]])
                    : values[r * width + c] switch
                    {
                        null => raw.sqlite3_bind_null(statement, index),
                        long v => raw.sqlite3_bind_int64(statement, index, v),
                        int v => raw.sqlite3_bind_int64(statement, index, v),
                        short v => raw.sqlite3_bind_int64(statement, index, v),
                        byte v => raw.sqlite3_bind_int64(statement, index, v),
                        bool v => raw.sqlite3_bind_int64(statement, index, v ? 1 : 0),
                        double v => raw.sqlite3_bind_double(statement, index, v),
                        float v => raw.sqlite3_bind_double(statement, index, v),
                        string v => raw.sqlite3_bind_text(statement, index, v),
                        byte[] v => raw.sqlite3_bind_blob(statement, index, v),
                        var other => throw new NotSupportedException($"A bulk insert into {rows.Table} cannot bind a {other.GetType().Name}."),
                    };
                Check(db, rc);
            }
        }
        int step = raw.sqlite3_step(statement);
        if (step != raw.SQLITE_DONE)
        {
            Check(db, step); // before the reset, so that the error is this statement's (a unique violation: SQLITE_CONSTRAINT_*)
        }
        raw.sqlite3_reset(statement);
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private static string Q(string name) => "\"" + name + "\"";
}
