namespace GridGovernance;

/// <summary>
/// The one recogniser of phone numbers: what the validators accept as a phone (a filer's phone, a member's or a
/// household's) and what <see cref="PersonalDataMasking.MaskPhone"/> reads as its digits, so the two cannot disagree.
/// </summary>
/// <remarks>
/// A phone as residents write it: 5 to 15 digits, ASCII or full-width (what a Chinese input method types,
/// <c>１３８－１２３４－５６７８</c>), an optional leading <c>+</c> (or <c>＋</c>), grouped by spaces, hyphens and brackets,
/// at most <see cref="MaxLength"/> characters. A leading <c>+86</c> followed by a mainland number is the country code:
/// the number's own digits are what follows it. The roster's strict form is ASCII digits only, with an optional leading
/// <c>+</c>, nothing between.
/// </remarks>
internal static class PhoneNumbers
{
    /// <summary>The longest phone text (30), digits with their grouping.</summary>
    internal const int MaxLength = 30;

    private const string MainlandCountryCode = "86";

    /// <summary>The value of an ASCII or full-width digit, or −1 for any other character.</summary>
    internal static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\uFF10' and <= '\uFF19' => c - '\uFF10',
        _ => -1,
    };

    /// <summary>Whether <paramref name="text"/> is a phone; <paramref name="strict"/> allows only ASCII digits after an optional <c>+</c>.</summary>
    internal static bool IsPhone(string text, bool strict = false) => Digits(text, strict) is not null;

    /// <summary>
    /// The phone's own digits (ASCII, without the <c>+86</c> country code), or <see langword="null"/> when the text is not
    /// a phone; <paramref name="strict"/> allows only ASCII digits after an optional <c>+</c>.
    /// </summary>
    internal static string? Digits(string text, bool strict = false)
    {
        if (text.Length > MaxLength)
        {
            return null;
        }
        var digits = new System.Text.StringBuilder(text.Length);
        bool plus = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int value = DigitValue(c);
            if (value >= 0 && (!strict || c <= '9'))
            {
                digits.Append((char)('0' + value));
            }
            else if (i == 0 && (c == '+' || (!strict && c == '\uFF0B')))
            {
                plus = true;
            }
            else if (strict || !(c is ' ' or '-' or '(' or ')' or '\u3000' or '\uFF0D' or '\uFF08' or '\uFF09'))
            {
                return null;
            }
        }
        if (digits.Length is < 5 or > 15)
        {
            return null;
        }
        string all = digits.ToString();
        // +86 and a mainland number (11 digits starting with 1, or an area code and a number of 10 or 11 digits).
        return plus && all.StartsWith(MainlandCountryCode, StringComparison.Ordinal) && all.Length >= 12 ? all[MainlandCountryCode.Length..] : all;
    }
}
