using System.Text;
using FsCheck;
using FsCheck.Xunit;

namespace GridGovernance.Tests;

/// <summary>
/// The edges of each masking rule, written as boundaries: the first and last code point of every CJK block the name
/// rule treats as Chinese and the code point just outside it, the digit-count thresholds of the phone rule, and the
/// numeral/marker rule of the address mask.
/// </summary>
public sealed partial class PersonalDataMaskingTest
{
    // A one-character name tells the two name rules apart: a Chinese name of one character is hidden whole ("*"),
    // any other word keeps its first character ("X*").
    [Theory]
    [InlineData(0x33FF, false)] // ㏿ (CJK compatibility), just below Extension A
    [InlineData(0x3400, true)] // 㐀, first of Extension A
    [InlineData(0x4DBF, true)] // last of Extension A
    [InlineData(0x4DC0, false)] // ䷀ (Yijing hexagram), just above Extension A
    [InlineData(0x4DFF, false)] // just below the unified ideographs
    [InlineData(0x4E00, true)] // 一, first unified ideograph
    [InlineData(0x9FFF, true)] // last of the unified ideographs block
    [InlineData(0xA000, false)] // ꀀ (Yi), just above
    [InlineData(0xF8FF, false)] // private use, just below the compatibility ideographs
    [InlineData(0xF900, true)] // 豈, first compatibility ideograph
    [InlineData(0xFAFF, true)] // last of the compatibility ideographs block
    [InlineData(0xFB00, false)] // ﬀ, just above
    [InlineData(0x1FFFF, false)] // just below Extension B
    [InlineData(0x20000, true)] // 𠀀, first of Extension B
    [InlineData(0x3134F, true)] // last of Extension G
    [InlineData(0x31350, false)] // just above Extension G
    public void MaskName_OneCharacter_ChineseOnlyInsideTheCjkBlocks(int codePoint, bool chinese)
    {
        string c = char.ConvertFromUtf32(codePoint);

        Assert.Equal(chinese ? "*" : c + "*", PersonalDataMasking.MaskName(c));
    }

    [Theory]
    [InlineData("김민준", "김*")] // Hangul: masked word by word, not as a Chinese name (which would give 김*준)
    [InlineData("김 민준", "김* 민*")]
    [InlineData("やまだ たろう", "や* た*")] // kana is not CJK ideographs
    [InlineData("Иван Петров", "И* П*")]
    public void MaskName_NonChineseScripts_MaskedWordByWord(string name, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskName(name));

    [Theory]
    [InlineData("Li 张", "L*张")] // one CJK character makes the whole name Chinese: white space removed, first and last kept
    [InlineData("张 Li", "张*i")]
    [InlineData("Anna 李", "A*李")]
    public void MaskName_AnyCjkCharacter_MasksTheWholeNameAsChinese(string name, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskName(name));

    [Theory]
    [InlineData("张三明李", "张*李")] // four characters: still one star
    [InlineData("张\t三", "张*")] // a tab is white space too
    [InlineData("\u3000张三\u3000", "张*")] // the ideographic space is trimmed
    public void MaskName_ChineseNameLength_IsHidden(string name, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskName(name));

    [Theory]
    [InlineData("𝒜nna", "𝒜*")] // a non-Chinese word whose first character is a surrogate pair keeps it whole
    [InlineData("e\u0301mile", "e\u0301*")] // a combining accent stays with its letter
    public void MaskName_NonChineseFirstCharacter_IsATextElement(string name, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskName(name));

    // The phone rule's thresholds: 0 | 1–2 | 3–7 | 8+ digits.
    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "*")]
    [InlineData(2, "**")] // at the upper edge of "masked completely"
    [InlineData(3, "*23")] // just above: the last two show
    [InlineData(6, "****56")]
    [InlineData(7, "*****67")] // just below eight: still only the last two
    [InlineData(8, "123*5678")] // at eight: first three and last four
    [InlineData(9, "123**6789")] // just above
    [InlineData(15, "123********2345")]
    public void MaskPhone_DigitCountThresholds(int digits, string expected)
    {
        var phone = new StringBuilder();
        for (int i = 1; i <= digits; i++)
        {
            phone.Append((char)('0' + i % 10));
        }

        Assert.Equal(expected, PersonalDataMasking.MaskPhone(phone.ToString()));
    }

    [Theory]
    [InlineData("0123456789", "012***6789")] // both ASCII ends are digits
    [InlineData("０１２３４５６７８９", "012***6789")] // both full-width ends are digits, read as ASCII digits
    [InlineData("/0:9/", "**")] // the characters just outside '0'..'9' are not digits
    [InlineData("／０：９／", "**")] // nor those just outside '０'..'９'
    [InlineData("+86 (0531) 1234-5678", "053*****5678")] // a phone with the +86 country code: masked on its own twelve digits
    [InlineData("86 (0531) 1234-5678", "860*******5678")] // no +: fourteen digits
    [InlineData("٠١٢٣٤٥٦٧٨٩", "")] // other scripts' digits are not phone digits
    public void MaskPhone_OnlyAsciiAndFullWidthDigitsCount(string phone, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskPhone(phone));

    [Property]
    public bool MaskPhone_KeepsTheLengthAndNeverShowsMoreThanSevenDigits(NonNegativeInt seed)
    {
        int n = seed.Get % 30;
        string phone = string.Concat(Enumerable.Range(0, n).Select(i => (char)('0' + (i * 7 + seed.Get) % 10)));
        string masked = PersonalDataMasking.MaskPhone(phone);
        int shown = masked.Count(char.IsDigit);
        int expectedShown = n >= 8 ? 7 : n > 2 ? 2 : 0;
        return masked.Length == n && shown == expectedShown && masked.All(c => c == '*' || char.IsDigit(c));
    }

    [Theory]
    [InlineData("三里屯1号", "三里屯***")] // a numeral that is no number: the digit right after it still cuts
    [InlineData("三里1号", "三里***")]
    [InlineData("五一广场", "五一广场")] // numerals followed by no marker: kept
    [InlineData("花园小区三", "花园小区***")] // a numeral at the very end is a building number
    [InlineData("花园小区二十", "花园小区***")] // so is a run of numerals at the end
    [InlineData("花园小区二十 ", "花园小区***")] // trailing spaces do not hide it
    [InlineData("五一", "***")]
    [InlineData("花园小区十二号", "花园小区***")] // a run of numerals then a marker: cut at the run's start
    [InlineData("花园小区两户", "花园小区***")]
    [InlineData("  花园小区  ", "花园小区")] // no number: trimmed only
    [InlineData("花园小区 ３", "花园小区***")] // the text before the cut is trimmed at its end
    [InlineData("一号院", "***")]
    public void MaskAddress_NumeralsAndMarkers(string address, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskAddress(address));

    [Theory]
    [InlineData('号')]
    [InlineData('楼')]
    [InlineData('栋')]
    [InlineData('幢')]
    [InlineData('座')]
    [InlineData('单')]
    [InlineData('元')]
    [InlineData('室')]
    [InlineData('户')]
    [InlineData('层')]
    [InlineData('门')]
    [InlineData('院')]
    [InlineData('排')]
    [InlineData('巷')]
    [InlineData('弄')]
    public void MaskAddress_EveryMarkerAfterANumeral_Cuts(char marker) =>
        Assert.Equal("花园***", PersonalDataMasking.MaskAddress("花园三" + marker + "X"));

    [Theory]
    [InlineData('〇')]
    [InlineData('一')]
    [InlineData('二')]
    [InlineData('三')]
    [InlineData('四')]
    [InlineData('五')]
    [InlineData('六')]
    [InlineData('七')]
    [InlineData('八')]
    [InlineData('九')]
    [InlineData('十')]
    [InlineData('百')]
    [InlineData('千')]
    [InlineData('零')]
    [InlineData('两')]
    public void MaskAddress_EveryNumeralBeforeAMarker_Cuts(char numeral)
    {
        Assert.Equal("花园***", PersonalDataMasking.MaskAddress("花园" + numeral + "号"));
        Assert.Equal("花园" + numeral + "路", PersonalDataMasking.MaskAddress("花园" + numeral + "路"));
    }
}
