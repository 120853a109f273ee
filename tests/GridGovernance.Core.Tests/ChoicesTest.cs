using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Tests.Scoring.Engine;

namespace GridGovernance.Tests;

/// <summary>The arbitraries that replaced the properties' <c>int seed</c> shrink a failure to a small one.</summary>
public sealed class ChoicesTest
{
    [Fact]
    public void Choices_ReadLikeARandom_AndAsZeroAfterTheEnd()
    {
        var choices = new Choices([7, 12, 5]);
        Assert.Equal(2, choices.Next(5));
        Assert.Equal(12, choices.Next(10, 20));
        Assert.Equal(5, choices.Next());
        Assert.Equal(0, choices.Next(9));
        Assert.Equal(3, choices.Next(3, 3));
        Assert.Equal(0, choices.Next(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => choices.Next(-1));
    }

    [Fact]
    public void AFailure_ShrinksToTheOneChoiceThatBreaksIt()
    {
        Choices? last = null;
        var property = Prop.ForAll(Choices.Arbitrary(), choices =>
        {
            var copy = new Choices([.. choices.Values]);
            bool holds = Enumerable.Range(0, 50).All(_ => choices.Next(10) != 7);
            if (!holds)
            {
                last = copy;
            }
            return holds;
        });

        Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure, property));

        // One choice that reads as 7 is left; every choice before it shrank to 0, the ones after it are gone.
        int[] shrunk = [.. last!.Values];
        Assert.Equal(7, shrunk[^1] % 10);
        Assert.All(shrunk[..^1], c => Assert.Equal(0, c));
    }

    [Fact]
    public void AFailingScenario_ShrinksToTheFewestEntriesThatBreakIt()
    {
        int fewest = int.MaxValue;
        var property = Prop.ForAll(AssessmentEngineProperties.Scenarios(), s =>
        {
            bool holds = s.Entries.Length <= 3;
            if (!holds)
            {
                fewest = Math.Min(fewest, s.Entries.Length);
            }
            return holds;
        });

        Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure, property));

        Assert.Equal(4, fewest);
    }
}
