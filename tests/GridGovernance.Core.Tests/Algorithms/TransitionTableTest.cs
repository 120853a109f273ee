using GridGovernance.Algorithms;

namespace GridGovernance.Tests.Algorithms;

/// <summary>The shared transition table: lookups, refusals and the two kinds of table (commands, moves).</summary>
public sealed class TransitionTableTest
{
    public enum Light
    {
        Red,
        Green,
        Amber,
    }

    public enum Signal
    {
        Go,
        Slow,
        Stop,
        Blink,
    }

    private enum Gapped
    {
        One = 1,
        Two = 2,
    }

    private static readonly TransitionTable<Light, Signal> Commands = new("test.illegal", [
        (Light.Red, Signal.Go, Light.Green),
        (Light.Green, Signal.Slow, Light.Amber),
        (Light.Amber, Signal.Stop, Light.Red),
        (Light.Red, Signal.Blink, Light.Red),
        (Light.Amber, Signal.Blink, Light.Amber),
    ]);

    public static TheoryData<Light, Signal> AllPairs() => StatePairs.All<Light, Signal>();

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void EveryPair_IsAnsweredByItsRowOrRefused(Light from, Signal command)
    {
        var row = Commands.Rows.Where(r => r.From == from && r.Command == command).ToList();
        Assert.Equal(row.Count == 1, Commands.Allows(from, command));
        Assert.Equal(row.Count == 1 ? row[0].To : null, Commands.Next(from, command));
        if (row.Count == 1)
        {
            Assert.Equal(row[0].To, Commands.Apply(from, command, "Light 1", 1, "tester"));
            return;
        }
        var e = Assert.Throws<IllegalTransitionException>(() => Commands.Apply(from, command, "Light 1", 1, "tester"));
        Assert.Equal(("test.illegal", from.ToString(), command.ToString(), Commands.IntendedTarget(from, command).ToString(), "tester", (object)1),
            (e.Code, e.From, e.Command, e.To, e.Actor, e.AggregateId));
        Assert.Equal(Commands.From(from).Select(r => $"{r.Command} → {r.To}"), e.Allowed);
        Assert.Contains($"Light 1 cannot go from {from} to {e.To} by {command} (asked by tester)", e.Message);
    }

    [Fact]
    public void IntendedTarget_IsTheCommandsOnlyTarget_OrTheStateItself()
    {
        Assert.Equal(Light.Green, Commands.IntendedTarget(Light.Amber, Signal.Go));
        // Blink records without moving: refused in Green, it would have stayed Green.
        Assert.Equal(Light.Green, Commands.IntendedTarget(Light.Green, Signal.Blink));
    }

    [Fact]
    public void MovesTable_NamesOnlyStates_AndAFinalStateSaysSo()
    {
        var moves = TransitionTables.Moves("test.illegal", [(Light.Red, Light.Green), (Light.Red, Light.Amber)]);
        Assert.True(moves.Allows(Light.Red, Light.Amber));
        var e = Assert.Throws<IllegalTransitionException>(() => moves.Apply(Light.Green, Light.Red, "Light 2", 2));
        Assert.Equal(("Green", "Red", "Red", null), (e.From, e.Command, e.To, e.Actor));
        Assert.Equal("Light 2 cannot go from Green to Red; Green is final.", e.Message);
        var refused = Assert.Throws<IllegalTransitionException>(() => moves.Apply(Light.Red, Light.Red, "Light 2", 2));
        Assert.Equal(["Green", "Amber"], refused.Allowed.ToArray());
        Assert.EndsWith("from Red the table allows Green, Amber.", refused.Message);
    }

    [Fact]
    public void ATableWithTwoRowsForOnePair_OrOverAGappedEnum_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new TransitionTable<Light, Signal>("test.illegal", [(Light.Red, Signal.Go, Light.Green), (Light.Red, Signal.Go, Light.Amber)]));
        var gapped = Assert.Throws<TypeInitializationException>(() => TransitionTables.Moves("test.illegal", [(Gapped.One, Gapped.Two)]));
        Assert.IsType<InvalidOperationException>(gapped.InnerException);
    }
}
