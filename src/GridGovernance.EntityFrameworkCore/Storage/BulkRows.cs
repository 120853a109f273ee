using System.Text.Json;
using GridGovernance.EntityFrameworkCore.Documents;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>A column of a bulk insert: its name, EF Core's type mapping, and whether it holds the aggregate's document.</summary>
internal sealed class BulkColumn(string name, RelationalTypeMapping mapping, bool nullable, bool isDocument)
{
    /// <summary>The column name (not delimited).</summary>
    public string Name { get; } = name;

    /// <summary>EF Core's mapping of the column (store type, converter).</summary>
    public RelationalTypeMapping Mapping { get; } = mapping;

    /// <summary>Whether the column allows null.</summary>
    public bool Nullable { get; } = nullable;

    /// <summary>Whether the column is the document: its value is then <see cref="BulkRows.Document"/>, UTF-8 JSON.</summary>
    public bool IsDocument { get; } = isDocument;

    /// <summary>The CLR type of the values handed to the database (after the mapping's converter), never <see cref="System.Nullable{T}"/>.</summary>
    public Type ProviderType { get; } = System.Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? mapping.ClrType)
        ?? mapping.Converter?.ProviderClrType ?? mapping.ClrType;
}

/// <summary>
/// The rows of one table for a bulk insert (<see cref="StoreProvider.BulkInsertAsync"/>), produced one at a time:
/// after <see cref="MoveNext"/>, <see cref="Values"/> holds the row's values as the database takes them (converted by
/// the columns' mappings; <see langword="null"/> for null), and the document column's value is
/// <see cref="Document"/> (the aggregate's document serialised as UTF-8, valid until the next row).
/// </summary>
internal sealed class BulkRows : IDisposable
{
    private readonly IEnumerator<object> items;
    private readonly Func<object, object?>[] getters;
    private readonly ByteBuffer buffer = new(4096);
    private readonly Utf8JsonWriter? writer;
    private int documentStart;

    public BulkRows(string table, IReadOnlyList<BulkColumn> columns, IReadOnlyList<Func<object, object?>> values, IEnumerable<object> items)
    {
        Table = table;
        Columns = columns;
        getters = [.. values];
        this.items = items.GetEnumerator();
        Values = new object?[columns.Count];
        if (columns.Any(c => c.IsDocument))
        {
            writer = new Utf8JsonWriter(buffer, AggregateDocument.WriterOptions);
        }
    }

    /// <summary>The table (not delimited).</summary>
    public string Table { get; }

    /// <summary>The columns, in the order of <see cref="Values"/>.</summary>
    public IReadOnlyList<BulkColumn> Columns { get; }

    /// <summary>The current row's values (the same array for every row).</summary>
    public object?[] Values { get; }

    /// <summary>How many rows were produced so far.</summary>
    public long Count { get; private set; }

    /// <summary>The current row's document as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Document => buffer.Slice(documentStart);

    /// <summary>
    /// The current row's document in PostgreSQL's binary <c>jsonb</c> form: the format version 1, then the UTF-8 JSON
    /// (the same bytes as <see cref="Document"/>, with the byte before them).
    /// </summary>
    public ReadOnlyMemory<byte> JsonbDocument => buffer.Slice(documentStart - 1);

    /// <summary>Moves to the next row; false after the last.</summary>
    public bool MoveNext()
    {
        if (!items.MoveNext())
        {
            return false;
        }
        var item = items.Current;
        for (int i = 0; i < getters.Length; i++)
        {
            if (Columns[i].IsDocument)
            {
                buffer.Clear();
                buffer.GetSpan(1)[0] = 1;
                buffer.Advance(1);
                documentStart = AggregateDocument.SerializeTo(buffer, item, writer!);
                Values[i] = null;
                continue;
            }
            Values[i] = getters[i](item) is var value && value is DBNull ? null : value;
        }
        Count++;
        return true;
    }

    /// <summary>Releases the JSON writer and the rows' enumerator.</summary>
    public void Dispose()
    {
        writer?.Dispose();
        items.Dispose();
    }
}
