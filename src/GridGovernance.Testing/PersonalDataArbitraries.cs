using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace GridGovernance.Testing;

/// <summary>
/// FsCheck generators of realistic Chinese personal data for privacy properties: names (with compound surnames),
/// mobile numbers written every common way, addresses whose house numbers use every numeral form the masking handles
/// (ASCII and full-width digits, 小写 and 大写 numerals, circled and Roman numerals, letters with 座/栋/单元, spaces
/// between), landmarks that are no address, and free text mixing them. Use with
/// <c>[Property(Arbitrary = new[] { typeof(PersonalDataArbitraries) })]</c> and take a <see cref="Testing.PersonalData"/>
/// parameter, or compose the generators.
/// </summary>
public static class PersonalDataArbitraries
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",
        "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田", "董", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈",
        "欧阳", "司马", "上官", "诸葛", "慕容",
    ];

    private const string GivenCharacters = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力永健宇浩凯鹏晨欣怡梓涵子轩雨佳思嘉亮琳";

    private static readonly string[] Estates =
    [
        "西湖春天小区", "花园新村", "宜铜新村", "凤城街道花园小区", "十里河小区", "安高城市花园", "莱芜区凤城街道汇源社区", "Riverside Garden ",
    ];

    private const string SmallNumerals = "〇一二三四五六七八九";
    private const string CapitalNumerals = "零壹贰叁肆伍陆柒捌玖";

    /// <summary>Realistic Chinese names: a surname (sometimes compound) and one or two given characters.</summary>
    public static Gen<string> ChineseNameGen() =>
        from surname in Gen.Elements(Surnames)
        from length in Gen.Choose(1, 2)
        from given in Gen.ArrayOf(Gen.Elements(GivenCharacters.ToCharArray()), length)
        select surname + new string(given);

    /// <summary>Mobile numbers: eleven digits starting 13–19.</summary>
    public static Gen<string> MobileNumberGen() =>
        from second in Gen.Choose(3, 9)
        from rest in Gen.ArrayOf(Gen.Choose(0, 9), 9)
        select "1" + second.ToString(CultureInfo.InvariantCulture) + string.Concat(rest.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A number written one of the common ways: plain, 3-4-4 with dashes or spaces, with +86, or in full-width digits.</summary>
    /// <param name="digits">The number's digits.</param>
    public static Gen<string> WrittenPhoneGen(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        string grouped(string separator) => digits.Length == 11 ? $"{digits[..3]}{separator}{digits[3..7]}{separator}{digits[7..]}" : digits;
        return Gen.Elements(
            digits,
            grouped("-"),
            grouped(" "),
            "+86 " + digits,
            "+86-" + grouped("-"),
            new string([.. digits.Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c)]));
    }

    /// <summary>
    /// A house number (building, then maybe a unit and a room) in one of the numeral forms: <c>3号楼</c>, <c>３号楼</c>,
    /// <c>三号楼</c>, <c>叁号楼</c>, <c>③号楼</c>, <c>Ⅲ号楼</c>, <c>三 号楼</c>, <c>第三栋</c>, <c>C座</c>, <c>B栋</c>.
    /// </summary>
    public static Gen<string> HouseNumberGen() =>
        from building in Gen.Choose(1, 12)
        from buildingForm in Gen.Choose(0, 9)
        from unit in Gen.Choose(1, 6)
        from unitForm in Gen.Choose(0, 3)
        from room in Gen.Choose(101, 2802)
        from roomForm in Gen.Choose(0, 2)
        select Building(building, buildingForm) + Unit(unit, unitForm) + Room(room, roomForm);

    /// <summary>An address: an estate (Chinese, or <c>Riverside Garden</c>) followed by a house number of <see cref="HouseNumberGen"/>.</summary>
    public static Gen<(string Address, string HouseNumber)> AddressGen() =>
        from estate in Gen.Elements(Estates)
        from house in HouseNumberGen()
        select (estate + house, house);

    /// <summary>A place that is no address and names a person: <c>王小明家楼下</c>, <c>王小明家门口</c> …</summary>
    /// <param name="name">The person's name.</param>
    public static Gen<string> LandmarkGen(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Gen.Elements(name + "家楼下", name + "家门口", name + "家对面", name + "的店旁边", "找" + name + "（" + "楼下小卖部" + "）");
    }

    /// <summary>Free text carrying the name, phone and address, sometimes with markup, line breaks or bidi and zero-width characters.</summary>
    /// <param name="name">The name.</param>
    /// <param name="phone">The phone as written.</param>
    /// <param name="address">The address.</param>
    public static Gen<string> FreeTextGen(string name, string phone, string address) =>
        Gen.Elements(
            $"{name}（{phone}）反映{address}楼上漏水",
            $"<script>alert('{name}')</script>{phone}",
            $"{name}\n{phone}\r\n{address}",
            $"\u202E{name}\u200B{phone}",
            $"联系人{name}，电话{phone}，住{address}");

    /// <summary>Whole <see cref="Testing.PersonalData"/> values.</summary>
    public static Gen<PersonalData> PersonalDataGen() =>
        from name in ChineseNameGen()
        from digits in MobileNumberGen()
        from phone in WrittenPhoneGen(digits)
        from address in AddressGen()
        from landmark in LandmarkGen(name)
        from text in FreeTextGen(name, phone, address.Address)
        from keyKind in Gen.Choose(0, 2)
        from account in Gen.Choose(1, 999_999)
        let key = keyKind switch
        {
            0 => digits,
            1 => "wx:openid-" + account.ToString(CultureInfo.InvariantCulture),
            _ => name + digits[7..],
        }
        select new PersonalData(name, digits, phone, address.Address, address.HouseNumber, landmark, text, key);

    /// <summary>The arbitrary of <see cref="PersonalDataGen"/> (no shrinking: every value is already small).</summary>
    public static Arbitrary<PersonalData> PersonalData() => PersonalDataGen().ToArbitrary();

    private static string Building(int n, int form) => form switch
    {
        0 => n.ToString(CultureInfo.InvariantCulture) + "号楼",
        1 => FullWidth(n) + "号楼",
        2 => Chinese(n, SmallNumerals) + "号楼",
        3 => Chinese(n, CapitalNumerals) + "号楼",
        4 => char.ConvertFromUtf32(0x2460 + n - 1) + "号楼", // ① …
        5 => char.ConvertFromUtf32(0x2160 + n - 1) + "号楼", // Ⅰ … Ⅻ
        6 => Chinese(n, SmallNumerals) + " 号楼",
        7 => "第" + Chinese(n, SmallNumerals) + "栋",
        8 => (char)('A' + n - 1) + "座",
        _ => (char)('A' + n - 1) + "栋",
    };

    private static string Unit(int n, int form) => form switch
    {
        0 => n.ToString(CultureInfo.InvariantCulture) + "单元",
        1 => (char)('A' + n - 1) + "单元",
        2 => Chinese(n, CapitalNumerals) + "单元",
        _ => "",
    };

    private static string Room(int n, int form) => form switch
    {
        0 => n.ToString(CultureInfo.InvariantCulture) + "室",
        1 => FullWidth(n),
        _ => "",
    };

    private static string FullWidth(int n) => new([.. n.ToString(CultureInfo.InvariantCulture).Select(c => (char)('０' + (c - '0')))]);

    /// <summary>1 to 99 in Chinese numerals (十 for 10 in 小写, 拾 in 大写).</summary>
    private static string Chinese(int n, string digits)
    {
        string ten = digits == SmallNumerals ? "十" : "拾";
        var text = new StringBuilder();
        if (n >= 10)
        {
            if (n >= 20)
            {
                text.Append(digits[n / 10]);
            }
            text.Append(ten);
        }
        if (n % 10 != 0 || n < 10)
        {
            text.Append(digits[n % 10]);
        }
        return text.ToString();
    }
}
