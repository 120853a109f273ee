namespace GridGovernance.Tests;

/// <summary>
/// Every way a building, unit or door number is written (大写, circled, Roman, full-width, letters with 座/栋/单元, spaces
/// between), the rule "mask what you cannot parse", and invisible characters, which never survive masking.
/// </summary>
public sealed partial class PersonalDataMaskingTest
{
    [Theory]
    [InlineData("花园小区3号楼", "花园小区***")] // ASCII digit
    [InlineData("花园小区３号楼", "花园小区***")] // full-width digit
    [InlineData("花园小区三号楼", "花园小区***")] // 小写
    [InlineData("花园小区叁号楼", "花园小区***")] // 大写
    [InlineData("花园小区叁拾贰号楼", "花园小区***")]
    [InlineData("花园小区參號樓", "花园小区***")] // traditional 大写 and markers
    [InlineData("花园小区③号楼", "花园小区***")] // circled
    [InlineData("花园小区⑶号楼", "花园小区***")] // parenthesised
    [InlineData("花园小区❸栋", "花园小区***")] // negative circled
    [InlineData("花园小区㈢号楼", "花园小区***")] // parenthesised ideograph
    [InlineData("花园小区Ⅲ号楼", "花园小区***")] // Roman numeral character
    [InlineData("花园小区III号楼", "花园小区***")] // Roman numeral in Latin letters
    [InlineData("花园小区三 号楼", "花园小区***")] // a space between numeral and marker
    [InlineData("花园小区三　号楼", "花园小区***")] // an ideographic space
    [InlineData("花园小区三 十 二 号楼", "花园小区***")] // spaces inside the numeral
    [InlineData("花园小区C座B单元", "花园小区***")] // letters with 座 and 单元
    [InlineData("花园小区B座", "花园小区***")]
    [InlineData("花园小区Ｂ座", "花园小区***")] // a full-width letter
    [InlineData("花园小区B 栋", "花园小区***")]
    [InlineData("花园小区A3栋", "花园小区***")] // a letter right before a digit goes with it
    [InlineData("花园小区第三栋", "花园小区***")] // 第 goes with its number
    [InlineData("花园小区#3", "花园小区***")]
    [InlineData("花园小区²", "花园小区***")] // superscript
    [InlineData("花园小区〇", "花园小区***")]
    [InlineData("花园小区٣号", "花园小区***")] // another script's digit
    [InlineData("花园小区𝟑号楼", "花园小区***")] // a mathematical digit outside the BMP
    [InlineData("一三八一二三四五六七八", "***")] // a long run of numerals is a number even without a marker
    public void MaskAddress_EveryNumeralForm_IsCut(string address, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskAddress(address));

    [Theory]
    [InlineData("王小明家楼下")] // no number, not a place
    [InlineData("王小明家门口")]
    [InlineData("老张的店旁边")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<script>花园小区3号楼")] // what is kept before the number is no place either
    [InlineData("王小明家楼下3号")]
    [InlineData("花园小区B")] // a letter left over: not a place
    [InlineData("ABCD座")] // four letters are a word, not a number: and no place
    [InlineData("call 13812345678")]
    [InlineData("张子轩13812345678")] // a given name ending in 轩 is no place
    public void MaskAddress_WhatCannotBeParsed_IsMaskedWhole(string address) =>
        Assert.Equal("***", PersonalDataMasking.MaskAddress(address));

    [Theory]
    [InlineData("花园小区", "花园小区")]
    [InlineData("凤城街道花园小区", "凤城街道花园小区")]
    [InlineData("五一广场", "五一广场")]
    [InlineData("十里河花园小区", "十里河花园小区")]
    [InlineData("Riverside Garden", "Riverside Garden")]
    [InlineData("12 Baker Street", "***")] // the number comes first: nothing is kept
    [InlineData("Baker Street 12", "Baker Street***")]
    public void MaskAddress_APlace_IsShown(string address, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskAddress(address));

    // The head of a place name: one to eight letters before the place word.
    [Theory]
    [InlineData("花小区", "花小区")] // a head of one letter
    [InlineData("一二三四五六七八小区", "***")] // numerals are a number
    [InlineData("甲乙丙丁戊己庚辛小区", "甲乙丙丁戊己庚辛小区")] // eight letters: at the limit
    [InlineData("甲乙丙丁戊己庚辛壬小区", "***")] // nine: just above
    [InlineData("小区", "小区")] // 区 after the head 小
    [InlineData("区", "***")] // a place word with no head
    public void MaskAddress_HeadLength_Boundaries(string address, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskAddress(address));

    [Theory]
    [InlineData("ABC座", "***")] // three letters before a marker: at the limit, a number
    [InlineData("花园小区ABC座", "花园小区***")]
    [InlineData("花园小区ABCD座", "***")] // four: just above, a word that is no place
    public void MaskAddress_LettersBeforeAMarker_Boundaries(string address, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskAddress(address));

    public static TheoryData<string> InvisibleCharacters() =>
    [
        "\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", // bidi
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u180E", "\u00AD", // zero-width and soft hyphen
        "\u0000", "\u0007", "\u001B", "\u007F", "\u0090", // controls
        "\uFE0F", "\u3164", "\U000E0041", // variation selector, filler, tag
        // every blank the category does not give away, and both ends of each blank range
        "\u034F", "\u115F", "\u1160", "\u17B4", "\u17B5", "\u2800", "\uFFA0", // grapheme joiner, Hangul fillers, Khmer vowels, Braille blank, half-width filler
        "\u180B", "\u180F", "\uFE00", "\U000E0100", "\U000E01EF", // Mongolian free variation selectors, variation selectors and their supplement
    ];

    [Theory]
    [MemberData(nameof(InvisibleCharacters))]
    public void Masking_DropsInvisibleCharacters(string invisible)
    {
        Assert.Equal("张*明", PersonalDataMasking.MaskName("张" + invisible + "三明" + invisible));
        Assert.Equal("张*明", PersonalDataMasking.MaskName(invisible + "张三明"));
        Assert.Equal("J* S*", PersonalDataMasking.MaskName("J" + invisible + "ohn Smith"));
        Assert.Equal("花园小区***", PersonalDataMasking.MaskAddress("花园" + invisible + "小区三" + invisible + "号楼"));
        Assert.Equal("138****1234", PersonalDataMasking.MaskPhone("138" + invisible + "12341234"));
    }

    // Unpaired surrogates as a fact: theory data would be serialised, and a lone surrogate turned into U+FFFD on the way.
    [Fact]
    public void Masking_DropsUnpairedSurrogates()
    {
        foreach (string lone in new[] { "\uD800", "\uDC00", "\uDBFF", "\uDFFF" })
        {
            Assert.Equal("张*明", PersonalDataMasking.MaskName("张" + lone + "三明" + lone));
            Assert.Equal("J* S*", PersonalDataMasking.MaskName("J" + lone + "ohn Smith"));
            Assert.Equal("花园小区***", PersonalDataMasking.MaskAddress("花园" + lone + "小区三" + lone + "号楼"));
        }
        Assert.Equal("𠀾*明", PersonalDataMasking.MaskName("𠀾\uD800三明")); // a pair is kept, a lone half dropped
    }

    [Theory]
    [InlineData("\u202E")] // a name of only an override
    [InlineData("\u200B\u200B")]
    [InlineData("\u0000")]
    public void MaskName_OnlyInvisibleCharacters_GivesEmpty(string name) => Assert.Equal("", PersonalDataMasking.MaskName(name));

    [Theory]
    [InlineData("John\nSmith", "J* S*")] // line breaks separate words, they are never shown
    [InlineData("John\u2028Smith", "J* S*")]
    [InlineData("张\n三明", "张*明")]
    public void MaskName_LineBreaks_AreWhiteSpace(string name, string expected) => Assert.Equal(expected, PersonalDataMasking.MaskName(name));
}
