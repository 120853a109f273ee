using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>The public board is built from an allow-list: a category is a code of the triage policy, never the filer's text.</summary>
public sealed class PublicBoardAllowListTest
{
    private static PublicBoardEntry EntryOf(string category, TriagePolicy? triage = null, string department = "housing")
    {
        var order = WorkOrder.File(new WorkOrderId(1), WorkOrderFixture.Draft(category), WorkOrderFixture.Resident, WorkOrderFixture.Grid, WorkOrderFixture.Start);
        if (department.Length > 0)
        {
            WorkOrderFixture.Run(order, WorkOrderCommand.Triage, WorkOrderFixture.Start);
            WorkOrderFixture.Run(order, WorkOrderCommand.Claim, WorkOrderFixture.Start);
            WorkOrderFixture.Run(order, WorkOrderCommand.Whistle, WorkOrderFixture.Start, department: department);
        }
        return PublicBoard.Entry(order, WorkOrderFixture.Shanghai, triage: triage);
    }

    [Theory]
    [InlineData("leak")]
    [InlineData("building-safety")]
    [InlineData("dispute")]
    [InlineData("parking")]
    [InlineData("sanitation")]
    [InlineData("streetlight")]
    [InlineData("other")]
    public void KnownCategory_IsShownAsItsCode(string category) => Assert.Equal(category, EntryOf(category).Category);

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("王小明 13812341234")]
    [InlineData("leak\nsecond line")]
    [InlineData("Leak")] // codes are compared exactly
    [InlineData("leak\u202E")]
    [InlineData("漏水")] // not on the standard list
    public void UnknownCategory_IsShownAsOther(string category) => Assert.Equal(TriagePolicy.OtherCategory, EntryOf(category).Category);

    [Fact]
    public void Category_IsComparedAfterTrimming() => Assert.Equal("leak", EntryOf("  leak ").Category);

    [Fact]
    public void IntegratorsCategories_AreShown_WithTheirPolicy()
    {
        var policy = new TriagePolicy(TriagePolicy.Standard.Classes, TriagePolicy.Standard.Rules, "small", ["漏水", "illegal-construction"]);

        Assert.Equal("漏水", EntryOf("漏水", policy).Category);
        Assert.Equal("illegal-construction", EntryOf("illegal-construction", policy).Category);
        Assert.Equal("other", EntryOf("illegal-construction").Category); // not under the standard policy
    }

    [Theory]
    [InlineData("housing", "housing")]
    [InlineData("market-regulation", "market-regulation")]
    [InlineData("市场监管局", "市场监管局")]
    [InlineData("王小明 13812341234", "other")]
    [InlineData("<b>housing</b>", "other")]
    public void Department_IsShownWhenItIsACode(string department, string expected) =>
        Assert.Equal(expected, Assert.Single(EntryOf("leak", department: department).Departments));

    [Fact]
    public void UnitName_LosesInvisibleCharacters()
    {
        var order = WorkOrderFixture.NewOrder();
        var names = new Dictionary<OrgUnitId, string> { [WorkOrderFixture.Grid] = "西湖\u202E春天\u200B网格" };

        Assert.Equal("西湖春天网格", PublicBoard.Entry(order, WorkOrderFixture.Shanghai, names).UnitName);
    }

    [Fact]
    public void Entries_UseThePolicyGiven()
    {
        var policy = new TriagePolicy(TriagePolicy.Standard.Classes, TriagePolicy.Standard.Rules, "small", ["pets"]);
        var order = WorkOrder.File(new WorkOrderId(1), WorkOrderFixture.Draft("pets"), WorkOrderFixture.Resident, WorkOrderFixture.Grid, WorkOrderFixture.Start);
        var day = new LocalDate(2024, 5, 6);

        Assert.Equal("pets", Assert.Single(PublicBoard.Entries([order], day, day, WorkOrderFixture.Shanghai, triage: policy)).Category);
        Assert.Equal("other", Assert.Single(PublicBoard.Entries([order], day, day, WorkOrderFixture.Shanghai)).Category);
    }
}
