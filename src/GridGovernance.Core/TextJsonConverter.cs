using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridGovernance;

/// <summary>
/// Reads and writes a value that is a code in JSON as a string in its text form (<see cref="ISpanFormattable"/> with
/// the invariant culture out, <see cref="ISpanParsable{TSelf}"/> in), also as a dictionary key: unit kinds
/// (<c>"grid-branch"</c>), roles (<c>"group-leader"</c>) and capabilities (<c>"points.review"</c>). Anything but a
/// string the type can read is a <see cref="JsonException"/> naming the type.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
[Immutable]
public sealed class TextJsonConverter<T> : JsonConverter<T>
    where T : struct, ISpanParsable<T>, ISpanFormattable
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {typeof(T).Name} is written as a string, not {reader.TokenType}.");
        }
        return FromText(reader.GetString());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(null, CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FromText(reader.GetString());

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString(null, CultureInfo.InvariantCulture));
    }

    private static T FromText(string? text) =>
        T.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{(text is null ? "null" : CodeText.Shown(text))}' is not a {typeof(T).Name}.");
}
