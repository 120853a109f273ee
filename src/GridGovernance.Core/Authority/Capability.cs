namespace GridGovernance.Authority;

/// <summary>
/// Something a command does that needs authority, e.g. <c>points.review</c> (审核 a declaration). The part before
/// the first dot is the module; a refusal carries the module's code <see cref="ForbiddenCode"/>
/// (<c>points.forbidden</c>). The well-known capabilities are in <see cref="Capabilities"/>; the table of who may
/// use each is <see cref="AuthorityTable"/>.
/// </summary>
/// <param name="Code">The stable code, <c>module.verb</c>.</param>
[Immutable]
[System.Text.Json.Serialization.JsonConverter(typeof(TextJsonConverter<Capability>))]
public readonly record struct Capability(string Code) : ISpanFormattable, ISpanParsable<Capability>
{
    // 1 + the position of a well-known capability (Capabilities), 0 for any other: the authority table finds a
    // well-known capability's rule by position rather than by hashing its code. Not part of equality.
    private readonly int slot;

    /// <summary>A well-known capability of <see cref="Capabilities"/>, in slot <paramref name="slot"/> (from 1).</summary>
    internal Capability(string code, int slot)
        : this(code)
    {
        this.slot = slot;
    }

    /// <summary>The stable code, <c>module.verb</c>.</summary>
    public string Code { get; } = Check(Code);

    /// <summary>1 + the position of a well-known capability of <see cref="Capabilities"/>; 0 for any other.</summary>
    internal int Slot => slot;

    /// <summary>The module: the part of <see cref="Code"/> before the first dot.</summary>
    public string Module => Code[..Code.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The error code of a refusal: <c>{module}.forbidden</c>.</summary>
    public string ForbiddenCode => Module + ".forbidden";

    /// <summary>Whether two capabilities have the same code.</summary>
    /// <param name="other">The other capability.</param>
    public bool Equals(Capability other) =>
        slot != 0 && other.slot != 0 ? slot == other.slot : string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => Code is null ? 0 : StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => Code ?? "";

    private static bool IsCode(ReadOnlySpan<char> code) => ReadsModuleDotVerb(code) && HasCodeCharactersOnly(code);

    private static bool ReadsModuleDotVerb(ReadOnlySpan<char> code)
    {
        int dot = code.IndexOf('.');
        return dot > 0 && dot < code.Length - 1;
    }

    private static bool HasCodeCharactersOnly(ReadOnlySpan<char> code)
    {
        foreach (char c in code)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
            {
                return false;
            }
        }
        return true;
    }

    private static string Check(string code)
    {
        Preconditions.CheckNotBlank(code, nameof(Code));
        Preconditions.CheckArgument(ReadsModuleDotVerb(code), nameof(Code), $"Code must read 'module.verb'; '{code}' does not.");
        Preconditions.CheckArgument(HasCodeCharactersOnly(code), nameof(Code), $"Code must use lower-case letters, digits, '.' and '-' only; '{code}' does not.");
        return code;
    }

    /// <summary>The code; <paramref name="format"/> and <paramref name="formatProvider"/> are ignored (a code has one form).</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The code.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the code.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the code fitted.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => CodeText.TryFormat(ToString(), destination, out charsWritten);

    /// <summary>Reads a capability from its code.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The Capability.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a code.</exception>
    public static Capability Parse(string s, IFormatProvider? provider) => CodeText.Parse<Capability>(s, provider);

    /// <inheritdoc cref="Parse(string, IFormatProvider)"/>
    public static Capability Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var value) ? value : throw CodeText.NotACode<Capability>(s, "'module.verb' in lower-case letters, digits, '.' and '-'");

    /// <summary>Tries to read a capability from its code.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The Capability, or <c>default</c>.</param>
    /// <returns>Whether the text was a code.</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out Capability result) =>
        CodeText.TryParse(s, provider, out result);

    /// <inheritdoc cref="TryParse(string, IFormatProvider, out Capability)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Capability result)
    {
        if (!IsCode(s))
        {
            result = default;
            return false;
        }
        var code = s.ToString();
        result = new(code, Capabilities.SlotOf(code));
        return true;
    }
}
