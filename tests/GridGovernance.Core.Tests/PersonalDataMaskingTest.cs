using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace GridGovernance.Tests;

public sealed partial class PersonalDataMaskingTest
{
    [Theory]
    [InlineData("张三明", "张*明")]
    [InlineData("张三", "张*")]
    [InlineData("张", "*")]
    [InlineData("欧阳娜娜", "欧*娜")]
    [InlineData(" 张 三明 ", "张*明")]
    [InlineData("阿依古丽·买买提", "阿*提")]
    [InlineData("John Smith", "J* S*")]
    [InlineData("  Mary   Ann  Lee ", "M* A* L*")]
    [InlineData("J", "J*")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void MaskName_Examples(string name, string expected) => Assert.Equal(expected, PersonalDataMasking.MaskName(name));

    [Fact]
    public void MaskName_SurrogatePairIsNeverSplit()
    {
        // 𠀾 is outside the Basic Multilingual Plane: one character, two UTF-16 units.
        Assert.Equal("𠀾*明", PersonalDataMasking.MaskName("𠀾三明"));
        Assert.Equal("张*𠀾", PersonalDataMasking.MaskName("张三𠀾"));
    }

    [Fact]
    public void MaskName_Null_Throws() => Assert.Throws<ArgumentNullException>(() => PersonalDataMasking.MaskName(null!));

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("138-1234-1234", "138****1234")]
    [InlineData("１３８１２３４１２３４", "138****1234")]
    [InlineData("053112345678", "053*****5678")]
    [InlineData("12345678", "123*5678")]
    [InlineData("5551234", "*****34")]
    [InlineData("123", "*23")]
    [InlineData("12", "**")]
    [InlineData("7", "*")]
    [InlineData("", "")]
    [InlineData("n/a", "")]
    public void MaskPhone_Examples(string phone, string expected) => Assert.Equal(expected, PersonalDataMasking.MaskPhone(phone));

    [Fact]
    public void MaskPhone_Null_Throws() => Assert.Throws<ArgumentNullException>(() => PersonalDataMasking.MaskPhone(null!));

    [Theory]
    [InlineData("花园小区1号楼1单元101室", "花园小区***")]
    [InlineData("山东省济南市莱芜区凤城街道花园小区3号楼", "山东省济南市莱芜区凤城街道花园小区***")]
    [InlineData("花园小区三号楼二单元一〇一室", "花园小区***")]
    [InlineData("1号楼1单元101室", "***")]
    [InlineData("凤城大街88号花园小区", "凤城大街***")]
    [InlineData("十里河花园小区五栋", "十里河花园小区***")]
    [InlineData("花园小区Ｂ座１２０１", "花园小区***")] // a letter before 座 is a number too
    [InlineData("Building 3, door 1", "Building***")]
    [InlineData("花园小区", "花园小区")]
    [InlineData("", "")]
    public void MaskAddress_Examples(string address, string expected) => Assert.Equal(expected, PersonalDataMasking.MaskAddress(address));

    [Fact]
    public void MaskAddress_Null_Throws() => Assert.Throws<ArgumentNullException>(() => PersonalDataMasking.MaskAddress(null!));

    [Property(Arbitrary = new[] { typeof(MaskingArbitraries) })]
    public bool MaskName_NeverLeaksTheMiddleOfAChineseName(ChineseName name)
    {
        string masked = PersonalDataMasking.MaskName(name.Value);
        var chars = name.Value.ToCharArray();
        if (!PersonalDataMasking.ReadsAsName(name.Value))
        {
            return masked == "***"; // a random name that reads as a place is masked whole
        }
        return chars.Length switch
        {
            1 => masked == "*",
            2 => masked == chars[0] + "*",
            _ => masked == $"{chars[0]}*{chars[^1]}" && !name.Value[1..^1].Any(c => c != chars[0] && c != chars[^1] && masked.Contains(c)),
        };
    }

    [Property(Arbitrary = new[] { typeof(MaskingArbitraries) })]
    public bool MaskPhone_NeverLeaksTheMiddleFourDigits(MobileNumber phone)
    {
        string masked = PersonalDataMasking.MaskPhone(phone.Value);
        return masked.Length == 11
               && masked[3..7] == "****"
               && masked[..3] == phone.Value[..3]
               && masked[7..] == phone.Value[7..];
    }

    [Property(Arbitrary = new[] { typeof(MaskingArbitraries) })]
    public bool MaskAddress_NeverShowsADigit(Address address) =>
        !PersonalDataMasking.MaskAddress(address.Value).Any(char.IsDigit);

    public sealed record ChineseName(string Value)
    {
        public override string ToString() => Value;
    }

    public sealed record MobileNumber(string Value)
    {
        public override string ToString() => Value;
    }

    public sealed record Address(string Value)
    {
        public override string ToString() => Value;
    }

    public static class MaskingArbitraries
    {
        public static Arbitrary<ChineseName> ChineseNames() =>
            Gen.Choose(1, 5)
                .SelectMany(length => Gen.ArrayOf(Gen.Choose(0x4E00, 0x9FA5).Select(c => (char)c), length))
                .Select(chars => new ChineseName(new string(chars)))
                .ToArbitrary();

        public static Arbitrary<MobileNumber> MobileNumbers() =>
            Gen.ArrayOf(Gen.Choose(0, 9), 10)
                .Select(digits => new MobileNumber("1" + string.Concat(digits.Select(d => d.ToString(CultureInfo.InvariantCulture)))))
                .ToArbitrary();

        public static Arbitrary<Address> Addresses() =>
            Gen.ArrayOf(Gen.Elements("花园小区", "凤城街道", "1", "23", "号楼", "单元", "室", "三", "栋", "Ｂ座", "８", " ", "-", "#"))
                .Select(parts => new Address(string.Concat(parts)))
                .ToArbitrary();
    }
}
