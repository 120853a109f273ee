using System.Globalization;
using System.Text;

namespace GridGovernance;

/// <summary>
/// The parsing behind <see cref="PersonalDataMasking.MaskAddress"/>: where an address's first number starts, and
/// whether what comes before it reads as a place. Works on text whose invisible characters are already dropped.
/// </summary>
[Immutable]
internal static class AddressNumbers
{
    /// <summary>Chinese numerals: 小写, 大写 and their traditional and variant forms.</summary>
    private const string ChineseNumerals = "〇一二三四五六七八九十百千万零两廿卅壹贰叁肆伍陆柒捌玖拾佰仟貳參陸萬兩弍弐贰";

    /// <summary>What follows a number in an address: 号, 楼, 栋, 单元, 室 … (simplified and traditional).</summary>
    private const string Markers = "号楼栋幢座单元室户层门院排巷弄期区组间號樓棟單層戶門間";

    /// <summary>What may stand right before a number and goes with it.</summary>
    private const string NumberPrefixes = "第#＃-－";

    private const int MaxLettersBeforeMarker = 3;
    private const int MaxHeadLength = 8;

    /// <summary>Place words a Chinese place name ends in, longest first.</summary>
    private static readonly string[] ChinesePlaceWords =
    [
        "特别行政区", "自治区", "自治州", "自治县", "自治旗", "开发区", "工业园",
        "街道", "社区", "小区", "新村", "新城", "花园", "家园", "公寓", "大厦", "广场", "中心", "市场", "大院", "宿舍", "胡同", "大街", "商城",
        // Single characters common at the end of given names (轩, 庭, 居 …) are left out: 张子轩 must not read as a place.
        "省", "市", "区", "县", "州", "盟", "旗", "镇", "乡", "村", "屯", "寨", "庄", "路", "街", "道", "巷", "弄", "里", "苑", "园",
        "城", "湾", "厦", "區", "縣", "鄉", "鎮", "莊", "灣", "園",
    ];

    /// <summary>Place words other addresses end in (compared ignoring case).</summary>
    private static readonly HashSet<string> OtherPlaceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "way", "drive", "dr", "court", "ct", "place", "square", "sq",
        "garden", "gardens", "estate", "park", "plaza", "building", "tower", "towers", "village", "community", "district", "block",
        "terrace", "crescent", "mansion", "mansions", "residence", "residences", "apartments", "city", "town",
    };

    /// <summary>The index where the first number starts (with a <c>第</c>, <c>#</c> or <c>-</c> before it), or −1.</summary>
    /// <param name="text">The address, without invisible characters.</param>
    internal static int FirstNumber(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsNumeric(text, i))
            {
                return WithPrefix(text, i);
            }
            if (IsChineseNumeral(c))
            {
                int count = 0;
                int j = i;
                while (j < text.Length && (IsChineseNumeral(text[j]) || char.IsWhiteSpace(text[j])))
                {
                    count += IsChineseNumeral(text[j]) ? 1 : 0;
                    j++;
                }
                if (j == text.Length || IsMarker(text[j]) || count >= 3)
                {
                    return WithPrefix(text, i);
                }
                i = j - 1;
            }
            else if (IsLatinLetter(c) && (i == 0 || !IsLatinLetter(text[i - 1])))
            {
                int j = i;
                while (j < text.Length && IsLatinLetter(text[j]))
                {
                    j++;
                }
                if (j - i <= MaxLettersBeforeMarker && j < text.Length && (IsNumeric(text, j) || MarkerAfterSpaces(text, j)))
                {
                    return WithPrefix(text, i);
                }
                i = j - 1;
            }
        }
        return -1;
    }

    /// <summary>Whether the text (what an address keeps before its first number) reads as a place.</summary>
    /// <param name="kept">The text, trimmed and not empty.</param>
    internal static bool IsPlace(string kept)
    {
        if (ContainsCjk(kept))
        {
            return IsChinesePlace(kept);
        }
        var words = kept.Split([' ', ',', '.', '\u3000', '，', '。'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0
            && words.All(w => w.All(c => char.IsLetter(c) || c is '\'' or '-'))
            && OtherPlaceWords.Contains(words[^1]);
    }

    /// <summary>Whether the text holds a Chinese place word of two characters or more (小区, 花园, 街道 …) anywhere.</summary>
    internal static bool HoldsLongPlaceWord(string text)
    {
        foreach (string word in ChinesePlaceWords)
        {
            if (word.Length >= 2 && text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the text is a chain of place names, each a head of letters (1 to 8) and a place word.</summary>
    private static bool IsChinesePlace(string kept)
    {
        var text = new StringBuilder(kept.Length);
        foreach (char c in kept)
        {
            if (!char.IsWhiteSpace(c))
            {
                text.Append(c);
            }
        }
        string s = text.ToString();
        int n = s.Length;
        // parsed[k]: the first k characters are a chain of place names.
        var parsed = new bool[n + 1];
        parsed[0] = true;
        for (int end = 1; end <= n; end++)
        {
            foreach (string word in ChinesePlaceWords)
            {
                int headEnd = end - word.Length;
                if (headEnd < 1 || string.CompareOrdinal(s, headEnd, word, 0, word.Length) != 0)
                {
                    continue;
                }
                for (int start = headEnd - 1; start >= 0 && headEnd - start <= MaxHeadLength && IsHeadCharacter(s[start]); start--)
                {
                    if (parsed[start])
                    {
                        parsed[end] = true;
                        break;
                    }
                }
                if (parsed[end])
                {
                    break;
                }
            }
        }
        return parsed[n];
    }

    private static bool IsHeadCharacter(char c) => char.IsLetter(c) || char.IsSurrogate(c) || c is '·' or '〇';

    private static int WithPrefix(string text, int i)
    {
        while (i > 0 && (NumberPrefixes.Contains(text[i - 1], StringComparison.Ordinal) || char.IsWhiteSpace(text[i - 1])))
        {
            i--;
        }
        return i;
    }

    private static bool MarkerAfterSpaces(string text, int j)
    {
        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            j++;
        }
        return j < text.Length && IsMarker(text[j]);
    }

    /// <summary>A numeric character other than <c>〇</c>, which counts as a Chinese numeral (a number only before a marker).</summary>
    private static bool IsNumeric(string text, int i)
    {
        if (text[i] == '〇')
        {
            return false;
        }
        var category = char.IsSurrogatePair(text, i)
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[i + 1]))
            : CharUnicodeInfo.GetUnicodeCategory(text[i]);
        return category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    private static bool IsChineseNumeral(char c) => ChineseNumerals.Contains(c, StringComparison.Ordinal);

    private static bool IsMarker(char c) => Markers.Contains(c, StringComparison.Ordinal);

    private static bool IsLatinLetter(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ');

    private static bool ContainsCjk(string text)
    {
        foreach (char c in text)
        {
            if (c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') || char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }
}
