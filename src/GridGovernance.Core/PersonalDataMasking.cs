using System.Globalization;
using System.Text;

namespace GridGovernance;

/// <summary>
/// Masks personal data for public outputs (ranking boards, work-order boards, publication notices): names, phone
/// numbers and addresses. Every rule errs towards hiding: when in doubt a character is masked.
/// </summary>
/// <remarks>
/// The rules work on user-perceived characters (text elements), so a rare character outside the Basic
/// Multilingual Plane (a surrogate pair) is shown or hidden whole, never split.
/// </remarks>
[Immutable]
public static class PersonalDataMasking
{
    /// <summary>What stands in for hidden text.</summary>
    public const char MaskCharacter = '*';

    private const string AddressMask = "***";

    /// <summary>
    /// Masks a person's name.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A name with a Chinese (CJK) character is masked as a whole, white space removed: one character becomes
    /// <c>*</c>; two keep the first (<c>张三</c> → <c>张*</c>); three or more keep the first and the last with a single
    /// <c>*</c> between (<c>张三明</c> → <c>张*明</c>, <c>欧阳娜娜</c> → <c>欧*娜</c>), so the length of a long name is
    /// hidden too.
    /// </para>
    /// <para>
    /// Any other name is masked word by word (words are separated by white space): each word keeps its first
    /// character followed by a single <c>*</c> (<c>John Smith</c> → <c>J* S*</c>).
    /// </para>
    /// <para>An empty or white-space name gives an empty string.</para>
    /// </remarks>
    /// <param name="name">The name.</param>
    /// <returns>The masked name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static string MaskName(string name)
    {
        Preconditions.CheckNotNull(name);
        string trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }
        if (ContainsCjk(trimmed))
        {
            var elements = TextElements(RemoveWhiteSpace(trimmed));
            return elements.Count switch
            {
                1 => MaskCharacter.ToString(),
                2 => elements[0] + MaskCharacter,
                _ => elements[0] + MaskCharacter + elements[^1],
            };
        }
        var builder = new StringBuilder(trimmed.Length);
        foreach (var word in trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(StringInfo.GetNextTextElement(word)).Append(MaskCharacter);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Masks a phone number.
    /// </summary>
    /// <remarks>
    /// Only the digits count: spaces, dashes, brackets and a leading <c>+</c> are dropped first (full-width digits
    /// are read as digits). With eight digits or more the first three and the last four stay and each digit between
    /// becomes <c>*</c> (<c>13812341234</c> → <c>138****1234</c>); with three to seven digits only the last two
    /// stay (<c>5551234</c> → <c>*****34</c>); one or two digits are masked completely; no digits give an empty string.
    /// </remarks>
    /// <param name="phone">The phone number.</param>
    /// <returns>The masked number: digits and <c>*</c> only.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phone"/> is null.</exception>
    public static string MaskPhone(string phone)
    {
        Preconditions.CheckNotNull(phone);
        var digits = new StringBuilder(phone.Length);
        foreach (char c in phone)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is >= '０' and <= '９')
            {
                digits.Append((char)('0' + (c - '０')));
            }
        }
        int n = digits.Length;
        if (n >= 8)
        {
            return string.Concat(digits.ToString(0, 3), new string(MaskCharacter, n - 7), digits.ToString(n - 4, 4));
        }
        if (n > 2)
        {
            return new string(MaskCharacter, n - 2) + digits.ToString(n - 2, 2);
        }
        return new string(MaskCharacter, n);
    }

    /// <summary>
    /// Masks an address so that no building, unit, floor or door number can be read from it.
    /// </summary>
    /// <remarks>
    /// The address is cut at its first number and the rest is replaced by <c>***</c>. A number is any digit
    /// (ASCII or full-width), or a run of Chinese numerals (〇一二三四五六七八九十百千零两) directly followed by an
    /// address marker (号 楼 栋 幢 座 单 元 室 户 层 门 院 排 巷 弄). So
    /// <c>花园小区1号楼1单元101室</c> → <c>花园小区***</c>, <c>花园小区三号楼</c> → <c>花园小区***</c>,
    /// <c>1号楼1单元101室</c> → <c>***</c>, and a street number goes too (<c>凤城大街88号花园小区</c> → <c>凤城大街***</c>).
    /// An address with no number is returned trimmed but otherwise unchanged.
    /// </remarks>
    /// <param name="address">The address.</param>
    /// <returns>The part before the first number, followed by <c>***</c> when anything was cut.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static string MaskAddress(string address)
    {
        Preconditions.CheckNotNull(address);
        string trimmed = address.Trim();
        int cut = FirstNumber(trimmed);
        return cut < 0 ? trimmed : trimmed[..cut].TrimEnd() + AddressMask;
    }

    private static int FirstNumber(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsDigit(c))
            {
                return i;
            }
            if (IsChineseNumeral(c))
            {
                int j = i;
                while (j < text.Length && IsChineseNumeral(text[j]))
                {
                    j++;
                }
                if (j < text.Length && IsAddressMarker(text[j]))
                {
                    return i;
                }
                i = j - 1;
            }
        }
        return -1;
    }

    private static bool IsChineseNumeral(char c) => "〇一二三四五六七八九十百千零两".Contains(c);

    private static bool IsAddressMarker(char c) => "号楼栋幢座单元室户层门院排巷弄".Contains(c);

    private static bool ContainsCjk(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            int v = rune.Value;
            if (v is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F))
            {
                return true;
            }
        }
        return false;
    }

    private static string RemoveWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }
        return elements;
    }
}
