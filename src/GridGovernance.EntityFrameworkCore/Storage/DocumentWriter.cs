using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using GridGovernance.EntityFrameworkCore.Documents;
using GridGovernance.EntityFrameworkCore.Mapping;
using GridGovernance.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>
/// Writes one unit of work in one transaction: inserts (many rows a statement), version-checked updates and
/// deletes, and the child rows of mapped collections. Any failure rolls the whole transaction back and is then
/// explained as the library's storage errors (duplicate key, not found, concurrency conflict).
/// </summary>
internal sealed class DocumentWriter(GridGovernanceDbContext context, ConditionalWeakTable<IAggregateRoot, LoadedDocument>? loaded = null)
{
    // Parameters per multi-row insert. PostgreSQL takes up to 65,535 and gains from big statements (fewer round
    // trips). SQLite runs in process, and Microsoft.Data.Sqlite finds each parameter by name in a list, so a big
    // statement costs the square of its parameters: a few dozen rows a statement is fastest there.
    private const int MaxParametersPostgres = 30_000;
    private const int MaxParametersSqlite = 100;
    private const int MaxRowsPerInsert = 1_000;

    /// <summary>
    /// From this many consecutive adds of one type, a save writes them (and their child rows) through the provider's
    /// bulk insert: binary COPY on PostgreSQL, prepared multi-row inserts bound by position on SQLite. Below it the
    /// multi-row INSERT statements are as fast (on PostgreSQL 500 rows are one or two statements, while a COPY costs a
    /// round trip to start and one to finish, and a type look-up per column), and a small save, the common case, stays
    /// on the path every other write takes.
    /// </summary>
    public const int BulkThreshold = 500;

    private readonly Dictionary<string, TableWriter> tables = [];

    private readonly ConditionalWeakTable<IAggregateRoot, LoadedDocument>? loadedDocuments = loaded;

    // The documents written for aggregates with child tables, to diff their next update against.
    private readonly Dictionary<IAggregateRoot, string> written = new(ReferenceEqualityComparer.Instance);

    public async Task<int> WriteAsync(IReadOnlyList<StagedChange> changes, CancellationToken cancellationToken)
    {
        var database = context.Database;
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            StagedChange? failed;
            Exception? error = null;
            await using (var transaction = await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                var dbTransaction = transaction.GetDbTransaction();
                try
                {
                    failed = await WriteAllAsync(changes, dbTransaction, cancellationToken).ConfigureAwait(false);
                }
                catch (DbException e)
                {
                    (failed, error) = (current, e);
                }
                if (failed is null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            if (failed is not null)
            {
                var explained = await ExplainAsync(failed, error, currentChunk, cancellationToken).ConfigureAwait(false);
                if (explained == error)
                {
                    ExceptionDispatchInfo.Throw(error); // a database error we cannot explain, with its own stack trace
                }
                throw explained;
            }
            foreach (var change in changes)
            {
                if (change.Kind != ChangeKind.Delete)
                {
                    AggregateStoreSupport.SetVersion(change.Aggregate, change.Aggregate.Version + 1);
                    if (loadedDocuments is not null && written.TryGetValue(change.Aggregate, out var document))
                    {
                        loadedDocuments.AddOrUpdate(change.Aggregate, new LoadedDocument(document, change.Aggregate.Version));
                    }
                }
                else
                {
                    loadedDocuments?.Remove(change.Aggregate);
                }
            }
            return changes.Count;
        }
        finally
        {
            await database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private StagedChange? current;
    private IReadOnlyList<StagedChange> currentChunk = [];

    // Returns the change whose version check failed, or null when everything was written.
    private async Task<StagedChange?> WriteAllAsync(IReadOnlyList<StagedChange> changes, DbTransaction transaction, CancellationToken cancellationToken)
    {
        for (int i = 0; i < changes.Count;)
        {
            var change = changes[i];
            var table = TableFor(change.AggregateType);
            current = change;
            if (change.Kind == ChangeKind.Add)
            {
                // Consecutive adds of one type go in as multi-row inserts.
                int end = i;
                while (end < changes.Count && changes[end].Kind == ChangeKind.Add && changes[end].AggregateType == change.AggregateType)
                {
                    end++;
                }
                var adds = changes.Skip(i).Take(end - i).ToArray();
                currentChunk = adds;
                await table.InsertAsync(adds, transaction, cancellationToken).ConfigureAwait(false);
                i = end;
                continue;
            }
            if (!await table.UpdateOrDeleteAsync(change, transaction, cancellationToken).ConfigureAwait(false))
            {
                return change;
            }
            i++;
        }
        return null;
    }

    private async Task<Exception> ExplainAsync(StagedChange failed, Exception? error, IReadOnlyList<StagedChange> chunk, CancellationToken cancellationToken)
    {
        if (failed.Kind == ChangeKind.Add)
        {
            if (await FirstStoredAsync(chunk, cancellationToken).ConfigureAwait(false) is { } add)
            {
                return new GridGovernanceException(ErrorCodes.DuplicateKey,
                    $"{add.AggregateType.Name} {add.Aggregate.Id} is already stored; nothing was saved.");
            }
            if (IsUniqueViolation(error))
            {
                return new GridGovernanceException(ErrorCodes.DuplicateKey,
                    $"A {failed.AggregateType.Name} being added has the same value as a stored one in a unique column ({error!.Message.Trim()}); nothing was saved.");
            }
            return error!;
        }
        if (error is not null)
        {
            return IsUniqueViolation(error)
                ? new GridGovernanceException(ErrorCodes.DuplicateKey,
                    $"{failed.AggregateType.Name} {failed.Aggregate.Id} would take a value a stored one has in a unique column ({error.Message.Trim()}); nothing was saved.")
                : error;
        }
        return AggregateStoreSupport.VersionConflict(failed, await StoredVersionAsync(failed, cancellationToken).ConfigureAwait(false));
    }

    // The first add (in staging order) whose id is stored: one query per thousand ids for a big chunk of a
    // single-column key (a bulk insert of a million rows fails as one statement), one read per add otherwise.
    private async Task<StagedChange?> FirstStoredAsync(IReadOnlyList<StagedChange> chunk, CancellationToken cancellationToken)
    {
        var map = chunk.Count > 0 ? context.Store.For(chunk[0].AggregateType) : null;
        if (map is null || chunk.Count < 50 || map.KeyColumns.Count != 1 || chunk.Any(c => c.AggregateType != chunk[0].AggregateType))
        {
            foreach (var add in chunk)
            {
                if (await StoredVersionAsync(add, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return add;
                }
            }
            return null;
        }
        var table = TableFor(map.ClrType);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ids in chunk.Chunk(1_000))
        {
            foreach (var key in await table.StoredKeysAsync(ids, cancellationToken).ConfigureAwait(false))
            {
                stored.Add(key);
            }
        }
        return stored.Count == 0 ? null : chunk.FirstOrDefault(add => stored.Contains(table.KeyText(add.Aggregate)));
    }

    private async Task<long?> StoredVersionAsync(StagedChange change, CancellationToken cancellationToken)
    {
        var map = context.Store.For(change.AggregateType);
        var rows = new SpecificationTranslator(context, map).ById(context.Rows(map.Table), change.Aggregate.Id);
        return await rows.Select(r => (long?)EF.Property<long>(r, MappedAggregate.VersionColumn)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether adds of <paramref name="aggregateType"/> (and its child rows) can go through the provider's bulk insert.</summary>
    internal static bool CanBulkInsert(GridGovernanceDbContext context, Type aggregateType) => new DocumentWriter(context).TableFor(aggregateType).Bulk;

    private bool IsUniqueViolation(Exception? error) => context.Store.Provider.IsUniqueViolation(error);

    private TableWriter TableFor(Type aggregateType)
    {
        var map = context.Store.For(aggregateType);
        if (!tables.TryGetValue(map.Table, out var writer))
        {
            writer = new TableWriter(context, map, this);
            tables.Add(map.Table, writer);
        }
        return writer;
    }

    /// <summary>The statements of one aggregate table and its child tables.</summary>
    private sealed class TableWriter
    {
        private readonly GridGovernanceDbContext context;
        private readonly MappedAggregate map;
        private readonly ISqlGenerationHelper sql;
        private readonly Column[] keys;
        private readonly Column[] row;
        private readonly Child[] children;
        private readonly DocumentWriter owner;
        private readonly bool bulk;
        // The bulk insert's columns and value getters, of the aggregate's table and of each child table (as children).
        private readonly (BulkColumn[] Columns, Func<object, object?>[] Values) bulkRow;
        private readonly (BulkColumn[] Columns, Func<object, object?>[] Values)[] bulkChildren;

        public bool Bulk => bulk;

        public TableWriter(GridGovernanceDbContext context, MappedAggregate map, DocumentWriter owner)
        {
            this.context = context;
            this.map = map;
            this.owner = owner;
            sql = context.GetService<ISqlGenerationHelper>();
            var entity = context.Model.FindEntityType(map.Table)!;
            keys = [.. map.KeyColumns.Select(k => new Column(k.Name, entity.FindProperty(k.Name)!, a => k.StoredValue(a)))];
            row =
            [
                .. keys,
                new Column(MappedAggregate.VersionColumn, entity.FindProperty(MappedAggregate.VersionColumn)!, a => ((IAggregateRoot)a).Version + 1),
                new Column(MappedAggregate.DocumentColumn, entity.FindProperty(MappedAggregate.DocumentColumn)!, Document, isDocument: true),
                .. map.Columns.Select(c => new Column(c.Name, entity.FindProperty(c.Name)!, a => c.StoredValue(a))),
            ];
            children = [.. map.Collections.Select(c => new Child(c, context.Model.FindEntityType(map.ChildTable(c))!, map))];
            var provider = context.Store.Provider;
            bulkRow = (BulkColumns(row), BulkValues(row));
            bulkChildren = [.. children.Select(c => (BulkColumns(c.Row), BulkValues(c.Row)))];
            bulk = provider.CanBulkInsert(bulkRow.Columns) && bulkChildren.All(c => provider.CanBulkInsert(c.Columns));
        }

        private static BulkColumn[] BulkColumns(Column[] columns) =>
            [.. columns.Select(c => new BulkColumn(c.Name, c.Mapping, c.Nullable, c.IsDocument))];

        private static Func<object, object?>[] BulkValues(Column[] columns) => [.. columns.Select(c => (Func<object, object?>)(item => c.ProviderValue(c.Value(item))))];

        // Adds through the provider's bulk insert: the aggregate rows (documents serialised straight to UTF-8), then
        // each child table's rows; all on the save's transaction.
        private async Task BulkInsertAsync(IReadOnlyList<StagedChange> adds, DbTransaction transaction, CancellationToken cancellationToken)
        {
            var provider = context.Store.Provider;
            int? timeout = context.Database.GetCommandTimeout();
            using (var rows = new BulkRows(map.Table, bulkRow.Columns, bulkRow.Values, adds.Select(a => (object)a.Aggregate)))
            {
                await provider.BulkInsertAsync(transaction, rows, timeout, cancellationToken).ConfigureAwait(false);
            }
            for (int c = 0; c < children.Length; c++)
            {
                var child = children[c];
                using var rows = new BulkRows(map.ChildTable(child.Collection), bulkChildren[c].Columns, bulkChildren[c].Values, adds.SelectMany(a => child.RowsOf(a.Aggregate)));
                await provider.BulkInsertAsync(transaction, rows, timeout, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The key of an aggregate as text, to compare with <see cref="StoredKeysAsync"/> (a single-column key).</summary>
        public string KeyText(IAggregateRoot aggregate) => KeyText(keys[0].ProviderValue(keys[0].Value(aggregate)));

        private static string KeyText(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

        /// <summary>Which of the adds' ids are stored (a single-column key), as <see cref="KeyText(IAggregateRoot)"/>.</summary>
        public async Task<List<string>> StoredKeysAsync(IReadOnlyList<StagedChange> adds, CancellationToken cancellationToken)
        {
            var connection = context.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            if (context.Database.GetCommandTimeout() is int timeout)
            {
                command.CommandTimeout = timeout;
            }
            var text = new StringBuilder("SELECT ").Append(Name(keys[0].Name)).Append(" FROM ").Append(Name(map.Table)).Append(" WHERE ").Append(Name(keys[0].Name)).Append(" IN (");
            int n = 0;
            foreach (var add in adds)
            {
                text.Append(n == 0 ? "" : ", ").Append(Add(command, keys[0], keys[0].Value(add.Aggregate), ref n));
            }
            command.CommandText = text.Append(')').ToString();
            var found = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(KeyText(reader.GetValue(0)));
            }
            return found;
        }

        private string Document(object aggregate)
        {
            string document = AggregateDocument.Serialize(aggregate);
            if (map.Collections.Count > 0)
            {
                owner.written[(IAggregateRoot)aggregate] = document;
            }
            return document;
        }

        public async Task InsertAsync(IReadOnlyList<StagedChange> adds, DbTransaction transaction, CancellationToken cancellationToken)
        {
            if (bulk && adds.Count >= context.Store.BulkInsertThreshold)
            {
                await BulkInsertAsync(adds, transaction, cancellationToken).ConfigureAwait(false);
                return;
            }
            await InsertRowsAsync(map.Table, row, adds.Select(a => (object)a.Aggregate), transaction, cancellationToken).ConfigureAwait(false);
            foreach (var child in children)
            {
                await InsertRowsAsync(map.ChildTable(child.Collection), child.Row, adds.SelectMany(a => child.RowsOf(a.Aggregate)), transaction, cancellationToken).ConfigureAwait(false);
            }
        }

        // An update or a delete, only if the stored version is still the aggregate's; then its child rows.
        public async Task<bool> UpdateOrDeleteAsync(StagedChange change, DbTransaction transaction, CancellationToken cancellationToken)
        {
            bool update = change.Kind == ChangeKind.Update;
            await using (var command = Command(transaction))
            {
                var text = new StringBuilder(update ? "UPDATE " : "DELETE FROM ").Append(Name(map.Table));
                int n = 0;
                if (update)
                {
                    text.Append(" SET ");
                    foreach (var column in row.Skip(keys.Length))
                    {
                        text.Append(n == 0 ? "" : ", ").Append(Name(column.Name)).Append(" = ").Append(Add(command, column, column.Value(change.Aggregate), ref n));
                    }
                }
                AppendWhere(text, command, change, ref n);
                command.CommandText = text.ToString();
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    return false;
                }
            }
            if (children.Length == 0)
            {
                return true;
            }
            // An update of an aggregate read (or written) in this scope at this version writes the child rows that changed;
            // otherwise (or for a delete) the child rows are replaced.
            var before = update && owner.loadedDocuments is not null && owner.loadedDocuments.TryGetValue(change.Aggregate, out var stored) && stored.Version == change.Aggregate.Version
                ? (IAggregateRoot)AggregateDocument.Deserialize(change.AggregateType, stored.Document)
                : null;
            foreach (var child in children)
            {
                if (before is not null)
                {
                    await WriteChangedChildrenAsync(child, [.. child.RowsOf(before)], [.. child.RowsOf(change.Aggregate)], transaction, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                await DeleteChildrenAsync(child, change, transaction, cancellationToken).ConfigureAwait(false);
                if (update)
                {
                    await InsertRowsAsync(map.ChildTable(child.Collection), child.Row, child.RowsOf(change.Aggregate), transaction, cancellationToken).ConfigureAwait(false);
                }
            }
            return true;
        }

        // Rows are keyed by owner and position: a changed position is updated, a longer collection inserts its new tail,
        // a shorter one deletes its old tail in one statement.
        private async Task WriteChangedChildrenAsync(Child child, object[] before, object[] after, DbTransaction transaction, CancellationToken cancellationToken)
        {
            string table = map.ChildTable(child.Collection);
            int owners = keys.Length;
            for (int i = 0; i < Math.Min(before.Length, after.Length); i++)
            {
                if (child.Row.Skip(owners + 1).All(c => Equals(c.ProviderValue(c.Value(before[i])), c.ProviderValue(c.Value(after[i])))))
                {
                    continue;
                }
                await using var command = Command(transaction);
                var text = new StringBuilder("UPDATE ").Append(Name(table)).Append(" SET ");
                int n = 0;
                foreach (var column in child.Row.Skip(owners + 1))
                {
                    text.Append(n == 0 ? "" : ", ").Append(Name(column.Name)).Append(" = ").Append(Add(command, column, column.Value(after[i]), ref n));
                }
                AppendChildKey(text, command, child, after[i], ref n, ordinalFrom: false);
                command.CommandText = text.ToString();
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            if (after.Length > before.Length)
            {
                await InsertRowsAsync(table, child.Row, after.Skip(before.Length), transaction, cancellationToken).ConfigureAwait(false);
            }
            else if (before.Length > after.Length)
            {
                await using var command = Command(transaction);
                var text = new StringBuilder("DELETE FROM ").Append(Name(table));
                int n = 0;
                AppendChildKey(text, command, child, before[after.Length], ref n, ordinalFrom: true);
                command.CommandText = text.ToString();
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        // WHERE owner = … AND Ordinal = … (or >= …, for a tail).
        private void AppendChildKey(StringBuilder text, DbCommand command, Child child, object row, ref int n, bool ordinalFrom)
        {
            text.Append(" WHERE ");
            for (int i = 0; i <= keys.Length; i++)
            {
                var column = child.Row[i];
                text.Append(i == 0 ? "" : " AND ").Append(Name(column.Name)).Append(i == keys.Length && ordinalFrom ? " >= " : " = ")
                    .Append(Add(command, column, column.Value(row), ref n));
            }
        }

        private void AppendWhere(StringBuilder text, DbCommand command, StagedChange change, ref int n)
        {
            text.Append(" WHERE ");
            foreach (var key in keys)
            {
                text.Append(Name(key.Name)).Append(" = ").Append(Add(command, key, key.Value(change.Aggregate), ref n)).Append(" AND ");
            }
            var version = row[keys.Length];
            text.Append(Name(version.Name)).Append(" = ").Append(Add(command, version, change.Aggregate.Version, ref n));
        }

        private async Task DeleteChildrenAsync(Child child, StagedChange change, DbTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = Command(transaction);
            var text = new StringBuilder("DELETE FROM ").Append(Name(map.ChildTable(child.Collection))).Append(" WHERE ");
            int n = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                var owner = child.Row[i];
                text.Append(i == 0 ? "" : " AND ").Append(Name(owner.Name)).Append(" = ").Append(Add(command, owner, keys[i].Value(change.Aggregate), ref n));
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task InsertRowsAsync(string table, Column[] columns, IEnumerable<object> items, DbTransaction transaction, CancellationToken cancellationToken)
        {
            int maxParameters = context.Store.Database == DatabaseKind.Sqlite ? MaxParametersSqlite : MaxParametersPostgres;
            int perStatement = Math.Max(1, Math.Min(MaxRowsPerInsert, maxParameters / columns.Length));
            string head = $"INSERT INTO {Name(table)} ({string.Join(", ", columns.Select(c => Name(c.Name)))}) VALUES ";
            // Full chunks reuse one prepared statement and only change its parameter values.
            DbCommand? full = null;
            try
            {
                foreach (var chunk in items.Chunk(perStatement))
                {
                    if (full is not null && chunk.Length == perStatement)
                    {
                        int p = 0;
                        foreach (var item in chunk)
                        {
                            foreach (var column in columns)
                            {
                                full.Parameters[p++].Value = column.ProviderValue(column.Value(item));
                            }
                        }
                        await full.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    var command = Command(transaction);
                    var text = new StringBuilder(head, head.Length + chunk.Length * columns.Length * 8);
                    int n = 0;
                    for (int r = 0; r < chunk.Length; r++)
                    {
                        text.Append(r == 0 ? "(" : ", (");
                        for (int c = 0; c < columns.Length; c++)
                        {
                            text.Append(c == 0 ? "" : ", ").Append(Add(command, columns[c], columns[c].Value(chunk[r]), ref n));
                        }
                        text.Append(')');
                    }
                    command.CommandText = text.ToString();
                    if (chunk.Length == perStatement)
                    {
                        full = command;
                        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    await using (command)
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        private DbCommand Command(DbTransaction transaction)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            if (context.Database.GetCommandTimeout() is int timeout)
            {
                command.CommandTimeout = timeout;
            }
            return command;
        }

        private static string Add(DbCommand command, Column column, object? value, ref int n)
        {
            string name = "@p" + n++;
            command.Parameters.Add(column.Mapping.CreateParameter(command, name, value, column.Nullable));
            return name;
        }

        private string Name(string name) => sql.DelimitIdentifier(name);
    }

    /// <summary>A column written from a root object (an aggregate, or a collection element row).</summary>
    private sealed class Column(string name, IProperty property, Func<object, object?> value, bool isDocument = false)
    {
        public string Name { get; } = name;

        /// <summary>Whether the column is the aggregate's document (serialised by the bulk path itself).</summary>
        public bool IsDocument { get; } = isDocument;

        public RelationalTypeMapping Mapping { get; } = (RelationalTypeMapping)property.GetRelationalTypeMapping();

        public bool Nullable { get; } = property.IsNullable;

        public Func<object, object?> Value { get; } = value;

        // What CreateParameter would store: the converted value, or DBNull.
        public object ProviderValue(object? value) =>
            (value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
    }

    /// <summary>A mapped collection's child table: owner key, position, element columns.</summary>
    private sealed class Child
    {
        public Child(MappedCollection collection, IEntityType entity, MappedAggregate map)
        {
            Collection = collection;
            var owner = map.KeyColumns.Select((k, i) => new Column(
                MappedAggregate.OwnerPrefix + k.Name, entity.FindProperty(MappedAggregate.OwnerPrefix + k.Name)!, e => ((ElementRow)e).Key[i]));
            Row =
            [
                .. owner,
                new Column(MappedAggregate.OrdinalColumn, entity.FindProperty(MappedAggregate.OrdinalColumn)!, e => ((ElementRow)e).Ordinal),
                .. collection.Columns.Select(c => new Column(c.Name, entity.FindProperty(c.Name)!, e => c.StoredValue(((ElementRow)e).Element))),
            ];
            Keys = map.KeyColumns;
        }

        public MappedCollection Collection { get; }

        public Column[] Row { get; }

        private IReadOnlyList<MappedColumn> Keys { get; }

        public IEnumerable<object> RowsOf(IAggregateRoot aggregate)
        {
            object?[] key = [.. Keys.Select(k => k.StoredValue(aggregate))];
            int ordinal = 0;
            foreach (var element in Collection.Getter(aggregate) ?? Array.Empty<object>())
            {
                yield return new ElementRow(key, ordinal++, element!);
            }
        }
    }

    private sealed record ElementRow(object?[] Key, int Ordinal, object Element);
}
