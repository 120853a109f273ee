using System.Globalization;
using System.Text;

namespace GridGovernance;

/// <summary>
/// Masks personal data for public outputs (ranking boards, work-order boards, publication notices): names, phone
/// numbers and addresses. Every rule errs towards hiding: when in doubt a character is masked.
/// </summary>
/// <remarks>
/// Masked output never holds a control, bidi or zero-width character: they are dropped before any rule runs. The rules
/// work on user-perceived characters (text elements), so a rare character outside the Basic
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
    /// <para>
    /// Mask what cannot be read as a name: a text holding a number of any script (<c>3号楼王明</c>, <c>Flat 3</c>), a
    /// Chinese place word of two or more characters (小区 花园 社区 街道 新村 大厦 广场 公寓 胡同 大街 …: <c>幸福小区</c>), four
    /// or more Chinese characters that read as a chain of place names (<c>凤城大街</c>, <c>王家庄村</c>; a name with
    /// <c>·</c> is a name), or other text of two words or more ending in a place word (<c>Baker Street</c>, and so <c>Lois Lane</c> too) becomes <c>***</c>. Shorter
    /// texts ending in a single place character (<c>李园</c>, <c>张子路</c>) cannot be told from names and are masked as names.
    /// </para>
    /// <para>
    /// Invisible characters are dropped first, so that no control, bidi-override or zero-width character survives
    /// (<c>张\u202E三明</c> → <c>张*明</c>). An empty or white-space name gives an empty string.
    /// </para>
    /// </remarks>
    /// <param name="name">The name.</param>
    /// <returns>The masked name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static string MaskName(string name)
    {
        Preconditions.CheckNotNull(name);
        string trimmed = RemoveInvisible(name).Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }
        if (!ReadsAsName(trimmed))
        {
            return AddressMask;
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
    /// Whether a text (invisible characters dropped, trimmed, not empty) can be shown as a masked name: it holds no
    /// number and does not read as a place (see <see cref="MaskName"/>).
    /// </summary>
    internal static bool ReadsAsName(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsNumber(rune))
            {
                return false;
            }
        }
        if (ContainsCjk(text))
        {
            string compact = RemoveWhiteSpace(text);
            return !AddressNumbers.HoldsLongPlaceWord(compact)
                   && (compact.Contains('·', StringComparison.Ordinal) || TextElements(compact).Count < 4 || !AddressNumbers.IsPlace(compact));
        }
        // One word is a name even when it is a place word too (Park, Lane).
        return text.AsSpan().Trim().IndexOfAny(' ', '\u3000') < 0 || !AddressNumbers.IsPlace(text);
    }

    /// <summary>
    /// Masks a phone number.
    /// </summary>
    /// <remarks>
    /// Only the digits count: spaces, dashes, brackets and a leading <c>+</c> are dropped first (full-width digits
    /// are read as digits), and a phone the validators accept starting with <c>+86</c> is masked without its country
    /// code (<c>+86 138-1234-1234</c> → <c>138****1234</c>). Validators and this mask share one recogniser. With eight digits or more the first three and the last four stay and each digit between
    /// becomes <c>*</c> (<c>13812341234</c> → <c>138****1234</c>); with three to seven digits only the last two
    /// stay (<c>5551234</c> → <c>*****34</c>); one or two digits are masked completely; no digits give an empty string.
    /// </remarks>
    /// <param name="phone">The phone number.</param>
    /// <returns>The masked number: digits and <c>*</c> only.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phone"/> is null.</exception>
    public static string MaskPhone(string phone)
    {
        Preconditions.CheckNotNull(phone);
        // A phone the validators accept is masked on its own digits (without a +86 country code); any other text on every
        // ASCII or full-width digit it holds, as the same recogniser reads them.
        var digits = new StringBuilder(PhoneNumbers.Digits(phone) ?? "", phone.Length);
        if (digits.Length == 0)
        {
            foreach (char c in phone)
            {
                if (PhoneNumbers.DigitValue(c) is int value and >= 0)
                {
                    digits.Append((char)('0' + value));
                }
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
    /// Masks an address so that no building, unit, floor or door number can be read from it, and shows nothing it
    /// cannot read as a place.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Invisible characters (control, bidi, zero-width, unpaired surrogates) are dropped first. The address is then cut
    /// at its first number and the rest is replaced by <c>***</c>. A number is any of:
    /// </para>
    /// <list type="bullet">
    /// <item><description>a digit of any script, ASCII or full-width (<c>3号楼</c>, <c>３号楼</c>), or any other numeric character:
    /// circled (<c>③号楼</c>), Roman (<c>Ⅲ号楼</c>), parenthesised, superscript, <c>〇</c>;</description></item>
    /// <item><description>a run of Chinese numerals, 小写 (〇一二三四五六七八九十百千万零两廿卅) or 大写 (壹贰叁肆伍陆柒捌玖拾佰仟, and their
    /// traditional forms), that is followed by an address marker (号 楼 栋 幢 座 单 元 室 户 层 门 院 排 巷 弄 期 区 组 间, and
    /// their traditional forms) with spaces allowed anywhere between (<c>叁号楼</c>, <c>三 号楼</c>), that ends the address
    /// (<c>花园小区三</c>), or that is three numerals or longer (<c>一三八一二三四</c>);</description></item>
    /// <item><description>one to three Latin letters (ASCII or full-width) followed by a marker (<c>C座B单元</c>, <c>Ｂ座</c>,
    /// <c>III号楼</c>) or standing right before a number (<c>A3栋</c>).</description></item>
    /// </list>
    /// <para>
    /// A <c>第</c>, <c>#</c> or <c>-</c> right before the number goes with it. Mask what you cannot parse: what is kept must
    /// read as a place, or the whole address becomes <c>***</c>. A Chinese place is a chain of place names, each of one
    /// to eight letters ending in a place word (省 市 区 县 镇 乡 街道 社区 村 路 街 巷 小区 花园 苑 园 大厦 广场 …:
    /// <c>山东省济南市莱芜区凤城街道花园小区</c>); any other text is a place when it is letters and spaces ending in a place
    /// word (<c>Road</c>, <c>Street</c>, <c>Garden</c>, <c>Building</c> …). So <c>花园小区1号楼1单元101室</c> →
    /// <c>花园小区***</c>, <c>花园小区叁号楼</c> → <c>花园小区***</c>, <c>凤城大街88号花园小区</c> → <c>凤城大街***</c>,
    /// <c>花园小区</c> → <c>花园小区</c>, and <c>王小明家楼下</c> → <c>***</c>. A person's name that reads as a place name
    /// (<c>王家小区</c>, <c>李园</c>) cannot be told from one and is shown.
    /// </para>
    /// </remarks>
    /// <param name="address">The address.</param>
    /// <returns>
    /// The place before the first number, followed by <c>***</c> when anything was cut; <c>***</c> when the text is not
    /// a place; an empty string for an empty or white-space address.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static string MaskAddress(string address)
    {
        Preconditions.CheckNotNull(address);
        string cleaned = RemoveInvisible(address).Trim();
        if (cleaned.Length == 0)
        {
            return string.Empty;
        }
        int cut = AddressNumbers.FirstNumber(cleaned);
        string kept = (cut < 0 ? cleaned : cleaned[..cut]).TrimEnd();
        if (kept.Length > 0 && !AddressNumbers.IsPlace(kept))
        {
            return AddressMask;
        }
        return cut < 0 ? kept : kept + AddressMask;
    }

    /// <summary>
    /// The text without the characters that must never reach public output: control characters, format characters
    /// (bidi overrides, embeddings, isolates and marks, zero-width spaces and joiners, the byte-order mark, tags),
    /// unpaired surrogates, variation selectors and invisible fillers; white-space controls (tab, line feed) and line and
    /// paragraph separators become spaces.
    /// </summary>
    /// <param name="text">The text.</param>
    internal static string RemoveInvisible(string text)
    {
        StringBuilder? builder = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int width = 1;
            Visibility visibility;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width = 2;
                visibility = VisibilityOf(new Rune(c, text[i + 1]));
            }
            else
            {
                visibility = char.IsSurrogate(c) ? Visibility.Dropped : VisibilityOf(new Rune(c));
            }
            if (visibility == Visibility.Shown && builder is null)
            {
                i += width - 1;
                continue;
            }
            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (visibility == Visibility.Space)
            {
                builder.Append(' ');
            }
            else if (visibility == Visibility.Shown)
            {
                builder.Append(text, i, width);
            }
            i += width - 1;
        }
        return builder?.ToString() ?? text;
    }

    private static Visibility VisibilityOf(Rune rune)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Control:
                return Rune.IsWhiteSpace(rune) ? Visibility.Space : Visibility.Dropped;
            case UnicodeCategory.Format:
            case UnicodeCategory.Surrogate:
                return Visibility.Dropped;
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return Visibility.Space;
            default:
                int v = rune.Value;
                bool invisible = v is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x2800 or 0x3164 or 0xFFA0
                    or (>= 0x180B and <= 0x180F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);
                return invisible ? Visibility.Dropped : Visibility.Shown;
        }
    }

    private enum Visibility
    {
        Shown,
        Space,
        Dropped,
    }

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
