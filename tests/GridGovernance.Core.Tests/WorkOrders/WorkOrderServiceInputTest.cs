using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.WorkOrders.WorkOrderServiceFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>Residents' filings and board queries under hostile input (issue 14).</summary>
public sealed class WorkOrderServiceInputTest
{
    [Fact]
    public async Task File_EveryBadField_IsListed_AndNothingIsStored()
    {
        using var f = new WorkOrderServiceFixture();
        var draft = Draft() with
        {
            Category = "leak\u202E",
            Description = new string('x', InputPolicy.MaxFreeTextLength + 1),
            Address = "3号楼\u200B",
            FilerName = "王\0",
            FilerPhone = "call me",
            Channel = (WorkOrderChannel)99,
            Urgency = (WorkOrderUrgency)(-1),
            Location = GeoPoint.Unknown,
        };

        var e = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => f.RunAsync(s => s.FileAsync(Resident, draft)));

        Assert.Equal(
            [("draft.Category", ErrorCodes.ForbiddenCharacter), ("draft.Description", ErrorCodes.TextTooLong), ("draft.Address", ErrorCodes.ForbiddenCharacter),
             ("draft.FilerName", ErrorCodes.ForbiddenCharacter), ("draft.Channel", ErrorCodes.UndefinedEnum), ("draft.Urgency", ErrorCodes.UndefinedEnum),
             ("draft.FilerPhone", ErrorCodes.InvalidValue), ("draft.Location", ErrorCodes.LocationRequired)],
            e.Problems.Select(p => (p.Field, p.Rule)));
        Assert.Equal(0, f.Store.Count<WorkOrder>());
    }

    [Theory]
    [InlineData(WorkOrderDraftValidator.MaxCategoryLength, false)]
    [InlineData(WorkOrderDraftValidator.MaxCategoryLength + 1, true)]
    public async Task File_Category_AtAndAboveItsLimit(int length, bool refused)
    {
        using var f = new WorkOrderServiceFixture();
        var draft = Draft(new string('c', length));

        var e = await Record.ExceptionAsync(() => f.RunAsync(s => s.FileAsync(Resident, draft)));

        Assert.Equal(refused, e is GridGovernanceValidationException { Code: ErrorCodes.TextTooLong });
        Assert.Equal(refused ? 0 : 1, f.Store.Count<WorkOrder>());
    }

    [Theory]
    [InlineData("+86 138-1234-1234", true)]
    [InlineData("(010) 1234", true)]
    [InlineData("1234", false)] // four digits: one too few
    [InlineData("12345", true)]
    [InlineData("123456789012345", true)]
    [InlineData("1234567890123456", false)] // sixteen: one too many
    [InlineData("1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6", false)] // over thirty characters
    [InlineData("138\u202E1234", false)]
    [InlineData("12+345", false)] // + only at the start
    [InlineData("１３８１２３４１２３４", true)] // full-width digits, as an input method types them
    [InlineData("＋８６　１３８－１２３４－１２３４", true)]
    [InlineData("１２３４", false)] // four full-width digits: one too few
    [InlineData("１２＋３４５", false)]
    [InlineData("١٢٣٤٥", false)] // Arabic-Indic digits are not a phone here
    public void FilerPhone_AsResidentsWriteIt(string phone, bool valid)
    {
        Assert.Equal(valid, WorkOrderDraftValidator.IsPhone(phone));
    }

    [Fact]
    public async Task Board_OverTheWholeCalendar_IsNoRawException()
    {
        using var f = new WorkOrderServiceFixture();
        await f.RunAsync(s => s.FileAsync(Resident, Draft()));

        var all = await f.RunAsync(s => s.BoardAsync(LocalDate.MinIsoValue, LocalDate.MaxIsoValue));
        var first = await f.RunAsync(s => s.BoardAsync(LocalDate.MinIsoValue, LocalDate.MinIsoValue));
        var last = await f.RunAsync(s => s.BoardAsync(LocalDate.MaxIsoValue, LocalDate.MaxIsoValue));

        Assert.Single(all);
        Assert.Empty(first);
        Assert.Empty(last);
    }

    /// <summary>
    /// Fuzzing the filing surface: a draft of hostile texts, enums and locations is either filed (and then passes the
    /// validator: nothing refused was stored) or refused with the library's exception naming a field, storing nothing.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property File_HostileDrafts_SucceedValidOrAreRefusedWithAField() =>
        Prop.ForAll(DraftGen().ToArbitrary(), draft =>
        {
            using var f = new WorkOrderServiceFixture();
            var e = Record.Exception(() => f.RunAsync(s => s.FileAsync(Resident, draft)).GetAwaiter().GetResult());
            int stored = f.Store.Count<WorkOrder>();
            if (e is null)
            {
                return stored == 1 && Record.Exception(() => WorkOrderDraftValidator.Validate(draft)) is null;
            }
            return HostileInputs.IsLibraryRefusal(e) && stored == 0;
        });

    private static Gen<WorkOrderDraft> DraftGen() =>
        from category in Gen.Frequency((1, HostileInputs.Strings()), (2, Gen.Elements("leak", "parking", "noise")))
        from description in HostileInputs.Strings()
        from address in HostileInputs.NullableStrings()
        from name in HostileInputs.NullableStrings()
        from phone in Gen.Elements<string?>(null, "13812341234", "138-1234-1234", "12", "x", "138\u200B1234")
        from channel in HostileInputs.EnumValues<WorkOrderChannel>()
        from urgency in HostileInputs.EnumValues<WorkOrderUrgency>()
        from location in Gen.Frequency((1, HostileInputs.Locations().Select(l => (GeoPoint?)l)), (1, Gen.Constant((GeoPoint?)null)))
        from household in Gen.Elements<HouseholdId?>(null, null, new HouseholdId(5), new HouseholdId(4242), default(HouseholdId))
        select Draft(category) with
        {
            Description = description,
            Address = address,
            FilerName = name,
            FilerPhone = phone,
            Channel = channel,
            Urgency = urgency,
            Location = location,
            Household = household,
            Unit = household is null ? Grid1000 : null,
        };
}
