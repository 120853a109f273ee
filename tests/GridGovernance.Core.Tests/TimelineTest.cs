using NodaTime;

namespace GridGovernance.Tests;

public class TimelineTest
{
    private static readonly LocalDate Jan = new(2024, 1, 1);
    private static readonly LocalDate Mar = new(2024, 3, 1);
    private static readonly LocalDate Jun = new(2024, 6, 1);
    private static readonly LocalDate Sep = new(2024, 9, 1);

    [Fact]
    public void StartWith_OneOpenSegment()
    {
        var timeline = Timeline<string>.StartWith("a", Jan);

        Assert.Equal<Segment<string>>([new("a", Jan, null)], timeline.Segments);
        Assert.Equal("a", timeline.Current);
        Assert.True(timeline.IsOpen);
        Assert.Equal(Jan, timeline.Start);
        Assert.True(timeline.HoldsOn(Sep.PlusYears(10)));
        Assert.False(timeline.HoldsOn(Jan.PlusDays(-1)));
    }

    [Fact]
    public void ChangeTo_Later_AppendsSegmentAndKeepsOriginal()
    {
        var original = Timeline<string>.StartWith("a", Jan);

        var changed = original.ChangeTo("b", Jun);

        Assert.Equal<Segment<string>>([new("a", Jan, Jun), new("b", Jun, null)], changed.Segments);
        Assert.Equal("b", changed.Current);
        Assert.Single(original.Segments);
        Assert.Equal("a", original.Current);
    }

    [Fact]
    public void TryGetValueAt_HalfOpenBoundaries()
    {
        var timeline = Timeline<string>.StartWith("a", Jan).ChangeTo("b", Mar).ChangeTo("c", Jun);

        Assert.False(timeline.TryGetValueAt(Jan.PlusDays(-1), out _));
        Assert.True(timeline.TryGetValueAt(Jan, out var first));
        Assert.Equal("a", first);
        Assert.True(timeline.TryGetValueAt(Mar.PlusDays(-1), out var lastDayOfA));
        Assert.Equal("a", lastDayOfA);
        Assert.True(timeline.TryGetValueAt(Mar, out var second));
        Assert.Equal("b", second);
        Assert.True(timeline.TryGetValueAt(Sep, out var third));
        Assert.Equal("c", third);
    }

    [Fact]
    public void ChangeTo_SameDayAsCurrentStart_ReplacesIt()
    {
        var timeline = Timeline<string>.StartWith("a", Jan).ChangeTo("b", Jun);

        var corrected = timeline.ChangeTo("c", Jun);

        Assert.Equal<Segment<string>>([new("a", Jan, Jun), new("c", Jun, null)], corrected.Segments);
    }

    [Fact]
    public void ChangeTo_SameDayBackToPreviousValue_RejoinsPreviousSegment()
    {
        var timeline = Timeline<string>.StartWith("a", Jan).ChangeTo("b", Jun);

        var corrected = timeline.ChangeTo("a", Jun);

        Assert.Equal<Segment<string>>([new("a", Jan, null)], corrected.Segments);
        Assert.Equal("a", corrected.Current);
    }

    [Fact]
    public void ChangeTo_CurrentValue_ReturnsSameTimeline()
    {
        var timeline = Timeline<string>.StartWith("a", Jan).ChangeTo("b", Mar);

        Assert.Same(timeline, timeline.ChangeTo("b", Jun));
        Assert.Same(timeline, timeline.ChangeTo("b", Mar));
    }

    [Fact]
    public void ChangeTo_BeforeCurrentStart_ThrowsRetroactive()
    {
        var timeline = Timeline<string>.StartWith("a", Jan).ChangeTo("b", Jun);

        var exception = Assert.Throws<GridGovernanceException>(() => timeline.ChangeTo("c", Mar));

        Assert.Equal(ErrorCodes.RetroactiveChange, exception.Code);
        Assert.Equal(2, timeline.Segments.Length);
    }

    [Fact]
    public void EndOn_ClosesLastSegment()
    {
        var ended = Timeline<string>.StartWith("a", Jan).ChangeTo("b", Mar).EndOn(Jun);

        Assert.False(ended.IsOpen);
        Assert.Equal(new Segment<string>("b", Mar, Jun), ended.Last);
        Assert.Equal("b", ended.Current);
        Assert.True(ended.HoldsOn(Jun.PlusDays(-1)));
        Assert.False(ended.HoldsOn(Jun));
        Assert.False(ended.HoldsOn(Sep));
    }

    [Fact]
    public void EndOn_NotAfterCurrentStart_ThrowsRetroactive()
    {
        var timeline = Timeline<string>.StartWith("a", Jan).ChangeTo("b", Mar);

        Assert.Equal(ErrorCodes.RetroactiveChange, Assert.Throws<GridGovernanceException>(() => timeline.EndOn(Mar)).Code);
        Assert.Equal(ErrorCodes.RetroactiveChange, Assert.Throws<GridGovernanceException>(() => timeline.EndOn(Jan)).Code);
    }

    [Fact]
    public void AfterEnd_ChangeOrEndAgain_ThrowsRetroactive()
    {
        var ended = Timeline<string>.StartWith("a", Jan).EndOn(Jun);

        Assert.Equal(ErrorCodes.RetroactiveChange, Assert.Throws<GridGovernanceException>(() => ended.ChangeTo("b", Sep)).Code);
        Assert.Equal(ErrorCodes.RetroactiveChange, Assert.Throws<GridGovernanceException>(() => ended.EndOn(Sep)).Code);
    }

    [Fact]
    public void CheckNotRetroactive()
    {
        var timeline = Timeline<int>.StartWith(1, Mar);

        timeline.CheckNotRetroactive(Mar);
        timeline.CheckNotRetroactive(Sep);
        Assert.Equal(ErrorCodes.RetroactiveChange, Assert.Throws<GridGovernanceException>(() => timeline.CheckNotRetroactive(Jan)).Code);
    }

    [Fact]
    public void FromSegments_Consecutive_Restores()
    {
        var timeline = Timeline<int>.FromSegments([new(1, Jan, Mar), new(2, Mar, Jun)]);

        Assert.False(timeline.IsOpen);
        Assert.Equal(2, timeline.Current);
        Assert.True(timeline.TryGetValueAt(Jan, out var value));
        Assert.Equal(1, value);
    }

    [Fact]
    public void FromSegments_Invalid_IsRefused()
    {
        Assert.Throws<GridGovernanceValidationException>(() => Timeline<int>.FromSegments([]));
        Assert.Throws<GridGovernanceValidationException>(() => Timeline<int>.FromSegments([new(1, Jan, Mar), new(2, Jun, null)]));   // gap
        Assert.Throws<GridGovernanceValidationException>(() => Timeline<int>.FromSegments([new(1, Jan, Jun), new(2, Mar, null)]));   // overlap
        Assert.Throws<GridGovernanceValidationException>(() => Timeline<int>.FromSegments([new(1, Jan, null), new(2, Mar, null)]));  // inner open
        Assert.Throws<GridGovernanceValidationException>(() => Timeline<int>.FromSegments([new(1, Mar, Mar)]));                       // empty segment
        Assert.Throws<ArgumentNullException>(() => Timeline<int>.FromSegments(null!));
    }

    [Fact]
    public void Segment_Contains_HalfOpen()
    {
        var segment = new Segment<int>(1, Jan, Mar);

        Assert.True(segment.Contains(Jan));
        Assert.False(segment.Contains(Mar));
        Assert.True(new Segment<int>(1, Jan, null).Contains(Sep));
    }

    [Fact]
    public void NullableValues_AreKept()
    {
        var timeline = Timeline<OrgUnitId?>.StartWith(null, Jan).ChangeTo(new OrgUnitId(7), Jun);

        Assert.True(timeline.TryGetValueAt(Mar, out var root));
        Assert.Null(root);
        Assert.Equal(new OrgUnitId(7), timeline.Current);
    }
}
