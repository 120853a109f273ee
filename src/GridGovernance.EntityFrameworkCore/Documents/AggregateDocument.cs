using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GridGovernance.Persistence;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace GridGovernance.EntityFrameworkCore.Documents;

/// <summary>
/// An aggregate's document: its <see cref="StoredForm"/> as JSON, with the form's version first (<c>{"v":1,…}</c>).
/// Writing goes through the form (never the aggregate's fields); reading runs the form's upgrade steps on an older
/// document, refuses a newer one, and restores the aggregate through the form's checks.
/// </summary>
/// <remarks>
/// The JSON is System.Text.Json's (a source-generated context for the library's forms; reflection for an app's own
/// forms), with NodaTime's converters and enums as their names. A value the form requires and the document lacks is
/// an error naming it (<c>storage.stored-form-invalid</c>), never a silent default.
/// </remarks>
internal static class AggregateDocument
{
    private static readonly ConcurrentDictionary<Type, StoredForm> Custom = new();

    /// <summary>The JSON options of every document (NodaTime, enum names, required values and nullability enforced).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(StoredFormJsonContext.Default, new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(StoredValuesOnly),
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            // Documents are stored, not embedded in HTML: Chinese text stays as it is (a third of the bytes of \u escapes).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly();
        return options;
    }

    // A form's values are what it is built from: a computed property (Validity.IsOpen, an id's IsSpecified) is not stored.
    private static void StoredValuesOnly(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        for (int i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i] is { Set: null, AssociatedParameter: null })
            {
                type.Properties.RemoveAt(i);
            }
        }
    }

    /// <summary>Declares the stored form of an aggregate of an app's own (a type the library has no form for).</summary>
    public static void Register(StoredForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (StoredForms.For(form.AggregateType) is not null)
        {
            throw new NotSupportedException($"{form.AggregateType.Name} is one of the library's aggregates; its stored form is StoredForms.{form.AggregateType.Name} and cannot be replaced.");
        }
        Custom[form.AggregateType] = form;
    }

    /// <summary>The stored form of <paramref name="aggregateType"/>, or null when none is declared.</summary>
    public static StoredForm? FormOf(Type aggregateType) => StoredForms.For(aggregateType) ?? Custom.GetValueOrDefault(aggregateType);

    /// <summary>The stored form of <paramref name="aggregateType"/>; <see cref="NotSupportedException"/> naming the type when none is declared.</summary>
    public static StoredForm Form(Type aggregateType) =>
        FormOf(aggregateType)
        ?? throw new NotSupportedException(
            $"{aggregateType.Name} has no stored form: declare one with options.Map<{aggregateType.Name}>(m => m.StoredAs(new StoredForm<{aggregateType.Name}, TForm>(...))) (docs/storage.md).");

    /// <summary>The document of <paramref name="value"/> (an aggregate).</summary>
    public static string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var form = Form(value.GetType());
        var bytes = JsonSerializer.SerializeToUtf8Bytes(form.ToForm((IAggregateRoot)value), form.FormType, Options);
        // {"v":N, then the form's own properties (a form always has at least its id).
        var text = new StringBuilder(bytes.Length + 8).Append("{\"" + StoredForm.VersionProperty + "\":").Append(form.Version).Append(',');
        return text.Append(Encoding.UTF8.GetString(bytes, 1, bytes.Length - 1)).ToString();
    }

    /// <summary>
    /// The document of <paramref name="value"/> (an aggregate) as UTF-8, appended to <paramref name="buffer"/> through
    /// <paramref name="writer"/> (made with <see cref="WriterOptions"/>): the same bytes as <see cref="Serialize"/>'s
    /// text, without making a string (the bulk paths write bytes). Returns where the document starts in the buffer.
    /// </summary>
    public static int SerializeTo(ByteBuffer buffer, object value, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(writer);
        var form = Form(value.GetType());
        int start = buffer.Count;
        // {"v":N, then the form's own object, whose opening brace becomes the comma (a form always has at least its id).
        var head = buffer.GetSpan(24);
        "{\""u8.CopyTo(head);
        head[2] = (byte)StoredForm.VersionProperty[0];
        "\":"u8.CopyTo(head[3..]);
        System.Buffers.Text.Utf8Formatter.TryFormat(form.Version, head[5..], out int digits);
        buffer.Advance(5 + digits);
        int brace = buffer.Count;
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, form.ToForm((IAggregateRoot)value), form.FormType, Options);
        writer.Flush();
        buffer.Written[brace] = (byte)',';
        return start;
    }

    /// <summary>The document of <paramref name="value"/> (an aggregate) as UTF-8 bytes.</summary>
    public static byte[] SerializeToUtf8(object value)
    {
        var buffer = new ByteBuffer(256);
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        SerializeTo(buffer, value, writer);
        return buffer.Written.ToArray();
    }

    /// <summary>The options of a <see cref="Utf8JsonWriter"/> for <see cref="SerializeTo"/>: the documents' encoder, not indented.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false, SkipValidation = true };

    /// <summary>Reads a document back into a <paramref name="type"/> (its version is 0: the store keeps that apart).</summary>
    public static object Deserialize(Type type, string json)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(json);
        var form = Form(type);
        return form.Restore(ReadForm(form, json));
    }

    /// <summary>The form a document holds, upgraded to the current version.</summary>
    public static object ReadForm(StoredForm form, string json)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            if (IsCurrent(json, form.Version))
            {
                return JsonSerializer.Deserialize(json, form.FormType, Options) ?? throw Invalid(form, "the document is null");
            }
            var node = JsonNode.Parse(json) as JsonObject ?? throw Invalid(form, "the document is not a JSON object");
            var upgraded = form.Upgrade(node);
            upgraded.Remove(StoredForm.VersionProperty);
            return upgraded.Deserialize(form.FormType, Options) ?? throw Invalid(form, "the document is null");
        }
        catch (JsonException e)
        {
            throw Invalid(form, e.Message);
        }
    }

    // Whether the document starts with "v": the current version (PostgreSQL's jsonb puts the one-letter key first too).
    private static bool IsCurrent(string json, int version)
    {
        var head = json.AsSpan(0, Math.Min(json.Length, 48));
        Span<byte> bytes = stackalloc byte[head.Length * 3];
        int length = Encoding.UTF8.GetBytes(head, bytes);
        var reader = new Utf8JsonReader(bytes[..length], isFinalBlock: false, state: default);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(StoredForm.VersionProperty)
                && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int v) && v == version;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static GridGovernanceValidationException Invalid(StoredForm form, string message) =>
        new($"A stored {form.AggregateType.Name} document", [new ValidationProblem(form.FormType.Name, null, ErrorCodes.StoredFormInvalid, message)]);
}

/// <summary>The source-generated JSON metadata of the library's stored forms.</summary>
[JsonSerializable(typeof(OrgUnitStoredForm))]
[JsonSerializable(typeof(MemberStoredForm))]
[JsonSerializable(typeof(HouseholdStoredForm))]
[JsonSerializable(typeof(StationedUnitStoredForm))]
[JsonSerializable(typeof(ServiceProjectStoredForm))]
[JsonSerializable(typeof(NeedStoredForm))]
[JsonSerializable(typeof(MicroWishStoredForm))]
[JsonSerializable(typeof(ResourceListingStoredForm))]
[JsonSerializable(typeof(ContactLogStoredForm))]
[JsonSerializable(typeof(WorkOrderStoredForm))]
[JsonSerializable(typeof(LedgerEntryStoredForm))]
[JsonSerializable(typeof(PointsAccountStoredForm))]
[JsonSerializable(typeof(PointsAccountYearStoredForm))]
[JsonSerializable(typeof(RewardItemStoredForm))]
[JsonSerializable(typeof(PeriodPublicationStoredForm))]
[JsonSerializable(typeof(PublishedResultsStoredForm))]
[JsonSerializable(typeof(StoredRuleBookStoredForm))]
[JsonSerializable(typeof(UnitLedgerEntryStoredForm))]
[JsonSerializable(typeof(UnitPublicationStoredForm))]
internal sealed partial class StoredFormJsonContext : JsonSerializerContext;

/// <summary>A growable byte buffer whose written bytes stay writable (a document's brace becomes a comma) and reusable.</summary>
internal sealed class ByteBuffer(int capacity) : System.Buffers.IBufferWriter<byte>
{
    private byte[] array = new byte[Math.Max(16, capacity)];

    /// <summary>How many bytes are written.</summary>
    public int Count { get; private set; }

    /// <summary>The written bytes.</summary>
    public Span<byte> Written => array.AsSpan(0, Count);

    /// <summary>The written bytes from <paramref name="start"/>.</summary>
    public ReadOnlyMemory<byte> Slice(int start) => array.AsMemory(start, Count - start);

    /// <summary>Forgets what was written, keeping the memory.</summary>
    public void Clear() => Count = 0;

    /// <inheritdoc />
    public void Advance(int count) => Count += count;

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return array.AsMemory(Count);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return array.AsSpan(Count);
    }

    private void Ensure(int sizeHint)
    {
        int needed = Count + Math.Max(sizeHint, 1);
        if (needed > array.Length)
        {
            Array.Resize(ref array, Math.Max(needed, array.Length * 2));
        }
    }
}
