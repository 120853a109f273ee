using System.Text.Json;

namespace GridGovernance.Scoring;

/// <summary>
/// Reads and writes rule books (积分细则) as JSON, so that rules are data an integrator can keep in a file, a
/// database column or a configuration service.
/// </summary>
/// <remarks>
/// <para>
/// The format is camelCase, with enums as camelCase strings (<c>"automaticGrant"</c>, <c>"inService"</c>),
/// dates as ISO <c>yyyy-MM-dd</c> strings, points as exact JSON numbers with at most four decimal places
/// (<c>1.25</c>, <c>-0.5</c>, <c>20</c>) and kind multipliers as an object keyed by member kind. Optional members
/// that hold their default (no cap, <c>false</c>, an empty list, zero points) are left out when writing and may be
/// left out when reading; <c>null</c> reads as "left out". Output is indented with <c>\n</c> line ends and is the
/// same for equal definitions, so a serialized rule book can be compared and diffed as text.
/// </para>
/// <para>
/// Reading is strict: malformed JSON, a value of the wrong type, a missing required member, an unknown member
/// (usually a typo) or an unknown enum name throws one <see cref="GridGovernanceValidationException"/> listing
/// every such problem, each with its JSON path (e.g. <c>$.items[3].versions[0].kind</c>) as
/// <see cref="ValidationProblem.Field"/> and <see cref="ErrorCodes.InvalidRuleBook"/> as its rule. A well-formed
/// rule book that breaks a rule (an unknown category, a negative cap...) is reported by
/// <see cref="RuleBook.Create"/> when read with <see cref="Read(string)"/>; <see cref="ReadDefinition(string)"/>
/// only checks the shape. Comments (<c>//</c> and <c>/* */</c>) are allowed in the input; trailing commas are not.
/// </para>
/// <para>Only System.Text.Json from the framework is used: no NodaTime serialization package is needed.</para>
/// </remarks>
[Immutable]
public static class RuleBookJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = 32,
    };

    /// <summary>Writes a rule book's definition as indented JSON.</summary>
    /// <param name="book">The rule book.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="book"/> is null.</exception>
    public static string Serialize(RuleBook book) => Serialize(Preconditions.CheckNotNull(book).Definition);

    /// <summary>Writes a rule book definition as indented JSON. The definition is not validated.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string Serialize(RuleBookDefinition definition)
    {
        Preconditions.CheckNotNull(definition);
        using var buffer = new MemoryStream();
        Serialize(definition, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes a rule book definition as indented UTF-8 JSON to a stream, which is left open.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Serialize(RuleBookDefinition definition, Stream utf8Json)
    {
        Preconditions.CheckNotNull(definition);
        Preconditions.CheckNotNull(utf8Json);
        using var writer = new Utf8JsonWriter(utf8Json, RuleBookJsonWriter.Options);
        RuleBookJsonWriter.Write(writer, definition);
        writer.Flush();
    }

    /// <summary>Writes a rule book definition as indented UTF-8 JSON to a stream, which is left open.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task SerializeAsync(RuleBookDefinition definition, Stream utf8Json, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(definition);
        Preconditions.CheckNotNull(utf8Json);
        await using var writer = new Utf8JsonWriter(utf8Json, RuleBookJsonWriter.Options);
        RuleBookJsonWriter.Write(writer, definition);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a rule book definition, checking its shape but not its rules.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The definition, not yet validated: pass it to <see cref="RuleBook.Create"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="GridGovernanceValidationException">The JSON is malformed or has the wrong shape; every problem is listed with its JSON path.</exception>
    public static RuleBookDefinition ReadDefinition(string json)
    {
        Preconditions.CheckNotNull(json);
        using var document = Parse(() => JsonDocument.Parse(json, DocumentOptions));
        return RuleBookJsonReader.Read(document.RootElement);
    }

    /// <summary>Reads a rule book definition from UTF-8 JSON in a stream, checking its shape but not its rules.</summary>
    /// <param name="utf8Json">The stream, read to its end and left open.</param>
    /// <returns>The definition, not yet validated: pass it to <see cref="RuleBook.Create"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="GridGovernanceValidationException">The JSON is malformed or has the wrong shape; every problem is listed with its JSON path.</exception>
    public static RuleBookDefinition ReadDefinition(Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        using var document = Parse(() => JsonDocument.Parse(utf8Json, DocumentOptions));
        return RuleBookJsonReader.Read(document.RootElement);
    }

    /// <summary>Reads a rule book definition from UTF-8 JSON in a stream, checking its shape but not its rules.</summary>
    /// <param name="utf8Json">The stream, read to its end and left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The definition, not yet validated: pass it to <see cref="RuleBook.Create"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="GridGovernanceValidationException">The JSON is malformed or has the wrong shape; every problem is listed with its JSON path.</exception>
    public static async Task<RuleBookDefinition> ReadDefinitionAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(utf8Json);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(utf8Json, DocumentOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
        using (document)
        {
            return RuleBookJsonReader.Read(document.RootElement);
        }
    }

    /// <summary>Reads and validates a rule book: <c>RuleBook.Create(ReadDefinition(json))</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rule book.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="GridGovernanceValidationException">The JSON is malformed or has the wrong shape, or the rule book breaks a rule; every problem is listed at its JSON path (<c>$.categories[1].cap.limit</c>).</exception>
    public static RuleBook Read(string json) => CreateFromJson(ReadDefinition(json));

    /// <summary>Reads and validates a rule book from UTF-8 JSON in a stream: <c>RuleBook.Create(ReadDefinition(utf8Json))</c>.</summary>
    /// <param name="utf8Json">The stream, read to its end and left open.</param>
    /// <returns>The rule book.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="GridGovernanceValidationException">The JSON is malformed or has the wrong shape, or the rule book breaks a rule; every problem is listed at its JSON path (<c>$.categories[1].cap.limit</c>).</exception>
    public static RuleBook Read(Stream utf8Json) => CreateFromJson(ReadDefinition(utf8Json));

    /// <summary>Reads and validates a rule book from UTF-8 JSON in a stream.</summary>
    /// <param name="utf8Json">The stream, read to its end and left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rule book.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="GridGovernanceValidationException">The JSON is malformed or has the wrong shape, or the rule book breaks a rule; every problem is listed at its JSON path (<c>$.categories[1].cap.limit</c>).</exception>
    public static async Task<RuleBook> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        CreateFromJson(await ReadDefinitionAsync(utf8Json, cancellationToken).ConfigureAwait(false));

    /// <summary>Creates the book, reporting the problems found after parsing at their JSON paths (<c>$.categories[1].cap.limit</c>).</summary>
    private static RuleBook CreateFromJson(RuleBookDefinition definition)
    {
        try
        {
            return RuleBook.Create(definition);
        }
        catch (GridGovernanceValidationException ex)
        {
            throw new GridGovernanceValidationException($"The rule book '{definition.Id}'", ex.Problems.Select(p => p with { Field = RuleBookJsonReader.JsonPathOf(p.Field) }));
        }
    }

    private static JsonDocument Parse(Func<JsonDocument> parse)
    {
        try
        {
            return parse();
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
        catch (ArgumentException)
        {
            // JsonDocument.Parse(string) transcodes to UTF-8 first and refuses a lone surrogate with an ArgumentException.
            throw new GridGovernanceValidationException(RuleBookJsonReader.What,
                [new ValidationProblem("$", null, ErrorCodes.ForbiddenCharacter, "The text holds an unpaired surrogate, which is not text; fix the file's encoding.")]);
        }
    }

    private static GridGovernanceValidationException Malformed(JsonException ex)
    {
        // The reader's message ends with a zero-based "LineNumber: 0 | BytePositionInLine: 13." and sometimes advice
        // meant for the programmer ("Change the reader options."); people editing a file want 1-based places instead.
        string detail = ex.Message;
        int cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        detail = (cut >= 0 ? detail[..cut] : detail).Replace(" Change the reader options.", "", StringComparison.Ordinal);
        string where = ex.LineNumber is long line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : "";
        string message = $"The text is not well-formed JSON{where}: {detail}";
        return new GridGovernanceValidationException(RuleBookJsonReader.What, [new ValidationProblem(ex.Path ?? "$", null, ErrorCodes.InvalidRuleBook, message)]);
    }
}
