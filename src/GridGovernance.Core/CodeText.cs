namespace GridGovernance;

/// <summary>
/// The text form shared by the values that are codes (<see cref="Organisation.UnitKind"/>,
/// <see cref="Organisation.RoleKind"/>, <see cref="Authority.Capability"/>): each keeps only its own rule for what a
/// code is; writing, reading and the refusal's wording are here.
/// </summary>
internal static class CodeText
{
    /// <summary>Copies <paramref name="code"/> into <paramref name="destination"/> if it fits.</summary>
    internal static bool TryFormat(string code, Span<char> destination, out int charsWritten)
    {
        if (code.TryCopyTo(destination))
        {
            charsWritten = code.Length;
            return true;
        }
        charsWritten = 0;
        return false;
    }

    /// <summary>Reads a code from a string, refusing <c>null</c> with <see cref="ArgumentNullException"/>.</summary>
    internal static T Parse<T>(string s, IFormatProvider? provider)
        where T : ISpanParsable<T>
    {
        ArgumentNullException.ThrowIfNull(s);
        return T.Parse(s.AsSpan(), provider);
    }

    /// <summary>Tries to read a code from a string; <c>null</c> is not one.</summary>
    internal static bool TryParse<T>(string? s, IFormatProvider? provider, out T result)
        where T : struct, ISpanParsable<T>
    {
        if (s is null)
        {
            result = default;
            return false;
        }
        return T.TryParse(s.AsSpan(), provider, out result);
    }

    /// <summary>The refusal: <c>'{text}' is not a {type} code: {rule}.</c>, the text cut at 40 characters.</summary>
    internal static FormatException NotACode<T>(ReadOnlySpan<char> s, string rule) =>
        new($"'{Shown(s)}' is not a {typeof(T).Name} code: {rule}.");

    /// <summary>Text as a refusal shows it: at most 40 characters, then an ellipsis.</summary>
    internal static string Shown(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : s[..40].ToString() + "…";
}
