using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>A resident's personal data as a filing might carry it.</summary>
public sealed record Filer(string Name, string Phone, string Estate, int Building, int Unit, int Room, bool PhoneWithDashes);

public static class FilerGenerators
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private const string Given = "小明华丽芳军伟强磊洋艳勇杰娟涛超秀英";
    private static readonly string[] Estates = ["西湖春天小区", "花园新村", "安高城市天地", "宜铜新村", "Riverside Garden "];

    public static Arbitrary<Filer> Filers() =>
        (from surname in Gen.Elements(Surnames.ToCharArray())
         from givenLength in Gen.Choose(1, 3)
         from given in Gen.ArrayOf(Gen.Elements(Given.ToCharArray()), givenLength)
         from second in Gen.Choose(3, 9)
         from rest in Gen.ArrayOf(Gen.Choose(0, 9), 9)
         from estate in Gen.Elements(Estates)
         from building in Gen.Choose(1, 40)
         from unit in Gen.Choose(1, 6)
         from room in Gen.Choose(101, 3202)
         from dashes in Gen.Elements(true, false)
         select new Filer(surname + new string(given), "1" + second + string.Concat(rest), estate, building, unit, room, dashes)).ToArbitrary();
}

/// <summary>The public board never shows a generated name, phone number or house number.</summary>
public sealed class BoardMaskingProperties
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Property(Arbitrary = [typeof(FilerGenerators)], MaxTest = 300)]
    public bool Board_NeverLeaksANamePhoneOrHouseNumber(Filer filer)
    {
        string house = $"{filer.Building}号楼{filer.Unit}单元{filer.Room}室";
        string phone = filer.PhoneWithDashes ? $"{filer.Phone[..3]}-{filer.Phone[3..7]}-{filer.Phone[7..]}" : filer.Phone;
        var draft = WorkOrderFixture.Draft() with
        {
            Description = $"{filer.Name}（{phone}）反映{filer.Estate}{house}楼上漏水",
            FilerName = filer.Name,
            FilerPhone = phone,
            Address = filer.Estate + house,
        };
        var order = WorkOrder.File(new WorkOrderId(1), draft, WorkOrderFixture.Resident, WorkOrderFixture.Grid, WorkOrderFixture.Start);
        WorkOrderFixture.Run(order, WorkOrderCommand.Triage, WorkOrderFixture.Start);
        WorkOrderFixture.Run(order, WorkOrderCommand.Claim, WorkOrderFixture.Start);
        order.Resolve($"已联系{filer.Name} {phone}，{house}修复", WorkOrderFixture.CadreActor, WorkOrderFixture.Start);
        order.Rate(true, $"我是{filer.Name}，电话{filer.Phone}", WorkOrderFixture.Resident, WorkOrderFixture.Limits, WorkOrderFixture.Policy, WorkOrderFixture.Start);

        var entry = Assert.Single(PublicBoard.Entries([order], new LocalDate(2024, 5, 1), new LocalDate(2024, 5, 31), Zone));
        string text = string.Join("|", entry.Category, entry.UnitName, entry.Place, entry.FiledBy, entry.Phone, string.Join(",", entry.Departments), entry.Status.ToString());
        string digits = new([.. phone.Where(char.IsDigit)]);
        return !text.Contains(filer.Name, StringComparison.Ordinal)
            && !text.Contains(filer.Phone, StringComparison.Ordinal)
            && !text.Contains(phone, StringComparison.Ordinal)
            // The hidden middle of the number (unless it repeats the last four, which the mask shows: 168****4984 for 16849844984).
            && (digits[3..7] == digits[7..] || !text.Contains(digits[3..7], StringComparison.Ordinal))
            && !text.Contains(house, StringComparison.Ordinal)
            && !entry.Place.Any(char.IsDigit)
            && entry.FiledBy.Contains(PersonalDataMasking.MaskCharacter)
            && entry.Phone == PersonalDataMasking.MaskPhone(filer.Phone);
    }
}
