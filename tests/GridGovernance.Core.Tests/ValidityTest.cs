using NodaTime;

namespace GridGovernance.Tests;

public class ValidityTest
{
    private static readonly LocalDate Jan = new(2024, 1, 1);
    private static readonly LocalDate Mar = new(2024, 3, 1);
    private static readonly LocalDate Jun = new(2024, 6, 1);

    [Fact]
    public void Construction_EndNotAfterStart_IsRefusedNamingUntil()
    {
        var empty = Assert.Throws<GridGovernanceValidationException>(() => new Validity(Mar, Mar));
        var reversed = Assert.Throws<GridGovernanceValidationException>(() => new Validity(Mar, Jan));

        Assert.Equal(("until", ErrorCodes.ReversedRange), (Assert.Single(empty.Problems).Field, empty.Code));
        Assert.Equal(("until", ErrorCodes.ReversedRange), (Assert.Single(reversed.Problems).Field, reversed.Code));
    }

    [Fact]
    public void Contains_HalfOpen()
    {
        var validity = new Validity(Jan, Mar);

        Assert.True(validity.Contains(Jan));
        Assert.True(validity.Contains(Mar.PlusDays(-1)));
        Assert.False(validity.Contains(Mar));
        Assert.False(validity.Contains(Jan.PlusDays(-1)));
        Assert.False(validity.IsOpen);
        Assert.True(new Validity(Jan).IsOpen);
        Assert.True(new Validity(Jan).Contains(Jun.PlusYears(50)));
    }

    [Fact]
    public void Overlaps()
    {
        var first = new Validity(Jan, Mar);

        Assert.False(first.Overlaps(new Validity(Mar, Jun)));
        Assert.False(new Validity(Mar, Jun).Overlaps(first));
        Assert.True(first.Overlaps(new Validity(Mar.PlusDays(-1), Jun)));
        Assert.True(first.Overlaps(new Validity(Jan.PlusDays(-10))));
        Assert.True(new Validity(Jan).Overlaps(new Validity(Jun)));
        Assert.False(new Validity(Jun).Overlaps(first));
        Assert.True(first.Overlaps(first));
    }

    [Fact]
    public void EndOn()
    {
        var ended = new Validity(Jan).EndOn(Mar);

        Assert.Equal(new Validity(Jan, Mar), ended);
        Assert.Equal(ErrorCodes.ReversedRange, Assert.Throws<GridGovernanceValidationException>(() => new Validity(Mar).EndOn(Jan)).Code);
    }

    [Fact]
    public void ToString_ShowsHalfOpenInterval()
    {
        Assert.Equal("[2024-01-01, 2024-03-01)", new Validity(Jan, Mar).ToString());
        Assert.Equal("[2024-01-01, …)", new Validity(Jan).ToString());
    }
}
