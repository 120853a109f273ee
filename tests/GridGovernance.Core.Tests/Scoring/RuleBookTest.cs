using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;
using static GridGovernance.Tests.Scoring.RuleBookSamples;

namespace GridGovernance.Tests.Scoring;

public sealed partial class RuleBookTest
{
    [Fact]
    public void Create_ValidBook_IndexesCategoriesAndItemsInDefinitionOrder()
    {
        var book = RuleBook.Create(EveryKind());

        Assert.Equal("sample-2024", book.Id);
        Assert.Equal(3, book.Version);
        Assert.Equal(["party-day", "study", "conduct"], book.Categories.Select(c => c.Code));
        Assert.Equal(1, book.IndexOfCategory("study"));
        Assert.Equal(0, book.IndexOfItem("attendance"));
        Assert.Equal(9, book.IndexOfItem("sanction"));
        Assert.Equal(book.IndexOfCategory("conduct"), book.ItemCategories[book.IndexOfItem("dues")]);
        Assert.True(book.HasItem("dues"));
        Assert.False(book.HasItem("Dues"));
        Assert.Same(book.Definition.Stars, book.Stars);
    }

    [Fact]
    public void Create_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => RuleBook.Create(null!));
    }

    [Fact]
    public void IndexOfItem_UnknownCode_IsRefusedNamingTheBookAndCode()
    {
        var book = RuleBook.Create(EveryKind());

        var problem = Refused.With("code", ErrorCodes.UnknownKey, () => book.IndexOfItem("ghost"));
        Assert.Contains("'sample-2024'", problem.Message);
        Assert.Contains("'ghost'", problem.Message);
        Refused.With("code", ErrorCodes.UnknownKey, () => book.IndexOfItem("ATTENDANCE"));
        Assert.Throws<ArgumentNullException>(() => book.IndexOfItem(null!));
    }

    [Fact]
    public void IndexOfCategory_UnknownCode_IsRefused()
    {
        var book = RuleBook.Create(EveryKind());

        Refused.With("code", ErrorCodes.UnknownKey, () => book.IndexOfCategory("attendance"));
        Assert.Throws<ArgumentNullException>(() => book.IndexOfCategory(null!));
    }

    [Fact]
    public void VersionOn_PicksTheVersionInForceOnTheOccurrenceDate()
    {
        var book = RuleBook.Create(EveryKind());
        int online = book.IndexOfItem("online-study");

        Assert.Null(book.VersionOn(online, new LocalDate(2023, 12, 31)));
        Assert.Equal(Points.From(0.5m), book.VersionOn(online, January1)!.Points);
        Assert.Equal(Points.From(0.5m), book.VersionOn(online, new LocalDate(2024, 6, 30))!.Points);
        Assert.Equal(Points.From(1), book.VersionOn(online, July1)!.Points);
        Assert.Equal(Points.From(1), book.VersionOn(online, new LocalDate(2031, 1, 1))!.Points);
    }

    [Fact]
    public void VersionOn_VersionsListedOutOfOrder_AreTakenByDate()
    {
        var definition = EveryKind() with
        {
            Items = [Item("attendance", "party-day", Fixed(3, new LocalDate(2024, 10, 1)), Fixed(1), Fixed(2, July1))],
            Stars = new StarRules(),
        };
        var book = RuleBook.Create(definition);

        Assert.Equal(Points.From(1), book.VersionOn(0, new LocalDate(2024, 3, 1))!.Points);
        Assert.Equal(Points.From(2), book.VersionOn(0, new LocalDate(2024, 9, 30))!.Points);
        Assert.Equal(Points.From(3), book.VersionOn(0, new LocalDate(2024, 10, 1))!.Points);
        Assert.Equal([Points.From(3), Points.From(1), Points.From(2)], book.Items[0].Versions.Select(v => v.Points));
    }

    [Fact]
    public void MultiplierFor_ListedKind_IsItsMultiplier_AndAnUnlistedKindHasOne()
    {
        var book = RuleBook.Create(EveryKind());

        Assert.Equal(1.2m, book.MultiplierFor(MemberKind.InService));
        Assert.Equal(1m, book.MultiplierFor(MemberKind.Mobile));
    }
}
