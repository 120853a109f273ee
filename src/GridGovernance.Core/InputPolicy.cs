using System.Globalization;

namespace GridGovernance;

/// <summary>
/// The one input policy (输入校验规则) every validator of the library applies: the longest text each kind of field may
/// hold, the characters no text may hold, and the checks of enum values and numeric ranges. A violation is reported as a
/// <see cref="ValidationProblem"/> naming the field, gathered with every other problem of the batch into one
/// <see cref="GridGovernanceValidationException"/>; a batch with any problem changes nothing.
/// </summary>
/// <remarks>
/// Refused in every text: NUL and the other C0/C1 control characters (tab, line feed and carriage return only in
/// free text such as descriptions and notes), the bidi controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C
/// (they can make a text read differently from what it holds), the zero-width characters U+200B–U+200D, U+2060 and
/// U+FEFF (they make two different keys look equal), and unpaired surrogates (not text at all; databases refuse them).
/// The limits are counted in UTF-16 code units (<see cref="string.Length"/>).
/// </remarks>
[Immutable]
public static class InputPolicy
{
    /// <summary>The longest code or key: ids given as text, item and category codes, idempotency keys, actor keys (128).</summary>
    public const int MaxKeyLength = 128;

    /// <summary>The longest name: a person's, a unit's, a category's or an item's name, a tier code (200).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest address (地址) of a household or a work order (300).</summary>
    public const int MaxAddressLength = 300;

    /// <summary>The longest free text: a work order's description, contact notes, evidence, reasons (4,000).</summary>
    public const int MaxFreeTextLength = 4_000;

    /// <summary>The largest member-kind multiplier of a rule book (10); the smallest is 0.</summary>
    public const decimal MaxKindMultiplier = 10m;

    /// <summary>The most claimants one project may require (1,000); the fewest is 1.</summary>
    public const int MaxClaimantsRequired = 1_000;

    /// <summary>The largest capacity (places) of one unit's resource in claim matching (1,000,000); the smallest is 0.</summary>
    public const int MaxCapacity = 1_000_000;

    /// <summary>Whether the policy refuses <paramref name="c"/> in every text (free text allows tab, line feed and carriage return).</summary>
    /// <param name="c">The character (a UTF-16 code unit; surrogates are judged in pairs by <see cref="FindForbidden"/>).</param>
    /// <param name="freeText">Whether the text is free text, which may hold tab, line feed and carriage return.</param>
    /// <returns><see langword="true"/> when the character is a control, bidi or zero-width character.</returns>
    public static bool IsForbidden(char c, bool freeText = false) => c switch
    {
        '\t' or '\n' or '\r' => !freeText,
        < ' ' => true,
        >= '\u007F' and <= '\u009F' => true,
        '\u061C' or '\u200E' or '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        >= '\u200B' and <= '\u200D' => true,
        '\u2060' or '\uFEFF' => true,
        _ => false,
    };

    /// <summary>The index of the first character the policy refuses in <paramref name="text"/>, or -1 when there is none.</summary>
    /// <param name="text">The text.</param>
    /// <param name="freeText">Whether the text is free text, which may hold tab, line feed and carriage return.</param>
    /// <returns>The index, or -1.</returns>
    public static int FindForbidden(string text, bool freeText = false)
    {
        Preconditions.CheckNotNull(text);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return i;
            }
            if (char.IsLowSurrogate(c) || IsForbidden(c, freeText))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Checks a text field: present and not blank when <paramref name="required"/>, at most <paramref name="maxLength"/>
    /// characters, and no refused character.
    /// </summary>
    /// <param name="value">The text (<see langword="null"/> is allowed only when not required).</param>
    /// <param name="field">The field path to report, e.g. <c>Members[3].Name</c> or <c>$.items[0].code</c>.</param>
    /// <param name="key">The row's key to report, or <see langword="null"/>.</param>
    /// <param name="maxLength">The longest text allowed (one of the <c>Max…Length</c> constants).</param>
    /// <param name="required">Whether a value must be given and must not be blank.</param>
    /// <param name="freeText">Whether tab, line feed and carriage return are allowed.</param>
    /// <returns>The problem, or <see langword="null"/> when the text passes.</returns>
    public static ValidationProblem? CheckText(string? value, string field, string? key, int maxLength, bool required = true, bool freeText = false)
    {
        Preconditions.CheckNotNull(field);
        if (value is null || (required && string.IsNullOrWhiteSpace(value)))
        {
            return required ? new ValidationProblem(field, key, ErrorCodes.InvalidValue, $"{LastSegment(field)} must not be empty.") : null;
        }
        if (value.Length > maxLength)
        {
            return new ValidationProblem(field, key, ErrorCodes.TextTooLong, $"{LastSegment(field)} must be at most {maxLength} characters; it has {value.Length}.");
        }
        int at = FindForbidden(value, freeText);
        return at < 0
            ? null
            : new ValidationProblem(field, key, ErrorCodes.ForbiddenCharacter,
                $"{LastSegment(field)} holds {Describe(value, at)} at position {at}; control, bidi, zero-width characters and unpaired surrogates are refused.");
    }

    /// <summary>Checks that <paramref name="value"/> is a value its enum type defines.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="field">The field path to report.</param>
    /// <param name="key">The row's key to report, or <see langword="null"/>.</param>
    /// <returns>The problem, or <see langword="null"/> when the value is defined.</returns>
    public static ValidationProblem? CheckDefined<TEnum>(TEnum value, string field, string? key)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? null
            : new ValidationProblem(field, key, ErrorCodes.UndefinedEnum,
                $"{Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)} is not a {typeof(TEnum).Name}; expected one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    /// <summary>Checks that a whole number lies in <c>[min, max]</c>.</summary>
    /// <param name="value">The number.</param>
    /// <param name="min">The smallest allowed.</param>
    /// <param name="max">The largest allowed.</param>
    /// <param name="field">The field path to report.</param>
    /// <param name="key">The row's key to report, or <see langword="null"/>.</param>
    /// <returns>The problem, or <see langword="null"/> when the number is in range.</returns>
    public static ValidationProblem? CheckRange(long value, long min, long max, string field, string? key) =>
        value >= min && value <= max
            ? null
            : new ValidationProblem(field, key, ErrorCodes.OutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"{LastSegment(field)} must be between {min} and {max}; it was {value}."));

    /// <summary>Checks that a decimal number lies in <c>[min, max]</c>.</summary>
    /// <param name="value">The number.</param>
    /// <param name="min">The smallest allowed.</param>
    /// <param name="max">The largest allowed.</param>
    /// <param name="field">The field path to report.</param>
    /// <param name="key">The row's key to report, or <see langword="null"/>.</param>
    /// <returns>The problem, or <see langword="null"/> when the number is in range.</returns>
    public static ValidationProblem? CheckRange(decimal value, decimal min, decimal max, string field, string? key) =>
        value >= min && value <= max
            ? null
            : new ValidationProblem(field, key, ErrorCodes.OutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"{LastSegment(field)} must be between {min} and {max}; it was {value}."));

    /// <summary>Throws one <see cref="GridGovernanceValidationException"/> listing every problem found, or returns when there is none.</summary>
    /// <param name="what">What was validated, e.g. <c>"The work order draft"</c>.</param>
    /// <param name="problems">The problems; <see langword="null"/> entries (checks that passed) are skipped.</param>
    /// <exception cref="GridGovernanceValidationException">At least one problem was given.</exception>
    public static void ThrowIfAny(string what, IEnumerable<ValidationProblem?> problems)
    {
        Preconditions.CheckNotNull(problems);
        var found = problems.OfType<ValidationProblem>().ToList();
        if (found.Count > 0)
        {
            throw new GridGovernanceValidationException(what, found);
        }
    }

    /// <summary>
    /// Checks a command's free texts (notes, reasons, evidence, comments; optional, tab and line breaks allowed, at most
    /// <see cref="MaxFreeTextLength"/> characters, no refused characters) and throws one exception listing every problem.
    /// </summary>
    /// <param name="what">What carries the texts, e.g. <c>"The work-order command"</c>.</param>
    /// <param name="texts">Each text with the field path to report.</param>
    internal static void CheckFreeTexts(string what, params ReadOnlySpan<(string Field, string? Text)> texts)
    {
        List<ValidationProblem?>? problems = null;
        foreach (var (field, text) in texts)
        {
            if (CheckText(text, field, null, MaxFreeTextLength, required: false, freeText: true) is { } problem)
            {
                (problems ??= []).Add(problem);
            }
        }
        if (problems is not null)
        {
            ThrowIfAny(what, problems);
        }
    }

    private static string LastSegment(string field)
    {
        int dot = field.LastIndexOf('.');
        return dot >= 0 && dot < field.Length - 1 ? field[(dot + 1)..] : field;
    }

    private static string Describe(string text, int at)
    {
        char c = text[at];
        string kind = c switch
        {
            _ when char.IsSurrogate(c) => "an unpaired surrogate",
            < ' ' or (>= '\u007F' and <= '\u009F') => "a control character",
            (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF' => "a zero-width character",
            _ => "a bidi control",
        };
        return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} ({kind})");
    }
}
