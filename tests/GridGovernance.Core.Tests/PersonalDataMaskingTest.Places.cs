using GridGovernance.Scoring.Rankings;
using GridGovernance.Tests.Scoring.Stars;
using GridGovernance.Tests.WorkOrders;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Tests;

/// <summary>Names that are places or hold numbers are masked whole on public output: mask what cannot be read as a name (issue 14).</summary>
public sealed partial class PersonalDataMaskingTest
{
    [Theory]
    [InlineData("3号楼王明", "***")] // a number of any script
    [InlineData("王明３", "***")]
    [InlineData("张三③", "***")]
    [InlineData("Ⅲ王", "***")]
    [InlineData("幸福小区", "***")] // a place word of two characters anywhere
    [InlineData("王明家住花园小区", "***")]
    [InlineData("凤城大街", "***")]
    [InlineData("山东省济南市", "***")] // four characters or more that read as a chain of place names
    [InlineData("王家庄村", "***")]
    [InlineData("Baker Street", "***")] // two words or more ending in a place word
    [InlineData("Flat 3 Rose Garden", "***")]
    [InlineData("Lois Lane", "***")] // cannot be told from a place
    [InlineData("李园", "李*")] // shorter texts ending in one place character cannot be told from names
    [InlineData("张子路", "张*路")]
    [InlineData("Park", "P*")] // one word is a name
    [InlineData("张三", "张*")] // 三 is a letter here, not a number: a name may end in a numeral
    [InlineData("欧阳娜娜", "欧*娜")]
    [InlineData("阿依古丽·买买提", "阿*提")] // a name with · is a name
    public void MaskName_WhatCannotBeReadAsAName_IsMaskedWhole(string name, string expected) =>
        Assert.Equal(expected, PersonalDataMasking.MaskName(name));

    [Fact]
    public void TheBoardAndTheRanking_MaskPlaceNamesWhole()
    {
        var draft = WorkOrderFixture.Draft("leak") with { FilerName = "幸福小区3号楼", FilerPhone = "13812341234", Address = "幸福小区3号楼" };
        var order = WorkOrder.File(new WorkOrderId(1), draft, WorkOrderActor.ForResident("wx:1"), WorkOrderFixture.Grid, WorkOrderFixture.Start);
        var board = PublicBoard.Entries([order], new LocalDate(2024, 5, 1), new LocalDate(2024, 5, 31), DateTimeZone.Utc);
        var ranking = RankingBoard.Rank(StarsRankingsBook.WithScores([10, 20])).ToPublic(m => m.Value == 1 ? "凤城路88号" : "Baker Street");

        var entry = Assert.Single(board);
        Assert.Equal(("***", "幸福小区***"), (entry.FiledBy, entry.Place));
        Assert.All(ranking, r => Assert.Equal("***", r.MaskedName));
    }
}
