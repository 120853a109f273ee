using System.Text;

namespace GridGovernance.Specifications;

/// <summary>
/// A SQL <c>LIKE</c> pattern, matched the same way by every store: <c>%</c> matches any run of characters (also
/// none), <c>_</c> matches exactly one character, and <c>\</c> escapes the next <c>%</c>, <c>_</c> or <c>\</c>.
/// Letters A–Z match a–z (ASCII only); every other character, including non-ASCII letters (<c>É</c>, <c>é</c>)
/// and CJK characters, matches only itself. A <c>null</c> value matches no pattern.
/// </summary>
/// <remarks>
/// <para>
/// The rules are those SQLite's <c>LIKE</c> has by default and that the EF Core store gives PostgreSQL (where
/// <c>LIKE</c> alone is case-sensitive): a character is one Unicode code point, so <c>_</c> matches a character
/// outside the Basic Multilingual Plane (a surrogate pair in .NET) as one character, as the databases do.
/// Square brackets have no meaning (unlike SQL Server's <c>LIKE</c>): <c>[a]</c> matches the three characters.
/// </para>
/// <para>
/// Build the pattern of a look-up from user input with <see cref="Escape"/>, so that a <c>%</c> or <c>_</c> the user
/// typed is matched literally: <c>"%" + LikePattern.Escape(text) + "%"</c>.
/// </para>
/// <para>
/// Use a pattern through <see cref="SpecificationBuilderExtensions.Search{T}(ISpecificationBuilder{T}, System.Linq.Expressions.Expression{Func{T, string}}, string)"/>,
/// or inside a <c>Where</c> as <c>pattern.IsMatch(u.Name)</c> (for example to match one of several fields with <c>||</c>);
/// stores translate both.
/// </para>
/// </remarks>
[Immutable]
public sealed class LikePattern : IEquatable<LikePattern>
{
    /// <summary>The escape character: <c>\</c>.</summary>
    public const char EscapeCharacter = '\\';

    private readonly Token[] tokens;

    /// <summary>Parses a pattern.</summary>
    /// <param name="pattern">The pattern, such as <c>"张%"</c> or <c>"%100\%%"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    /// <exception cref="GridGovernanceValidationException"><paramref name="pattern"/> has a <c>\</c> that is not followed by <c>%</c>, <c>_</c> or <c>\</c>.</exception>
    public LikePattern(string pattern)
    {
        Preconditions.CheckNotNull(pattern);
        tokens = Parse(pattern);
        Pattern = pattern;
        FoldedPattern = FoldAscii(pattern);
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The pattern with A–Z folded to a–z (what a store compares with a value folded the same way).</summary>
    public string FoldedPattern { get; }

    /// <summary>Whether <paramref name="value"/> matches the pattern (a <c>null</c> value never does).</summary>
    /// <param name="value">The value.</param>
    /// <returns><c>true</c> when it matches.</returns>
    public bool IsMatch(string? value)
    {
        if (value is null)
        {
            return false;
        }
        var text = CodePoints(value);
        // The classic wildcard match with one backtracking point: on a mismatch after a '%', let that '%' take one
        // more character and try again. Linear in practice, O(n·m) at worst, never exponential.
        int t = 0, p = 0, starToken = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < tokens.Length && tokens[p].Kind == TokenKind.One)
            {
                t++;
                p++;
            }
            else if (p < tokens.Length && tokens[p].Kind == TokenKind.Literal && tokens[p].CodePoint == Fold(text[t]))
            {
                t++;
                p++;
            }
            else if (p < tokens.Length && tokens[p].Kind == TokenKind.Any)
            {
                starToken = p++;
                starText = t;
            }
            else if (starToken >= 0)
            {
                p = starToken + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }
        while (p < tokens.Length && tokens[p].Kind == TokenKind.Any)
        {
            p++;
        }
        return p == tokens.Length;
    }

    /// <summary>Escapes <c>%</c>, <c>_</c> and <c>\</c> so that <paramref name="literal"/> matches only itself (ASCII letters in either case).</summary>
    /// <param name="literal">The text to match literally, such as what a user typed.</param>
    /// <returns>The escaped text, to put in a pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="literal"/> is null.</exception>
    public static string Escape(string literal)
    {
        Preconditions.CheckNotNull(literal);
        if (literal.AsSpan().IndexOfAny('%', '_', EscapeCharacter) < 0)
        {
            return literal;
        }
        var builder = new StringBuilder(literal.Length + 8);
        foreach (char c in literal)
        {
            if (c is '%' or '_' or EscapeCharacter)
            {
                builder.Append(EscapeCharacter);
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Folds A–Z to a–z and leaves every other character as it is: the case rule of <see cref="IsMatch"/>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The folded text.</returns>
    public static string FoldAscii(string value)
    {
        Preconditions.CheckNotNull(value);
        if (!value.AsSpan().ContainsAnyInRange('A', 'Z'))
        {
            return value;
        }
        return string.Create(value.Length, value, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                span[i] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            }
        });
    }

    /// <inheritdoc />
    public bool Equals(LikePattern? other) => other is not null && Pattern == other.Pattern;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LikePattern);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Pattern);

    /// <summary>The pattern as written.</summary>
    /// <returns><see cref="Pattern"/>.</returns>
    public override string ToString() => Pattern;

    private static int Fold(int codePoint) => codePoint is >= 'A' and <= 'Z' ? codePoint + ('a' - 'A') : codePoint;

    // One code point per element; an unpaired surrogate counts as one character of its own.
    private static int[] CodePoints(string value)
    {
        var points = new int[value.Length];
        int n = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            points[n++] = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                ? char.ConvertToUtf32(c, value[++i])
                : c;
        }
        return n == points.Length ? points : points[..n];
    }

    private static Token[] Parse(string pattern)
    {
        var points = CodePoints(pattern);
        var result = new List<Token>(points.Length);
        for (int i = 0; i < points.Length; i++)
        {
            int c = points[i];
            if (c == EscapeCharacter)
            {
                if (i + 1 == points.Length || points[i + 1] is not ('%' or '_' or EscapeCharacter))
                {
                    throw Preconditions.InvalidArgument(
                        $"The LIKE pattern \"{pattern}\" has a '\\' at position {i} that is not followed by '%', '_' or '\\'; write '\\\\' for a backslash.",
                        nameof(pattern));
                }
                result.Add(new Token(TokenKind.Literal, points[++i]));
            }
            else if (c == '%')
            {
                // Consecutive '%' mean what one does.
                if (result.Count == 0 || result[^1].Kind != TokenKind.Any)
                {
                    result.Add(new Token(TokenKind.Any, 0));
                }
            }
            else
            {
                result.Add(c == '_' ? new Token(TokenKind.One, 0) : new Token(TokenKind.Literal, Fold(c)));
            }
        }
        return [.. result];
    }

    private enum TokenKind
    {
        Literal,
        One,
        Any,
    }

    private readonly record struct Token(TokenKind Kind, int CodePoint);
}
