using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace GridGovernance.EntityFrameworkCore.Documents;

/// <summary>
/// Writes an aggregate's whole state as one JSON document and reads it back, field by field, so that the store
/// needs no per-aggregate mapping code: the library's aggregates keep their state in immutable values (numbers,
/// strings, enums, NodaTime values, records and readonly structs of those, <see cref="Timeline{T}"/> and the
/// <c>System.Collections.Immutable</c> collections), and that is exactly what this serialiser understands.
/// </summary>
/// <remarks>
/// Objects are read without running their constructors (the stored state was valid when it was written).
/// A struct with a single field is written as that field's value (<c>"Id": 12</c>). Fields that are not in a
/// document keep their default, so an aggregate can gain a field without a data migration. Domain events are not
/// stored. A field of a type this serialiser cannot round-trip exactly (an interface, a delegate, a mutable
/// collection, a subclass of the declared type) throws <see cref="NotSupportedException"/> naming the field.
/// </remarks>
internal static class AggregateDocument
{
    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = true };

    /// <summary>The JSON document of <paramref name="value"/>.</summary>
    public static string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = new ArrayBufferWriterCache();
        using (var writer = new Utf8JsonWriter(buffer.Writer, WriterOptions))
        {
            ShapeOf(value.GetType()).Write(writer, value);
        }
        return Encoding.UTF8.GetString(buffer.Writer.WrittenSpan);
    }

    /// <summary>Reads a document written by <see cref="Serialize"/> back into a <paramref name="type"/>.</summary>
    public static object Deserialize(Type type, string json)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return ShapeOf(type).Read(document.RootElement)
               ?? throw new InvalidOperationException($"The stored {type.Name} document is null.");
    }

    /// <summary>Checks that every field reachable from <paramref name="type"/> can be stored; throws <see cref="NotSupportedException"/> otherwise.</summary>
    public static void CheckSupported(Type type) => ShapeOf(type);

    // Shapes are built under one lock and published together when the outermost build ends: a shape that refers to itself
    // (through a collection) sees its own forwarder while it is built, but no other thread ever sees a shape whose
    // fields are not read yet (it would write "{}").
    private static readonly Lock BuildLock = new();

    [ThreadStatic]
    private static Dictionary<Type, Shape>? building;

    private static Shape ShapeOf(Type type) =>
        Shapes.TryGetValue(type, out var shape) ? shape
        : building is not null && building.TryGetValue(type, out shape) ? shape
        : Create(type);

    private static Shape Create(Type type)
    {
        lock (BuildLock)
        {
            if (Shapes.TryGetValue(type, out var published))
            {
                return published;
            }
            bool outermost = building is null;
            building ??= [];
            try
            {
                Shape shape;
                if (IsObject(type))
                {
                    var created = new ObjectShape(type);
                    building[type] = created;
                    created.Initialise();
                    shape = created;
                }
                else
                {
                    shape = CreateLeaf(type);
                    building[type] = shape;
                }
                if (outermost)
                {
                    foreach (var (built, builtShape) in building)
                    {
                        Shapes.TryAdd(built, builtShape);
                    }
                }
                return shape;
            }
            finally
            {
                if (outermost)
                {
                    building = null;
                }
            }
        }
    }

    private static bool IsObject(Type type) =>
        !type.IsPrimitive && !type.IsEnum && !type.IsInterface && !type.IsAbstract && !type.IsArray && !type.IsPointer
        && !typeof(Delegate).IsAssignableFrom(type)
        && type.Namespace is { } ns && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("NodaTime", StringComparison.Ordinal)
        && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Timeline<>));

    private static Shape CreateLeaf(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return new NullableShape(ShapeOf(underlying));
        }
        if (type.IsEnum)
        {
            return new EnumShape(type);
        }
        if (Scalars.TryGetValue(type, out var scalar))
        {
            return scalar;
        }
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(Timeline<>))
            {
                return (Shape)Activator.CreateInstance(typeof(TimelineShape<>).MakeGenericType(arguments))!;
            }
            if (definition == typeof(ImmutableArray<>) || definition == typeof(ImmutableList<>)
                || definition == typeof(ImmutableHashSet<>) || definition == typeof(ImmutableSortedSet<>))
            {
                return (Shape)Activator.CreateInstance(typeof(SequenceShape<,>).MakeGenericType(type, arguments[0]))!;
            }
            if (definition == typeof(ImmutableDictionary<,>) || definition == typeof(ImmutableSortedDictionary<,>))
            {
                return (Shape)Activator.CreateInstance(typeof(DictionaryShape<,,>).MakeGenericType(type, arguments[0], arguments[1]))!;
            }
        }
        throw new NotSupportedException(
            $"{type} cannot be stored in an aggregate document. Keep aggregate state in numbers, strings, enums, NodaTime values, "
            + "records and structs of those, Timeline<T> and System.Collections.Immutable collections.");
    }

    private abstract class Shape
    {
        public abstract void Write(Utf8JsonWriter writer, object? value);

        public abstract object? Read(JsonElement element);
    }

    private sealed class ScalarShape<T>(Action<Utf8JsonWriter, T> write, Func<JsonElement, T> read) : Shape
    {
        public override void Write(Utf8JsonWriter writer, object? value) => write(writer, (T)value!);

        public override object? Read(JsonElement element) => read(element);
    }

    private static readonly Dictionary<Type, Shape> Scalars = new()
    {
        [typeof(bool)] = new ScalarShape<bool>((w, v) => w.WriteBooleanValue(v), e => e.GetBoolean()),
        [typeof(byte)] = new ScalarShape<byte>((w, v) => w.WriteNumberValue(v), e => e.GetByte()),
        [typeof(short)] = new ScalarShape<short>((w, v) => w.WriteNumberValue(v), e => e.GetInt16()),
        [typeof(int)] = new ScalarShape<int>((w, v) => w.WriteNumberValue(v), e => e.GetInt32()),
        [typeof(long)] = new ScalarShape<long>((w, v) => w.WriteNumberValue(v), e => e.GetInt64()),
        [typeof(uint)] = new ScalarShape<uint>((w, v) => w.WriteNumberValue(v), e => e.GetUInt32()),
        [typeof(ulong)] = new ScalarShape<ulong>((w, v) => w.WriteNumberValue(v), e => e.GetUInt64()),
        [typeof(double)] = new ScalarShape<double>((w, v) => w.WriteNumberValue(v), e => e.GetDouble()),
        [typeof(float)] = new ScalarShape<float>((w, v) => w.WriteNumberValue(v), e => e.GetSingle()),
        [typeof(decimal)] = new ScalarShape<decimal>((w, v) => w.WriteNumberValue(v), e => e.GetDecimal()),
        [typeof(char)] = new ScalarShape<char>((w, v) => w.WriteStringValue(v.ToString()), e => e.GetString()![0]),
        [typeof(string)] = new ScalarShape<string?>((w, v) => { if (v is null) w.WriteNullValue(); else w.WriteStringValue(v); }, e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()),
        [typeof(Guid)] = new ScalarShape<Guid>((w, v) => w.WriteStringValue(v), e => e.GetGuid()),
        [typeof(LocalDate)] = new ScalarShape<LocalDate>((w, v) => w.WriteStringValue(LocalDatePattern.Iso.Format(v)), e => ReadDate(e.GetString()!)),
        [typeof(LocalTime)] = Text(LocalTimePattern.ExtendedIso),
        [typeof(LocalDateTime)] = Text(LocalDateTimePattern.ExtendedIso),
        [typeof(Instant)] = Text(InstantPattern.ExtendedIso),
        [typeof(Duration)] = Text(DurationPattern.Roundtrip),
        [typeof(Period)] = Text(PeriodPattern.Roundtrip),
        [typeof(Offset)] = Text(OffsetPattern.GeneralInvariant),
        [typeof(YearMonth)] = Text(YearMonthPattern.Iso),
        [typeof(AnnualDate)] = Text(AnnualDatePattern.Iso),
        [typeof(DateInterval)] = new ScalarShape<DateInterval?>(
            (w, v) =>
            {
                if (v is null)
                {
                    w.WriteNullValue();
                    return;
                }
                w.WriteStartArray();
                w.WriteStringValue(LocalDatePattern.Iso.Format(v.Start));
                w.WriteStringValue(LocalDatePattern.Iso.Format(v.End));
                w.WriteEndArray();
            },
            e => e.ValueKind == JsonValueKind.Null ? null
                : new DateInterval(LocalDatePattern.Iso.Parse(e[0].GetString()!).Value, LocalDatePattern.Iso.Parse(e[1].GetString()!).Value)),
        [typeof(DateTimeZone)] = new ScalarShape<DateTimeZone?>(
            (w, v) => { if (v is null) w.WriteNullValue(); else w.WriteStringValue(v.Id); },
            e => e.ValueKind == JsonValueKind.Null ? null : DateTimeZoneProviders.Tzdb[e.GetString()!]),
    };

    // The ISO form this serialiser writes, read without the general pattern parser; anything else goes through it.
    private static LocalDate ReadDate(string text)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int year)
            && int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int month)
            && int.TryParse(text.AsSpan(8, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int day))
        {
            return new LocalDate(year, month, day);
        }
        return LocalDatePattern.Iso.Parse(text).Value;
    }

    private static Shape Text<T>(IPattern<T> pattern) =>
        new ScalarShape<T>((w, v) => w.WriteStringValue(pattern.Format(v)), e => pattern.Parse(e.GetString()!).Value);

    private sealed class EnumShape(Type type) : Shape
    {
        private readonly ConcurrentDictionary<string, object> byName = new(StringComparer.Ordinal);

        public override void Write(Utf8JsonWriter writer, object? value) => writer.WriteStringValue(value!.ToString());

        public override object? Read(JsonElement element) => byName.GetOrAdd(element.GetString()!, name => Enum.Parse(type, name));
    }

    private sealed class NullableShape(Shape inner) : Shape
    {
        public override void Write(Utf8JsonWriter writer, object? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                inner.Write(writer, value);
            }
        }

        public override object? Read(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : inner.Read(element);
    }

    private sealed class SequenceShape<TCollection, TElement> : Shape
        where TCollection : IEnumerable<TElement>
    {
        private readonly Shape element = ShapeOf(typeof(TElement));

        public override void Write(Utf8JsonWriter writer, object? value)
        {
            if (value is null || (value is ImmutableArray<TElement> array && array.IsDefault))
            {
                writer.WriteNullValue();
                return;
            }
            writer.WriteStartArray();
            foreach (var item in (TCollection)value)
            {
                element.Write(writer, item);
            }
            writer.WriteEndArray();
        }

        public override object? Read(JsonElement json)
        {
            if (json.ValueKind == JsonValueKind.Null)
            {
                return typeof(TCollection) == typeof(ImmutableArray<TElement>) ? default(ImmutableArray<TElement>) : null;
            }
            var builder = ImmutableArray.CreateBuilder<TElement>(json.GetArrayLength());
            foreach (var item in json.EnumerateArray())
            {
                builder.Add((TElement)element.Read(item)!);
            }
            var items = builder.MoveToImmutable();
            object result = typeof(TCollection) switch
            {
                var t when t == typeof(ImmutableArray<TElement>) => items,
                var t when t == typeof(ImmutableList<TElement>) => ImmutableList.CreateRange(items),
                var t when t == typeof(ImmutableHashSet<TElement>) => ImmutableHashSet.CreateRange(items),
                _ => ImmutableSortedSet.CreateRange(items),
            };
            return result;
        }
    }

    private sealed class DictionaryShape<TDictionary, TKey, TValue> : Shape
        where TDictionary : IEnumerable<KeyValuePair<TKey, TValue>>
        where TKey : notnull
    {
        private readonly Shape key = ShapeOf(typeof(TKey));
        private readonly Shape value = ShapeOf(typeof(TValue));

        public override void Write(Utf8JsonWriter writer, object? dictionary)
        {
            if (dictionary is null)
            {
                writer.WriteNullValue();
                return;
            }
            writer.WriteStartArray();
            foreach (var pair in (TDictionary)dictionary)
            {
                writer.WriteStartArray();
                key.Write(writer, pair.Key);
                value.Write(writer, pair.Value);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }

        public override object? Read(JsonElement json)
        {
            if (json.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var pairs = json.EnumerateArray().Select(p => KeyValuePair.Create((TKey)key.Read(p[0])!, (TValue)value.Read(p[1])!));
            return typeof(TDictionary) == typeof(ImmutableDictionary<TKey, TValue>)
                ? ImmutableDictionary.CreateRange(pairs)
                : ImmutableSortedDictionary.CreateRange(pairs);
        }
    }

    private sealed class TimelineShape<T> : Shape
    {
        private readonly Shape segments = ShapeOf(typeof(ImmutableArray<Segment<T>>));

        public override void Write(Utf8JsonWriter writer, object? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }
            segments.Write(writer, ((Timeline<T>)value).Segments);
        }

        public override object? Read(JsonElement element) =>
            element.ValueKind == JsonValueKind.Null ? null : Timeline<T>.FromSegments((ImmutableArray<Segment<T>>)segments.Read(element)!);
    }

    private sealed class ObjectShape(Type type) : Shape
    {
        private StoredField[] fields = [];
        private JsonEncodedText[] names = [];
        private Dictionary<string, StoredField> byName = [];
        private (FieldInfo Field, object? Empty)[] empties = [];

        private static IEnumerable<FieldInfo> AllFields(Type type)
        {
            for (var current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
            {
                foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    yield return field;
                }
            }
        }

        // A struct with one field is written as that field's value.
        private bool IsWrapper => type.IsValueType && fields.Length == 1;

        public void Initialise()
        {
            var list = new List<StoredField>();
            foreach (var field in AllFields(type))
            {
                {
                    if (IsDomainEvents(field) || IsVersion(field) || field.IsDefined(typeof(NonSerializedAttribute), inherit: false))
                    {
                        continue;
                    }
                    string name = NameOf(field);
                    if (list.Any(f => f.Name == name))
                    {
                        name = field.DeclaringType!.Name + "." + name;
                    }
                    Shape shape;
                    try
                    {
                        shape = ShapeOf(field.FieldType);
                    }
                    catch (NotSupportedException e)
                    {
                        throw new NotSupportedException($"{type.Name}.{name} ({field.FieldType.Name}) cannot be stored: {e.Message}", e);
                    }
                    list.Add(new StoredField(field, name, shape));
                }
            }
            fields = [.. list];
            empties = [.. AllFields(type)
                .Where(f => f.FieldType.IsGenericType && f.FieldType.Namespace == "System.Collections.Immutable" && f.FieldType.GetField("Empty") is not null)
                .Select(f => (f, f.FieldType.GetField("Empty")!.GetValue(null)))];
            names = [.. fields.Select(f => JsonEncodedText.Encode(f.Name))];
            byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        }

        public override void Write(Utf8JsonWriter writer, object? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }
            if (value.GetType() != type)
            {
                throw new NotSupportedException($"A {value.GetType().Name} is held where a {type.Name} is declared; an aggregate document stores declared types only.");
            }
            if (IsWrapper)
            {
                fields[0].Shape.Write(writer, fields[0].Get(value));
                return;
            }
            writer.WriteStartObject();
            for (int i = 0; i < fields.Length; i++)
            {
                writer.WritePropertyName(names[i]);
                fields[i].Shape.Write(writer, fields[i].Get(value));
            }
            writer.WriteEndObject();
        }

        public override object? Read(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            object instance = RuntimeHelpers.GetUninitializedObject(type);
            if (IsWrapper)
            {
                fields[0].Set(instance, fields[0].Shape.Read(element));
                return instance;
            }
            foreach (var property in element.EnumerateObject())
            {
                if (byName.TryGetValue(property.Name, out var field))
                {
                    field.Set(instance, field.Shape.Read(property.Value));
                }
            }
            // Collections not in the document (domain events; a field a newer version of the type added) read as empty.
            foreach (var (field, empty) in empties)
            {
                if (!element.TryGetProperty(NameOf(field), out _))
                {
                    field.SetValue(instance, empty);
                }
            }
            return instance;
        }

        private static bool IsDomainEvents(FieldInfo field) =>
            field.DeclaringType is { IsGenericType: true } declaring && declaring.GetGenericTypeDefinition() == typeof(AggregateRoot<>)
            && field.FieldType == typeof(ImmutableList<IDomainEvent>);

        // The version lives in its own column.
        private static bool IsVersion(FieldInfo field) =>
            field.DeclaringType is { IsGenericType: true } declaring && declaring.GetGenericTypeDefinition() == typeof(AggregateRoot<>)
            && field.Name == "<Version>k__BackingField";

        private static string NameOf(FieldInfo field)
        {
            string name = field.Name;
            if (name.StartsWith('<') && name.IndexOf(">k__BackingField", StringComparison.Ordinal) is int end and > 0)
            {
                return name[1..end];
            }
            return name;
        }
    }

    /// <summary>A stored field with a compiled getter and setter (a readonly field too: objects are read without constructors).</summary>
    private sealed class StoredField(FieldInfo field, string name, Shape shape)
    {
        public FieldInfo Field { get; } = field;

        public string Name { get; } = name;

        public Shape Shape { get; } = shape;

        public Func<object, object?> Get { get; } = CompileGetter(field);

        public Action<object, object?> Set { get; } = CompileSetter(field);

        private static Func<object, object?> CompileGetter(FieldInfo field)
        {
            var method = new DynamicMethod("get_" + field.Name, typeof(object), [typeof(object)], field.DeclaringType!.Module, skipVisibility: true);
            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(field.DeclaringType.IsValueType ? OpCodes.Unbox : OpCodes.Castclass, field.DeclaringType);
            il.Emit(OpCodes.Ldfld, field);
            if (field.FieldType.IsValueType)
            {
                il.Emit(OpCodes.Box, field.FieldType);
            }
            il.Emit(OpCodes.Ret);
            return method.CreateDelegate<Func<object, object?>>();
        }

        private static Action<object, object?> CompileSetter(FieldInfo field)
        {
            var method = new DynamicMethod("set_" + field.Name, null, [typeof(object), typeof(object)], field.DeclaringType!.Module, skipVisibility: true);
            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            // A struct is set inside its box, which the caller keeps.
            il.Emit(field.DeclaringType.IsValueType ? OpCodes.Unbox : OpCodes.Castclass, field.DeclaringType);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(field.FieldType.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, field.FieldType);
            il.Emit(OpCodes.Stfld, field);
            il.Emit(OpCodes.Ret);
            return method.CreateDelegate<Action<object, object?>>();
        }
    }

    private sealed class ArrayBufferWriterCache
    {
        [ThreadStatic]
        private static System.Buffers.ArrayBufferWriter<byte>? cached;

        public ArrayBufferWriterCache()
        {
            Writer = cached ??= new System.Buffers.ArrayBufferWriter<byte>(1024);
            Writer.ResetWrittenCount();
        }

        public System.Buffers.ArrayBufferWriter<byte> Writer { get; }
    }
}
