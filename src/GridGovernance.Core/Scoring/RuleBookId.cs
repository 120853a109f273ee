namespace GridGovernance.Scoring;

/// <summary>
/// Identifies a rule book (积分细则) in the catalogue: its stable id, e.g. <c>laiwu-2024</c> (<see cref="RuleBook.Id"/>).
/// Every version of the book shares it; a publication (<see cref="Ledger.PeriodPublicationId"/>) and every ledger entry
/// name the book by it.
/// </summary>
/// <remarks>Its text form (<see cref="ToString(string, IFormatProvider)"/>, <see cref="Parse(string, IFormatProvider)"/>) and its
/// JSON are the bare id, <c>"laiwu-2024"</c>; <see cref="ToString()"/> is for messages (<c>rulebook:laiwu-2024</c>).</remarks>
[Immutable]
[System.Text.Json.Serialization.JsonConverter(typeof(TextJsonConverter<RuleBookId>))]
public readonly record struct RuleBookId : ISpanFormattable, ISpanParsable<RuleBookId>
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The rule book's id: not blank, at most <see cref="InputPolicy.MaxKeyLength"/> characters.</param>
    /// <exception cref="GridGovernanceValidationException">The value is blank or too long.</exception>
    public RuleBookId(string value)
    {
        Preconditions.CheckNotBlank(value);
        Preconditions.CheckArgument(value.Length <= InputPolicy.MaxKeyLength, nameof(value),
            $"A rule book id has at most {InputPolicy.MaxKeyLength} characters; this one has {value.Length}.");
        Value = value;
    }

    /// <summary>The rule book's id, as <see cref="RuleBook.Id"/> holds it.</summary>
    public string Value { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => Value is not null;

    /// <summary>The id of a rule book.</summary>
    /// <param name="ruleBook">The rule book.</param>
    public static RuleBookId Of(RuleBook ruleBook) => new(Preconditions.CheckNotNull(ruleBook).Id);

    /// <inheritdoc />
    public override string ToString() => $"rulebook:{Value}";

    /// <summary>The bare id; <paramref name="format"/> and <paramref name="formatProvider"/> are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The id.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value ?? "";

    /// <summary>Writes the bare id.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the id fitted.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => CodeText.TryFormat(Value ?? "", destination, out charsWritten);

    /// <summary>Reads an id from its bare text.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is blank or too long.</exception>
    public static RuleBookId Parse(string s, IFormatProvider? provider) => CodeText.Parse<RuleBookId>(s, provider);

    /// <inheritdoc cref="Parse(string, IFormatProvider)"/>
    public static RuleBookId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var value) ? value : throw CodeText.NotACode<RuleBookId>(s, $"a rule book id is not blank and has at most {InputPolicy.MaxKeyLength} characters");

    /// <summary>Tries to read an id from its bare text.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    /// <returns>Whether the text was an id.</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out RuleBookId result) =>
        CodeText.TryParse(s, provider, out result);

    /// <inheritdoc cref="TryParse(string, IFormatProvider, out RuleBookId)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out RuleBookId result)
    {
        if (s.IsWhiteSpace() || s.Length > InputPolicy.MaxKeyLength)
        {
            result = default;
            return false;
        }
        result = new(s.ToString());
        return true;
    }
}
